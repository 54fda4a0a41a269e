import {kubeTime} from './kube-time.js'

export interface JobCondition {
  type: string
  status: 'True' | 'False'
  reason?: string
  message?: string
  lastProbeTime: string
  lastTransitionTime: string
}

/** How a Job ends, with the reasons and messages of upstream pkg/controller/job/job_controller.go. */
export const JOB_OUTCOMES = {
  completionsReached: {success: true, reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods'},
  backoffLimitExceeded: {success: false, reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit'},
  deadlineExceeded: {success: false, reason: 'DeadlineExceeded', message: 'Job was active longer than specified deadline'},
} as const

export type JobOutcome = (typeof JOB_OUTCOMES)[keyof typeof JOB_OUTCOMES]

export function jobCondition(type: string, status: boolean, atMs: number, reason?: string, message?: string): JobCondition {
  const at = kubeTime(atMs)
  return {type, status: status ? 'True' : 'False', ...(reason ? {reason} : {}), ...(message ? {message} : {}), lastProbeTime: at, lastTransitionTime: at}
}

/**
 * The conditions of a finished Job as current upstream (1.31+) writes them: the interim
 * SuccessCriteriaMet / FailureTarget first, then Complete / Failed with the same reason.
 */
export function finishedConditions(existing: JobCondition[], outcome: JobOutcome, atMs: number): JobCondition[] {
  const [interim, terminal] = outcome.success ? ['SuccessCriteriaMet', 'Complete'] : ['FailureTarget', 'Failed']
  return [
    ...existing.filter((c) => c.type !== interim && c.type !== terminal),
    jobCondition(interim, true, atMs, outcome.reason, outcome.message),
    jobCondition(terminal, true, atMs, outcome.reason, outcome.message),
  ]
}

/** Complete=True or Failed=True. */
export function isJobFinished(conditions: JobCondition[] | undefined): boolean {
  return (conditions ?? []).some((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True')
}

/** When the Job finished (the terminal condition's transition time), if it has. */
export function jobFinishedAt(conditions: JobCondition[] | undefined): number | undefined {
  const terminal = (conditions ?? []).find((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True')
  return terminal ? Date.parse(terminal.lastTransitionTime) : undefined
}

export function setSuspendedCondition(existing: JobCondition[], suspended: boolean, atMs: number): JobCondition[] {
  const current = existing.find((c) => c.type === 'Suspended')
  if (!current && !suspended) return existing
  if (current && (current.status === 'True') === suspended) return existing
  const next = suspended
    ? jobCondition('Suspended', true, atMs, 'JobSuspended', 'Job suspended')
    : jobCondition('Suspended', false, atMs, 'JobResumed', 'Job resumed')
  return [...existing.filter((c) => c.type !== 'Suspended'), next]
}
