import type {ProbeAttempt} from '../domain/probe-output.js'
import type {ProbeTarget} from '../domain/probe-target.js'

/** The pod a probe runs in. */
export interface ProbeSource {
  namespace: string
  name: string
}

export const PROBE_STRATEGIES = ['ephemeral', 'exec'] as const
export type ProbeStrategy = (typeof PROBE_STRATEGIES)[number]

/**
 * Runs live connection attempts from inside a pod. `probe` makes one attempt at each target and
 * answers by target text (probeTargetText); a target with no entry had no answer. It throws
 * ProbeRunError when it cannot probe from that pod at all (the probes become errors, the others
 * go on) and any other error when the command cannot go on (forbidden, unreachable API).
 */
export interface Prober {
  readonly via: ProbeStrategy
  probe(source: ProbeSource, targets: readonly ProbeTarget[]): Promise<Map<string, ProbeAttempt>>
}

/** The probes of one source pod could not run: its probes are reported as errors with this message. */
export class ProbeRunError extends Error {}
