import type {Job} from './cron-job-types.js'

export type JobOutcome =
  | {state: 'running'; active: number; succeeded: number; failed: number}
  | {state: 'succeeded'; reason: string; message?: string}
  | {state: 'failed'; reason: string; message?: string}

/**
 * Where a Job stands, from its conditions (batch/v1 JobStatus): Complete=True is success,
 * Failed=True failure. Since 1.31 the interim SuccessCriteriaMet / FailureTarget conditions
 * decide the outcome before the pods have terminated; they count as final here, so a
 * waiter reports as soon as the outcome is certain.
 */
export function jobOutcome(job: Job): JobOutcome {
  const conditions = job.status?.conditions ?? []
  const isTrue = (type: string) => conditions.find((condition) => condition.type === type && condition.status === 'True')
  const failed = isTrue('Failed') ?? isTrue('FailureTarget')
  if (failed) return {state: 'failed', reason: failed.reason ?? 'Failed', ...optionalMessage(failed.message)}
  const complete = isTrue('Complete') ?? isTrue('SuccessCriteriaMet')
  if (complete) return {state: 'succeeded', reason: complete.reason ?? 'Complete', ...optionalMessage(complete.message)}
  return {state: 'running', active: job.status?.active ?? 0, succeeded: job.status?.succeeded ?? 0, failed: job.status?.failed ?? 0}
}

function optionalMessage(message: string | undefined): {message?: string} {
  return message === undefined || message === '' ? {} : {message}
}
