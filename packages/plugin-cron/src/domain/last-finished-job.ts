import {compareCodeUnits} from '@kubeline/core'
import type {Job} from './cron-job-types.js'
import {jobOutcome} from './job-outcome.js'
import type {JobOutcome} from './job-outcome.js'

/** A CronJob's most recently started finished Job: what the LastJobFailed warning looks at. */
export interface FinishedJob {
  name: string | undefined
  /** `status.startTime`, '' when unset. */
  startTime: string
  outcome: Exclude<JobOutcome, {state: 'running'}>
}

/**
 * Folds one Job into the most recently started finished Job so far: the later `status.startTime`
 * wins, and on a tie the Job seen first (as a stable sort of the whole list would keep it). A
 * running Job changes nothing. Folding lets a caller drop each page of Jobs once it is read.
 */
export function laterFinishedJob(current: FinishedJob | undefined, job: Job): FinishedJob | undefined {
  const outcome = jobOutcome(job)
  if (outcome.state === 'running') return current
  const startTime = job.status?.startTime ?? ''
  if (current && compareCodeUnits(startTime, current.startTime) <= 0) return current
  return {name: job.metadata.name, startTime, outcome}
}

