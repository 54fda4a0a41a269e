import {UsageError} from '@kubeline/core'
import {everyIntervalSeconds} from './every-duration.js'
import type {CronSchedule, Schedule} from './schedule.js'
import {
  DAY_OF_MONTH_BOUNDS, DAY_OF_WEEK_BOUNDS, HOUR_BOUNDS, MINUTE_BOUNDS, MONTH_BOUNDS, anyValue, fieldOf, parseField,
} from './schedule-fields.js'
import {ScheduleSyntaxError} from './schedule-syntax-error.js'
import {checkTimeZone} from './time-zone.js'

export interface ParseScheduleOptions {
  /** `spec.timeZone`, an IANA name; checked as the API server checks it. */
  timeZone?: string
  /**
   * The schedule of a stored CronJob, parsed as the controller parses it (cronjob_controllerv2.go
   * formatSchedule): a `TZ=zone `/`CRON_TZ=zone ` prefix, which the API server has refused on create only
   * since Kubernetes 1.29, is honoured and its zone wins over `timeZone`. Otherwise such a schedule is
   * rejected, as on create.
   */
  stored?: boolean
}

/** The unicode.IsSpace runes that Go's strings.Fields splits on (JS `\s` differs: it has U+FEFF, lacks U+0085). */
const GO_SPACES = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/u

/**
 * Parses a CronJob schedule, accepting exactly what the API server accepts on create:
 * robfig/cron v3.0.1 ParseStandard (kubernetes pkg/apis/batch/validation validateScheduleFormat)
 * and no `TZ`/`CRON_TZ` inside the schedule. Throws UsageError('INVALID_ARGUMENT') with robfig's
 * reason, e.g. `invalid schedule "* * *": expected exactly 5 fields, found 3: [* * *]`.
 */
export function parseSchedule(expression: string, options: ParseScheduleOptions = {}): Schedule {
  let schedule: Schedule
  try {
    schedule = parseStandard(expression, options.timeZone)
  } catch (error) {
    if (error instanceof ScheduleSyntaxError) {
      throw new UsageError('INVALID_ARGUMENT', `invalid schedule ${JSON.stringify(expression)}: ${error.message}`)
    }
    throw error
  }
  if (expression.includes('TZ') && !options.stored) {
    throw new UsageError(
      'INVALID_ARGUMENT',
      `invalid schedule ${JSON.stringify(expression)}: cannot use TZ or CRON_TZ in schedule, use timeZone field instead`,
    )
  }
  if (options.timeZone !== undefined) checkTimeZone(options.timeZone)
  return schedule
}

function parseStandard(expression: string, timeZone: string | undefined): Schedule {
  if (expression === '') throw new ScheduleSyntaxError('empty spec string')
  // robfig accepts a `TZ=zone ` prefix; the API server rejects any schedule containing TZ on create (see above).
  if (expression.startsWith('TZ=') || expression.startsWith('CRON_TZ=')) {
    const space = zonePrefixEnd(expression)
    return parseStandard(expression.slice(space).trim(), prefixZone(expression.slice(expression.indexOf('=') + 1, space)))
  }
  if (expression.startsWith('@')) return parseDescriptor(expression, timeZone)
  const fields = expression.split(GO_SPACES).filter((field) => field !== '')
  if (fields.length !== 5) throw new ScheduleSyntaxError(`expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`)
  const [minute = '', hour = '', dayOfMonth = '', month = '', dayOfWeek = ''] = fields
  return {
    kind: 'cron',
    expression,
    timeZone,
    minute: parseField(minute, MINUTE_BOUNDS),
    hour: parseField(hour, HOUR_BOUNDS),
    dayOfMonth: parseField(dayOfMonth, DAY_OF_MONTH_BOUNDS),
    month: parseField(month, MONTH_BOUNDS),
    dayOfWeek: parseField(dayOfWeek, DAY_OF_WEEK_BOUNDS),
  }
}

function zonePrefixEnd(expression: string): number {
  const space = expression.indexOf(' ')
  if (space === -1) throw new ScheduleSyntaxError(`invalid location descriptior: ${expression}`)
  return space
}

/** Go's time.LoadLocation: "" is UTC, "Local" the controller's own zone (undefined here), else an IANA name. */
function prefixZone(name: string): string | undefined {
  if (name === '') return 'UTC'
  if (name === 'Local') return undefined
  try {
    checkTimeZone(name)
  } catch {
    throw new ScheduleSyntaxError(`provided bad location ${name}: unknown time zone ${name}`)
  }
  return name
}

const EVERY_PREFIX = '@every '

/** robfig parseDescriptor: exact, case-sensitive names. */
function parseDescriptor(expression: string, timeZone: string | undefined): Schedule {
  const midnight = {kind: 'cron', expression, timeZone, minute: fieldOf([0]), hour: fieldOf([0])} as const
  const daily: CronSchedule = {
    ...midnight, dayOfMonth: anyValue(DAY_OF_MONTH_BOUNDS), month: anyValue(MONTH_BOUNDS), dayOfWeek: anyValue(DAY_OF_WEEK_BOUNDS),
  }
  switch (expression) {
    case '@yearly':
    case '@annually':
      return {...daily, dayOfMonth: fieldOf([1]), month: fieldOf([1])}
    case '@monthly':
      return {...daily, dayOfMonth: fieldOf([1])}
    case '@weekly':
      return {...daily, dayOfWeek: fieldOf([0])}
    case '@daily':
    case '@midnight':
      return daily
    case '@hourly':
      return {...daily, hour: anyValue(HOUR_BOUNDS)}
  }
  if (expression.startsWith(EVERY_PREFIX)) {
    try {
      return {kind: 'every', expression, timeZone, intervalSeconds: everyIntervalSeconds(expression.slice(EVERY_PREFIX.length))}
    } catch (error) {
      throw new ScheduleSyntaxError(`failed to parse duration ${expression}: ${(error as Error).message}`)
    }
  }
  throw new ScheduleSyntaxError(`unrecognized descriptor: ${expression}`)
}
