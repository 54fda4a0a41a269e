import {nextRunAfter} from './next-run.js'
import {effectiveTimeZone, instantMs, resolveSchedule} from './next-runs.js'
import type {ScheduleZoneOptions} from './next-runs.js'
import type {Schedule} from './schedule.js'

export interface MostRecentScheduleOptions extends ScheduleZoneOptions {
  /** `status.lastScheduleTime`, else `metadata.creationTimestamp`. */
  earliest: Date
  now: Date
  /** `spec.startingDeadlineSeconds`: runs older than now minus this are never started. */
  startingDeadlineSeconds?: number
}

export interface MostRecentSchedule {
  /** The run the controller would start now; undefined when none is due. */
  mostRecent?: Date
  /**
   * The controller's own estimate of missed runs: (now - t1) / (t2 - t1) + 1 with t1, t2 the first two
   * runs after `earliest`. 0 when at most one run is due (upstream calls that "none missed").
   */
  missedCount: number
  /** More than 100 missed: the controller emits a TooManyMissedTimes warning (and still starts one). */
  tooMany: boolean
  /** Set when the controller reports InvalidSchedule (no two runs at least a second apart). */
  invalidSchedule?: string
}

/**
 * kubernetes pkg/controller/cronjob/utils.go mostRecentScheduleTime, as nextScheduleTime calls it
 * (starting deadline included). It approximates on purpose, like upstream: for irregular schedules
 * it may find no run although some were missed (`30 10,11,12 * * 1-5`, 30.5 h late).
 */
export function mostRecentScheduleTime(expression: string | Schedule, options: MostRecentScheduleOptions): MostRecentSchedule {
  const schedule = resolveSchedule(expression, options)
  const zone = effectiveTimeZone(schedule, options.controllerTimeZone)
  const next = (afterMs: number): number | undefined => nextRunAfter(schedule, zone, afterMs)
  const now = instantMs(options.now, 'now')
  let earliest = instantMs(options.earliest, 'earliest')
  if (options.startingDeadlineSeconds !== undefined) earliest = Math.max(earliest, now - options.startingDeadlineSeconds * 1000)

  const t1 = next(earliest)
  if (t1 !== undefined && now < t1) return {missedCount: 0, tooMany: false}
  const t2 = t1 === undefined ? undefined : next(t1)
  if (t1 !== undefined && t2 !== undefined && now < t2) return {mostRecent: new Date(t1), missedCount: 0, tooMany: false}
  const secondsBetween = t1 === undefined || t2 === undefined ? 0 : Math.round((t2 - t1) / 1000)
  if (t1 === undefined || secondsBetween < 1) {
    return {missedCount: 0, tooMany: false, invalidSchedule: 'time difference between two schedules is less than 1 second'}
  }

  const missedCount = Math.floor(Math.trunc((now - t1) / 1000) / secondsBetween) + 1
  let mostRecent: number | undefined
  for (let t = next(t1 + (missedCount - 2) * secondsBetween * 1000); t !== undefined && t <= now; t = next(t)) mostRecent = t
  const counts = {missedCount, tooMany: missedCount > 100}
  return mostRecent === undefined ? counts : {mostRecent: new Date(mostRecent), ...counts}
}
