import type {ProbeTarget} from './probe-target.js'
import {agnhostAddress, probeTargetText} from './probe-target.js'

/** The image of the probe container: agnhost, the client the upstream conformance tests probe with. */
export const DEFAULT_PROBE_IMAGE = 'registry.k8s.io/e2e-test-images/agnhost:2.53'

/**
 * One `agnhost connect` per target, in order, each printing `<target> <exit code> <reason>`
 * (probe-output.ts reads it). `set -f` and the unquoted reason fold agnhost's text onto
 * the line without expanding it. The targets travel in the environment, not in the script, so
 * the script is the same for every probe.
 */
const PROBE_SCRIPT =
  'set -f; for t in $KUBELINE_PROBE_TARGETS; do ' +
  'r=$(/agnhost connect "${t#*:}" --timeout="${KUBELINE_PROBE_TIMEOUT}s" --protocol="${t%%:*}" 2>&1); c=$?; ' +
  'echo "$t $c" ${r:-OK}; done'

export interface ProbeContainerSpec {
  name: string
  image: string
  command: string[]
  env: {name: string; value: string}[]
  stdin: false
  tty: false
}

/** The ephemeral container that probes `targets` from inside its pod, `timeoutSeconds` per connection. */
export function probeContainer(name: string, image: string, targets: readonly ProbeTarget[], timeoutSeconds: number): ProbeContainerSpec {
  return {
    name,
    image,
    command: ['/bin/sh', '-c', PROBE_SCRIPT],
    env: [
      {name: 'KUBELINE_PROBE_TARGETS', value: targets.map(probeTargetText).join(' ')},
      {name: 'KUBELINE_PROBE_TIMEOUT', value: String(timeoutSeconds)},
    ],
    stdin: false,
    tty: false,
  }
}

/** `kubectl exec` form for one target (`--via exec`): agnhost must be in the pod's container. */
export function agnhostConnectCommand(target: ProbeTarget, timeoutSeconds: number): string[] {
  return ['/agnhost', 'connect', agnhostAddress(target), `--timeout=${timeoutSeconds}s`, `--protocol=${target.protocol.toLowerCase()}`]
}
