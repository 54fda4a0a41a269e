import type {ContainerProgram} from '../controllers/container-program.js'
import {envValue} from '../controllers/container-program.js'
import type {ConnectionProbe} from '../network/connection-probe.js'
import {parseProbeTarget} from './connection-target.js'

export const PROBE_TARGETS_ENV = 'KUBELINE_PROBE_TARGETS'

/**
 * kubeline's probe script (netpol-test `probe`), recognised by its KUBELINE_PROBE_TARGETS env
 * var: one log line `<target> <exit code> <message>` per target, in order, then exit 0. The
 * message is agnhost connect's: OK, TIMEOUT or REFUSED (UNKNOWN for a target it cannot read).
 */
export function probeProgram(probe: ConnectionProbe): ContainerProgram {
  return (pod, container) => {
    const targets = envValue(container, PROBE_TARGETS_ENV)
    if (targets === undefined) return undefined
    const source = {namespace: pod.metadata.namespace ?? '', name: pod.metadata.name ?? ''}
    const lines = targets
      .split(/\s+/)
      .filter((target) => target !== '')
      .map((target) => {
        const attempt = parseProbeTarget(target)
        if (!attempt) return `${target} 1 UNKNOWN: invalid target, expected proto:host:port`
        const outcome = probe(source, attempt)
        return `${target} ${outcome === 'OK' ? 0 : 1} ${outcome}`
      })
    return {lines, exitCode: 0}
  }
}
