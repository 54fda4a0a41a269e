import {civilFromSeconds, formatCivil} from './civil-time.js'
import {nextRunAfter} from './next-run.js'
import {effectiveTimeZone, instantMs, resolveSchedule} from './next-runs.js'
import type {ScheduleZoneOptions} from './next-runs.js'
import type {CronSchedule, Schedule} from './schedule.js'
import {wallClockMatches} from './wall-clock-match.js'
import {zoneOffsets} from './zone-offsets.js'
import type {OffsetTransition} from './zone-offsets.js'

export interface DstAnomaliesOptions extends ScheduleZoneOptions {
  from: Date
  until: Date
}

export interface DstAnomaly {
  /** 'skipped': the wall time lies in a spring-forward gap and never runs; 'repeated': it runs twice. */
  kind: 'skipped' | 'repeated'
  /** The instant the zone's offset changes. */
  transition: Date
  /** The wall-clock minute the schedule names, `YYYY-MM-DDTHH:MM` in the schedule's zone. */
  wallTime: string
  /** Both runs of a repeated time; empty for a skipped one. */
  runs: Date[]
}

export interface DstReport {
  firesTwice: boolean
  skipsRuns: boolean
  anomalies: DstAnomaly[]
}

/**
 * Where a schedule runs twice or not at all because of offset changes in `[from, until)`, for `list`
 * warnings (kubernetes/kubernetes#121594). Skipped times are the wall-clock minutes the schedule names
 * inside a gap; repeated times are the runs the controller really makes twice in an overlap. `@every`
 * is never affected.
 */
export function dstAnomalies(expression: string | Schedule, options: DstAnomaliesOptions): DstReport {
  const schedule = resolveSchedule(expression, options)
  const zone = effectiveTimeZone(schedule, options.controllerTimeZone)
  const from = Math.floor(instantMs(options.from, 'from') / 1000)
  const until = Math.ceil(instantMs(options.until, 'until') / 1000)
  const anomalies =
    schedule.kind === 'every'
      ? []
      : zoneOffsets(zone)
          .transitionsBetween(from, until)
          .flatMap((transition) =>
            transition.offsetAfter > transition.offsetBefore ? skippedInGap(schedule, transition) : repeatedInOverlap(schedule, zone, transition),
          )
  return {
    firesTwice: anomalies.some((anomaly) => anomaly.kind === 'repeated'),
    skipsRuns: anomalies.some((anomaly) => anomaly.kind === 'skipped'),
    anomalies,
  }
}

function skippedInGap(schedule: CronSchedule, transition: OffsetTransition): DstAnomaly[] {
  const skipped: DstAnomaly[] = []
  const firstMinute = Math.ceil((transition.at + transition.offsetBefore) / 60) * 60
  for (let wall = firstMinute; wall < transition.at + transition.offsetAfter; wall += 60) {
    if (wallClockMatches(schedule, civilFromSeconds(wall))) {
      skipped.push({kind: 'skipped', transition: new Date(transition.at * 1000), wallTime: wallMinute(wall), runs: []})
    }
  }
  return skipped
}

function repeatedInOverlap(schedule: CronSchedule, zone: string, transition: OffsetTransition): DstAnomaly[] {
  const overlap = transition.offsetBefore - transition.offsetAfter
  const runsByWallTime = new Map<number, number[]>()
  for (
    let run = nextRunAfter(schedule, zone, (transition.at - overlap - 1) * 1000);
    run !== undefined && run < (transition.at + overlap) * 1000;
    run = nextRunAfter(schedule, zone, run)
  ) {
    const seconds = run / 1000
    const wall = seconds + (seconds < transition.at ? transition.offsetBefore : transition.offsetAfter)
    runsByWallTime.set(wall, [...(runsByWallTime.get(wall) ?? []), run])
  }
  return [...runsByWallTime]
    .filter(([, runs]) => runs.length > 1)
    .map(([wall, runs]) => ({
      kind: 'repeated',
      transition: new Date(transition.at * 1000),
      wallTime: wallMinute(wall),
      runs: runs.map((run) => new Date(run)),
    }))
}

function wallMinute(wallSeconds: number): string {
  return formatCivil(civilFromSeconds(wallSeconds)).slice(0, 16)
}
