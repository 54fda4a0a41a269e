import {compareCodeUnits} from '@kubeline/core'
import type {CronJob, Job} from './cron-job-types.js'
import {jobOutcome} from './job-outcome.js'
import {INSTANTIATE_ANNOTATION} from './manual-job.js'
import {formatRfc3339Time} from './rfc3339-time.js'

export const SCHEDULED_TIMESTAMP_ANNOTATION = 'batch.kubernetes.io/cronjob-scheduled-timestamp'

export interface JobHistoryEntry {
  name: string
  /** `scheduled` by the controller, or `manual` (cron-trigger, kubectl create job --from, …). */
  trigger: 'scheduled' | 'manual'
  scheduledTime?: string
  startTime?: string
  completionTime?: string
  durationSeconds?: number
  result: 'Running' | 'Succeeded' | 'Failed'
  reason?: string
}

/**
 * The Jobs a CronJob owns (by controller ownerReference uid, as the controller associates them),
 * oldest first. A Job is "manual" when it carries kubectl's instantiate annotation (its name may still
 * end in digits, `report-5`); else "scheduled" when it carries the controller's scheduled-timestamp
 * annotation or its name is `<cronjob>-<minutes>`; else "manual".
 */
export function jobHistory(cronJob: CronJob, jobs: readonly Job[], now: Date): JobHistoryEntry[] {
  const owned = jobs.filter((job) =>
    job.metadata.ownerReferences?.some((ref) => ref.controller === true && ref.uid === cronJob.metadata.uid),
  )
  return owned.map((job) => historyEntry(cronJob, job, now)).sort(byStart)
}

function historyEntry(cronJob: CronJob, job: Job, now: Date): JobHistoryEntry {
  const outcome = jobOutcome(job)
  const manual = job.metadata.annotations?.[INSTANTIATE_ANNOTATION] !== undefined
  const scheduledTime = manual ? undefined : scheduledTimeOf(cronJob, job)
  const entry: JobHistoryEntry = {
    name: job.metadata.name as string,
    trigger: scheduledTime === undefined ? 'manual' : 'scheduled',
    result: outcome.state === 'running' ? 'Running' : outcome.state === 'succeeded' ? 'Succeeded' : 'Failed',
  }
  if (scheduledTime !== undefined) entry.scheduledTime = scheduledTime
  if (outcome.state !== 'running') entry.reason = outcome.reason
  const start = job.status?.startTime
  if (start) {
    entry.startTime = start
    const end = job.status?.completionTime ?? lastTransition(job) ?? (outcome.state === 'running' ? now.toISOString() : undefined)
    if (job.status?.completionTime) entry.completionTime = job.status.completionTime
    if (end) entry.durationSeconds = Math.max(0, Math.round((Date.parse(end) - Date.parse(start)) / 1000))
  }
  return entry
}

function scheduledTimeOf(cronJob: CronJob, job: Job): string | undefined {
  const annotated = job.metadata.annotations?.[SCHEDULED_TIMESTAMP_ANNOTATION]
  if (annotated) return annotated
  const suffix = (job.metadata.name as string).slice((cronJob.metadata.name as string).length + 1)
  return /^\d{1,12}$/.test(suffix) ? formatRfc3339Time(new Date(Number(suffix) * 60_000)) : undefined
}

function lastTransition(job: Job): string | undefined {
  const terminal = job.status?.conditions?.find((condition) => ['Failed', 'Complete'].includes(condition.type) && condition.status === 'True')
  return terminal?.lastTransitionTime
}

/** The controller's order (cronjob utils.go byJobStartTime): by status.startTime, Jobs not started last, ties by name. */
function byStart(a: JobHistoryEntry, b: JobHistoryEntry): number {
  const notStarted = Number(a.startTime === undefined) - Number(b.startTime === undefined)
  return notStarted || Date.parse(a.startTime ?? '') - Date.parse(b.startTime ?? '') || compareCodeUnits(a.name, b.name)
}
