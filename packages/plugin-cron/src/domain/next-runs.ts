import {UsageError} from '@kubeline/core'
import {nextRunAfter} from './next-run.js'
import {parseSchedule} from './parse-schedule.js'
import type {EverySchedule, Schedule} from './schedule.js'
import {checkTimeZone} from './time-zone.js'

export interface ScheduleZoneOptions {
  /** `spec.timeZone`; for a parsed Schedule it replaces the schedule's own. */
  timeZone?: string
  /** The kube-controller-manager's zone, used when the CronJob sets none; UTC when omitted. */
  controllerTimeZone?: string
}

export interface NextRunsOptions extends ScheduleZoneOptions {
  /** Runs strictly after this instant. */
  from: Date
  count: number
  /**
   * For `@every`: the CronJob's `status.lastScheduleTime`, else its creationTimestamp. The controller counts
   * the interval from it (mostRecentScheduleTime), so the runs fall on it plus whole intervals; without it
   * they are counted from `from`. Cron schedules do not depend on it.
   */
  lastRun?: Date
}

/**
 * The next `count` run times as the CronJob controller computes them: robfig/cron v3.0.1 Next()
 * applied repeatedly, each result fed back in. Stops early (possibly at an empty list) when no run
 * falls within five years of the previous one.
 */
export function nextRuns(expression: string | Schedule, options: NextRunsOptions): Date[] {
  if (!Number.isInteger(options.count) || options.count < 0) {
    throw new UsageError('INVALID_ARGUMENT', `invalid count ${options.count}: must be a whole number, 0 or more`)
  }
  const schedule = resolveSchedule(expression, options)
  const zone = effectiveTimeZone(schedule, options.controllerTimeZone)
  const runs: Date[] = []
  let after = instantMs(options.from, 'from')
  if (schedule.kind === 'every' && options.lastRun !== undefined) after = lastEveryRunAtOrBefore(schedule, instantMs(options.lastRun, 'lastRun'), after)
  while (runs.length < options.count) {
    const next = nextRunAfter(schedule, zone, after)
    if (next === undefined) break
    runs.push(new Date(next))
    after = next
  }
  return runs
}

/** The run of the grid `lastRun + k × interval` (whole seconds, as robfig counts) at or just before `atMs`. */
function lastEveryRunAtOrBefore(schedule: EverySchedule, lastRunMs: number, atMs: number): number {
  const intervalMs = schedule.intervalSeconds * 1000
  const gridStart = Math.floor(lastRunMs / 1000) * 1000
  return gridStart + Math.floor((atMs - gridStart) / intervalMs) * intervalMs
}

/** Parses a schedule text, or applies `options.timeZone` to an already parsed one. */
export function resolveSchedule(expression: string | Schedule, options: ScheduleZoneOptions): Schedule {
  const {timeZone} = options
  if (typeof expression === 'string') return parseSchedule(expression, timeZone === undefined ? {} : {timeZone})
  if (timeZone === undefined) return expression
  checkTimeZone(timeZone)
  return {...expression, timeZone}
}

/** The zone a schedule runs in: its own, else the controller's, else UTC. */
export function effectiveTimeZone(schedule: Schedule, controllerTimeZone: string | undefined): string {
  if (schedule.timeZone !== undefined) return schedule.timeZone
  if (controllerTimeZone === undefined) return 'UTC'
  checkTimeZone(controllerTimeZone)
  return controllerTimeZone
}

/** Milliseconds of a Date given as input, rejecting an invalid one by name. */
export function instantMs(date: Date, name: string): number {
  const ms = date.getTime()
  if (Number.isNaN(ms)) throw new UsageError('INVALID_ARGUMENT', `invalid ${name} time: not a valid date`)
  return ms
}
