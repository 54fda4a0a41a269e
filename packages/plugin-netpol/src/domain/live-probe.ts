import type {ProbeAttempt} from './probe-output.js'
import type {Protocol} from './protocol.js'

export type Reachability = 'allow' | 'deny'

/** What the network did: `error` when the probe could not run (image not pulled, pod gone, no client). */
export interface LiveResult {
  result: Reachability | 'error'
  /** `OK`, `TIMEOUT`, `REFUSED`, agnhost's text, or why the probe could not run. */
  message: string
  /** 2 when the first attempt disagreed with the policies (or failed) and was retried, as upstream does. */
  attempts: number
}

/** `agree`: the network did what the policies say; `mismatch`: it did not; `error`: no live answer. */
export type ProbeStatus = 'agree' | 'mismatch' | 'error'

/** One probed connection with both answers. */
export interface ProbeResult {
  from: string
  /** As asked (`ns/pod`, `ns/deployment/name`, `ip:1.2.3.4`) or the pod's name in matrix mode. */
  to: string
  /** The address the probe connected to: the destination pod's IP or the external address. */
  address: string
  port: number
  protocol: Protocol
  /** The policies' verdict. */
  expected: Reachability
  live: LiveResult
  status: ProbeStatus
}

export interface ProbeSummary {
  probes: number
  agree: number
  mismatch: number
  errors: number
}

export function liveResult(attempt: ProbeAttempt | Error, attempts: number): LiveResult {
  if (attempt instanceof Error) return {result: 'error', message: attempt.message, attempts}
  return {result: attempt.connected ? 'allow' : 'deny', message: attempt.message, attempts}
}

export function probeStatus(expected: Reachability, live: LiveResult): ProbeStatus {
  if (live.result === 'error') return 'error'
  return live.result === expected ? 'agree' : 'mismatch'
}

/** A first attempt that disagrees or failed gets one more: enforcement is eventually consistent (upstream retries once). */
export function needsRetry(expected: Reachability, live: LiveResult): boolean {
  return probeStatus(expected, live) !== 'agree'
}

export function probeSummary(results: readonly ProbeResult[]): ProbeSummary {
  const count = (status: ProbeStatus) => results.filter((result) => result.status === status).length
  return {probes: results.length, agree: count('agree'), mismatch: count('mismatch'), errors: count('error')}
}

/**
 * Why a mismatch may happen, for the reader: traffic the policies deny that connects means the
 * network does not enforce them; traffic they allow that fails is blocked elsewhere or not served.
 */
export function mismatchReason(result: ProbeResult): string {
  if (result.expected === 'deny') {
    return 'connected although the policies deny it: does the network plugin (CNI) enforce NetworkPolicy, and did the policy reach it yet?'
  }
  if (result.live.message.startsWith('REFUSED')) {
    return 'refused although the policies allow it: nothing listens on that port, or the network plugin rejects instead of dropping'
  }
  return 'failed although the policies allow it: blocked by something the policies do not show (a CNI-specific policy, a firewall), or nothing answers on that port'
}
