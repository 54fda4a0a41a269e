import type {CronJobWarning} from './cron-job-summary.js'
import {dstAnomalies} from './dst-anomalies.js'
import {nextRuns} from './next-runs.js'
import type {ScheduleZoneOptions} from './next-runs.js'
import {parseSchedule} from './parse-schedule.js'
import {formatRfc3339Time} from './rfc3339-time.js'
import type {Schedule} from './schedule.js'

/** What a CronJob's schedule and `spec.timeZone` alone decide at one instant: CronJobs that share both share these. */
export type ScheduleFacts =
  | {
      valid: true
      schedule: Schedule
      /** The next run after `now`, ISO; undefined when none falls within five years. */
      nextRun?: string
      dstWarnings: readonly CronJobWarning[]
    }
  | {valid: false; problem: string}

export interface ScheduleFactsContext {
  now: Date
  /** The kube-controller-manager's zone for CronJobs without spec.timeZone (UTC unless told). */
  controllerTimeZone?: string
}

const DST_LOOKAHEAD_MS = 366 * 24 * 3600 * 1000

/**
 * The facts of each distinct (schedule, spec.timeZone) pair, worked out on first use. Parsing, the
 * next run and the year-long DST scan cost tens of microseconds per CronJob, and the CronJobs of a
 * cluster share far fewer pairs than there are CronJobs.
 */
export class ScheduleFactsMemo {
  private readonly facts = new Map<string, ScheduleFacts>()

  constructor(private readonly context: ScheduleFactsContext) {}

  factsOf(expression: string, timeZone: string | undefined): ScheduleFacts {
    const key = JSON.stringify([expression, timeZone ?? null])
    let facts = this.facts.get(key)
    if (!facts) {
      facts = scheduleFacts(expression, timeZone, this.context)
      this.facts.set(key, facts)
    }
    return facts
  }
}

/** An invalid schedule or zone (the controller's included) is a fact too: it is what `list` warns about. */
export function scheduleFacts(expression: string, timeZone: string | undefined, context: ScheduleFactsContext): ScheduleFacts {
  try {
    const schedule = parseSchedule(expression, {...(timeZone === undefined ? {} : {timeZone}), stored: true})
    const zone = {controllerTimeZone: context.controllerTimeZone}
    const [next] = nextRuns(schedule, {...zone, from: context.now, count: 1})
    const dstWarnings = dstWarningsOf(schedule, zone, context.now)
    return next ? {valid: true, schedule, nextRun: formatRfc3339Time(next), dstWarnings} : {valid: true, schedule, dstWarnings}
  } catch (err) {
    return {valid: false, problem: (err as Error).message}
  }
}

function dstWarningsOf(schedule: Schedule, zone: ScheduleZoneOptions, now: Date): CronJobWarning[] {
  const report = dstAnomalies(schedule, {...zone, from: now, until: new Date(now.getTime() + DST_LOOKAHEAD_MS)})
  const warnings: CronJobWarning[] = []
  const repeated = report.anomalies.find((anomaly) => anomaly.kind === 'repeated')
  const skipped = report.anomalies.find((anomaly) => anomaly.kind === 'skipped')
  if (repeated) warnings.push({kind: 'RunsTwiceAtDst', message: `runs twice at ${repeated.wallTime} when clocks go back`})
  if (skipped) warnings.push({kind: 'SkippedAtDst', message: `does not run at ${skipped.wallTime}: that time does not exist when clocks go forward`})
  return warnings
}
