import type {CronJob, Job} from './cron-job-types.js'
import {dstAnomalies} from './dst-anomalies.js'
import {jobOutcome} from './job-outcome.js'
import {mostRecentScheduleTime} from './most-recent-schedule-time.js'
import {nextRuns} from './next-runs.js'

export interface CronJobSummary {
  namespace: string
  name: string
  schedule: string
  /** `spec.timeZone`, or undefined: the controller's zone. */
  timeZone?: string
  suspended: boolean
  active: number
  lastScheduleTime?: string
  lastSuccessfulTime?: string
  /** The next run as the controller computes it; undefined when suspended or never within five years. */
  nextRun?: string
  warnings: CronJobWarning[]
}

export type CronJobWarningKind = 'InvalidSchedule' | 'MissedRuns' | 'TooManyMissedRuns' | 'LastJobFailed' | 'RunsTwiceAtDst' | 'SkippedAtDst'

export interface CronJobWarning {
  kind: CronJobWarningKind
  message: string
}

export interface SummaryContext {
  now: Date
  /** The kube-controller-manager's zone for CronJobs without spec.timeZone (UTC unless told). */
  controllerTimeZone?: string
  /** The CronJob's Jobs, to see whether the last one failed. */
  jobs?: readonly Job[]
}

const DST_LOOKAHEAD_MS = 366 * 24 * 3600 * 1000

/**
 * What `list` shows for one CronJob: its next run, and the warnings a platform engineer wants
 * before a page: missed runs (by the controller's own approximation, starting deadline included),
 * too many missed runs (the controller gives up counting past 100), the last Job failing, and
 * schedules that run twice or not at all across DST transitions in the coming year.
 */
export function summarizeCronJob(cronJob: CronJob, context: SummaryContext): CronJobSummary {
  const {spec} = cronJob
  const summary: CronJobSummary = {
    namespace: cronJob.metadata.namespace ?? '',
    name: cronJob.metadata.name ?? '',
    schedule: spec.schedule,
    suspended: spec.suspend === true,
    active: cronJob.status?.active?.length ?? 0,
    warnings: [],
  }
  if (spec.timeZone !== undefined) summary.timeZone = spec.timeZone
  if (cronJob.status?.lastScheduleTime) summary.lastScheduleTime = cronJob.status.lastScheduleTime
  if (cronJob.status?.lastSuccessfulTime) summary.lastSuccessfulTime = cronJob.status.lastSuccessfulTime
  const zone = {timeZone: spec.timeZone, controllerTimeZone: context.controllerTimeZone}
  try {
    if (!summary.suspended) {
      const [next] = nextRuns(spec.schedule, {...zone, from: context.now, count: 1})
      if (next) summary.nextRun = next.toISOString()
      summary.warnings.push(...missedRunWarnings(cronJob, context))
    }
    summary.warnings.push(...dstWarnings(spec.schedule, zone, context.now))
  } catch (err) {
    summary.warnings.push({kind: 'InvalidSchedule', message: (err as Error).message})
  }
  const failed = lastJobFailure(context.jobs ?? [])
  if (failed) summary.warnings.push(failed)
  return summary
}

function missedRunWarnings(cronJob: CronJob, context: SummaryContext): CronJobWarning[] {
  const earliest = cronJob.status?.lastScheduleTime ?? cronJob.metadata.creationTimestamp
  if (earliest === undefined) return []
  const result = mostRecentScheduleTime(cronJob.spec.schedule, {
    timeZone: cronJob.spec.timeZone,
    controllerTimeZone: context.controllerTimeZone,
    earliest: new Date(earliest),
    now: context.now,
    startingDeadlineSeconds: cronJob.spec.startingDeadlineSeconds,
  })
  if (result.invalidSchedule) return [{kind: 'InvalidSchedule', message: result.invalidSchedule}]
  if (result.tooMany) {
    return [{kind: 'TooManyMissedRuns', message: 'more than 100 runs missed: the controller starts only the most recent one'}]
  }
  if (result.missedCount > 0) {
    return [{kind: 'MissedRuns', message: `${result.missedCount} runs missed since ${earliest}; the controller starts only the most recent one`}]
  }
  return []
}

function dstWarnings(schedule: string, zone: {timeZone?: string; controllerTimeZone?: string}, now: Date): CronJobWarning[] {
  const report = dstAnomalies(schedule, {...zone, from: now, until: new Date(now.getTime() + DST_LOOKAHEAD_MS)})
  const warnings: CronJobWarning[] = []
  const repeated = report.anomalies.find((anomaly) => anomaly.kind === 'repeated')
  const skipped = report.anomalies.find((anomaly) => anomaly.kind === 'skipped')
  if (repeated) warnings.push({kind: 'RunsTwiceAtDst', message: `runs twice at ${repeated.wallTime} when clocks go back`})
  if (skipped) warnings.push({kind: 'SkippedAtDst', message: `does not run at ${skipped.wallTime}: that time does not exist when clocks go forward`})
  return warnings
}

/** The most recently started finished Job failed. */
function lastJobFailure(jobs: readonly Job[]): CronJobWarning | undefined {
  const finished = jobs
    .map((job) => ({job, outcome: jobOutcome(job)}))
    .filter(({outcome}) => outcome.state !== 'running')
    .sort((a, b) => (b.job.status?.startTime ?? '').localeCompare(a.job.status?.startTime ?? ''))
  const last = finished[0]
  if (last?.outcome.state !== 'failed') return undefined
  return {kind: 'LastJobFailed', message: `last Job ${last.job.metadata.name} failed: ${last.outcome.reason}`}
}
