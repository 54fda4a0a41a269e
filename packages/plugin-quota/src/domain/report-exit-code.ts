export interface ReportOutcome {
  /** Contexts that could not be read. */
  failedContexts: number
  /** Quota lines at or over --fail-at. */
  breached: number
  /** Pods missing a request or limit a quota requires. */
  missingRequests: number
  failOnMissing: boolean
}

/**
 * The exit code of a report (docs/exit-codes.md): 1 when any context could not be read,
 * even if a quota is also breached, since an incomplete report cannot pass a gate and the
 * unread cluster may hold the worst namespace; else 3 when a quota line is at or over
 * --fail-at (or, with --fail-on-missing, a pod lacks a required request); else 0.
 */
export function reportExitCode(outcome: ReportOutcome): 0 | 1 | 3 {
  if (outcome.failedContexts > 0) return 1
  if (outcome.breached > 0 || (outcome.failOnMissing && outcome.missingRequests > 0)) return 3
  return 0
}
