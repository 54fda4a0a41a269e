import type {CronJob} from './cron-job-types.js'
import type {FinishedJob} from './last-finished-job.js'
import {mostRecentScheduleTime} from './most-recent-schedule-time.js'
import {nextRuns} from './next-runs.js'
import {formatRfc3339Time} from './rfc3339-time.js'
import type {Schedule} from './schedule.js'
import {ScheduleFactsMemo} from './schedule-facts.js'
import type {ScheduleFactsContext} from './schedule-facts.js'

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

/**
 * What `list` shows for CronJobs at one instant: each one's next run, and the warnings a platform
 * engineer wants before a page: missed runs (by the controller's own approximation, starting deadline
 * included), too many missed runs (the controller gives up counting past 100), and schedules that run
 * twice or not at all across DST transitions in the coming year. The last Job failing needs the Jobs,
 * which come from another list: `addLastJobFailure` adds that warning, last.
 *
 * What depends only on the schedule and zone (ScheduleFactsMemo), and the missed runs of CronJobs
 * that also share their last schedule time and starting deadline, are worked out once.
 */
export function cronJobSummarizer(context: ScheduleFactsContext): (cronJob: CronJob) => CronJobSummary {
  const memo = new ScheduleFactsMemo(context)
  const missedRuns = new Map<string, readonly CronJobWarning[]>()
  const missedRunsOf = (cronJob: CronJob, schedule: Schedule): readonly CronJobWarning[] => {
    const {spec} = cronJob
    const key = JSON.stringify([spec.schedule, spec.timeZone ?? null, earliestRun(cronJob) ?? null, spec.startingDeadlineSeconds ?? null])
    let warnings = missedRuns.get(key)
    if (!warnings) {
      warnings = missedRunWarnings(cronJob, schedule, context)
      missedRuns.set(key, warnings)
    }
    return warnings
  }
  return (cronJob) => {
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
    const facts = memo.factsOf(spec.schedule, spec.timeZone)
    if (!facts.valid) {
      summary.warnings.push({kind: 'InvalidSchedule', message: facts.problem})
      return summary
    }
    try {
      if (!summary.suspended) {
        const nextRun = facts.schedule.kind === 'every' ? nextEveryRun(cronJob, facts.schedule, context) : facts.nextRun
        if (nextRun !== undefined) summary.nextRun = nextRun
        summary.warnings.push(...copies(missedRunsOf(cronJob, facts.schedule)))
      }
      summary.warnings.push(...copies(facts.dstWarnings))
    } catch (err) {
      // A status.lastScheduleTime or creationTimestamp that is not a time: reported, not thrown.
      summary.warnings.push({kind: 'InvalidSchedule', message: (err as Error).message})
    }
    return summary
  }
}

/** Adds LastJobFailed when the CronJob's most recently started finished Job failed. */
export function addLastJobFailure(summary: CronJobSummary, last: FinishedJob | undefined): void {
  if (last?.outcome.state === 'failed') summary.warnings.push({kind: 'LastJobFailed', message: `last Job ${last.name} failed: ${last.outcome.reason}`})
}

/** Each summary owns its warnings: shared objects would become YAML anchors or leak edits between rows. */
function copies(warnings: readonly CronJobWarning[]): CronJobWarning[] {
  return warnings.map((warning) => ({...warning}))
}

/** Where the count starts: the last schedule, or the start of the starting deadline when that is later. */
function missedSince(earliest: string, startingDeadlineSeconds: number | undefined, now: Date): string {
  if (startingDeadlineSeconds === undefined) return `since ${earliest}`
  const deadline = Math.floor(now.getTime() / 1000) * 1000 - startingDeadlineSeconds * 1000
  if (deadline <= Date.parse(earliest)) return `since ${earliest}`
  return `within startingDeadlineSeconds (${startingDeadlineSeconds}) since ${formatRfc3339Time(new Date(deadline))}`
}

/** `@every` counts from the CronJob's own last run, so unlike a cron schedule's its next run is not shared. */
function nextEveryRun(cronJob: CronJob, schedule: Schedule, context: ScheduleFactsContext): string | undefined {
  const lastRun = earliestRun(cronJob)
  const zone = {controllerTimeZone: context.controllerTimeZone}
  const [next] = nextRuns(schedule, {...zone, from: context.now, count: 1, ...(lastRun === undefined ? {} : {lastRun: new Date(lastRun)})})
  return next && formatRfc3339Time(next)
}

/** Where the controller starts counting missed runs: the last schedule, else the creation. */
function earliestRun(cronJob: CronJob): string | undefined {
  return cronJob.status?.lastScheduleTime ?? cronJob.metadata.creationTimestamp
}

function missedRunWarnings(cronJob: CronJob, schedule: Schedule, context: ScheduleFactsContext): CronJobWarning[] {
  const earliest = earliestRun(cronJob)
  if (earliest === undefined) return []
  const result = mostRecentScheduleTime(schedule, {
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
    return [{kind: 'MissedRuns', message: `${result.missedCount} runs missed ${missedSince(earliest, cronJob.spec.startingDeadlineSeconds, context.now)}; the controller starts only the most recent one`}]
  }
  return []
}
