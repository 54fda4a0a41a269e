import {Flags} from '@oclif/core'
import {UsageError, parseNonNegativeDuration} from '@kubeline/core'
import {DEFAULT_PROBE_IMAGE} from './domain/probe-program.js'
import {ephemeralProber} from './services/ephemeral-prober.js'
import {execProber} from './services/exec-prober.js'
import type {MakeProber} from './services/probe-connectivity.js'
import {PROBE_STRATEGIES} from './services/prober.js'

/** How live probes run (`probe`, `run --probe`). */
export const probeFlags = {
  via: Flags.string({
    description:
      'How to connect from the source pod: ephemeral (add an ephemeral container running --probe-image, as kubectl debug) or exec (run /agnhost connect in the pod\'s own container, which must have it).',
    options: [...PROBE_STRATEGIES],
    default: 'ephemeral',
  }),
  'probe-image': Flags.string({description: 'The ephemeral probe container\'s image: needs /bin/sh and /agnhost.', default: DEFAULT_PROBE_IMAGE}),
  'probe-timeout': Flags.string({description: 'How long one connection attempt may take (agnhost connect --timeout), rounded up to seconds.', default: '1s'}),
  'probe-start-timeout': Flags.string({description: 'How long the ephemeral container may take to start (image pull) before its probes count as errors.', default: '2m'}),
  container: Flags.string({char: 'c', description: 'With --via exec: the container to run in (default: the pod\'s kubectl.kubernetes.io/default-container, else its first).'}),
}

interface ProbeFlagValues {
  via: string
  'probe-image': string
  'probe-timeout': string
  'probe-start-timeout': string
  container?: string
}

/** The prober the flags ask for; bad values are refused (exit 2) before the cluster is read. */
export function proberFromFlags(flags: ProbeFlagValues): MakeProber {
  const timeoutMs = parseNonNegativeDuration(flags['probe-timeout'], '--probe-timeout')
  if (timeoutMs <= 0) throw new UsageError('INVALID_DURATION', `invalid --probe-timeout "${flags['probe-timeout']}": must be more than 0`)
  const timeoutSeconds = Math.ceil(timeoutMs / 1000)
  const startTimeoutMs = parseNonNegativeDuration(flags['probe-start-timeout'], '--probe-start-timeout')
  if (flags.via === 'exec') return (kube) => execProber(kube, {timeoutSeconds, ...(flags.container === undefined ? {} : {container: flags.container})})
  if (flags.container !== undefined) throw new UsageError('INVALID_FLAG', '--container is for --via exec: the ephemeral probe runs in a container of its own')
  // The API server takes an image with inner spaces; the kubelet then fails to pull it, after --probe-start-timeout.
  if (flags['probe-image'] === '' || /\s/.test(flags['probe-image'])) {
    throw new UsageError('INVALID_FLAG', `invalid --probe-image "${flags['probe-image']}": an image reference is not empty and has no whitespace`)
  }
  return (kube) => ephemeralProber(kube, {image: flags['probe-image'], timeoutSeconds, startTimeoutMs})
}
