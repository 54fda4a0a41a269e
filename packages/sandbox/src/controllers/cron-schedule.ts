/**
 * A deliberately small cron engine for the sandbox's CronJob controller. plugin-cron owns
 * the exact, robfig/cron-compatible engine; a caller that needs it passes
 * `nextScheduleTime` in ControllerOptions.
 *
 * Supported: five fields (minute hour day-of-month month day-of-week) made of `*`, `?`,
 * numbers, ranges `a-b`, steps `*\/n`, `a-b/n`, `a/n`, comma lists, month and weekday
 * names; descriptors @yearly @annually @monthly @weekly @daily @midnight @hourly. Day of
 * month and day of week combine with AND when either starts with `*` or `?`, else OR.
 * Times are matched against the wall clock of spec.timeZone (UTC when unset). Not
 * covered: `@every`, and the exact DST gap/repeat behaviour of robfig/cron.
 */
const DESCRIPTORS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
}
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat']
const FIELD_RANGES: [number, number, string[]?][] = [[0, 59], [0, 23], [1, 31], [1, 12, MONTHS], [0, 6, WEEKDAYS]]
const MINUTE_MS = 60_000
/** Give up after this many candidate steps (about five years of daily skips). */
const MAX_STEPS = 5 * 366 * 26

export interface CronSchedule {
  minutes: Set<number>
  hours: Set<number>
  daysOfMonth: Set<number>
  months: Set<number>
  daysOfWeek: Set<number>
  /** Either day field is a star: days must match both fields, else either. */
  dayFieldsAnd: boolean
}

export function parseCronSchedule(expression: string): CronSchedule {
  const text = DESCRIPTORS[expression.trim()] ?? expression.trim()
  const fields = text.split(/\s+/)
  if (fields.length !== 5) throw new Error(`invalid schedule "${expression}": expected 5 fields, got ${fields.length}`)
  const [minutes, hours, daysOfMonth, months, daysOfWeek] = fields.map((field, i) => parseField(field, FIELD_RANGES[i] ?? [0, 0], expression))
  return {
    minutes: minutes ?? new Set(),
    hours: hours ?? new Set(),
    daysOfMonth: daysOfMonth ?? new Set(),
    months: months ?? new Set(),
    daysOfWeek: daysOfWeek ?? new Set(),
    dayFieldsAnd: hasStar(fields[2]) || hasStar(fields[4]),
  }
}

// robfig/cron's star bit: some list item is `*` or `?` with no step other than 1, so a stepped star is not a star.
function hasStar(field: string | undefined): boolean {
  return (field ?? '').split(',').some((part) => /^[*?](\/1)?$/.test(part))
}

function parseField(field: string, [min, max, names]: [number, number, string[]?], expression: string): Set<number> {
  const values = new Set<number>()
  const value = (text: string) => {
    const named = names?.indexOf(text.toLowerCase()) ?? -1
    const n = named >= 0 ? named + min : Number(text)
    if (!Number.isInteger(n) || n < min || n > max) throw new Error(`invalid schedule "${expression}": "${text}" is not in ${min}-${max}`)
    return n
  }
  // Empty list items are dropped, as robfig/cron's strings.FieldsFunc does.
  for (const part of field.split(',').filter(Boolean)) {
    const [range = '', stepText] = part.split('/')
    const step = stepText === undefined ? 1 : Number(stepText)
    if (!Number.isInteger(step) || step < 1) throw new Error(`invalid schedule "${expression}": bad step in "${part}"`)
    const [from, to] = range === '*' || range === '?' ? [min, max] : range.includes('-') ? range.split('-').map(value) : [value(range), stepText === undefined ? value(range) : max]
    for (let n = from ?? min; n <= (to ?? max); n += step) values.add(n)
  }
  return values
}

interface WallClock {
  minute: number
  hour: number
  day: number
  month: number
  weekday: number
}

const formatters = new Map<string, Intl.DateTimeFormat>()

function wallClock(timeZone: string, ms: number): WallClock {
  let format = formatters.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {timeZone, hourCycle: 'h23', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', weekday: 'short'})
    formatters.set(timeZone, format)
  }
  const parts: Record<string, string> = {}
  for (const part of format.formatToParts(ms)) parts[part.type] = part.value
  return {
    minute: Number(parts.minute),
    hour: Number(parts.hour),
    day: Number(parts.day),
    month: Number(parts.month),
    weekday: WEEKDAYS.indexOf((parts.weekday ?? '').toLowerCase()),
  }
}

/** The first minute strictly after `after` that the schedule matches in `timeZone`, or undefined within five years. */
export function nextCronTime(schedule: CronSchedule, timeZone: string, after: Date): Date | undefined {
  let t = Math.floor(after.getTime() / MINUTE_MS) * MINUTE_MS + MINUTE_MS
  for (let step = 0; step < MAX_STEPS; step++) {
    const w = wallClock(timeZone, t)
    if (!schedule.months.has(w.month) || !dayMatches(schedule, w)) t += ((23 - w.hour) * 60 + (60 - w.minute)) * MINUTE_MS
    else if (!schedule.hours.has(w.hour)) t += (60 - w.minute) * MINUTE_MS
    else if (!schedule.minutes.has(w.minute)) t += MINUTE_MS
    else return new Date(t)
  }
  return undefined
}

function dayMatches(schedule: CronSchedule, w: WallClock): boolean {
  const dom = schedule.daysOfMonth.has(w.day)
  const dow = schedule.daysOfWeek.has(w.weekday)
  return schedule.dayFieldsAnd ? dom && dow : dom || dow
}

/** RFC 3339 with the zone's offset at that instant, as Go's time.Format(time.RFC3339) prints it. */
export function formatInZone(at: Date, timeZone: string): string {
  const parts: Record<string, string> = {}
  const format = new Intl.DateTimeFormat('en-US', {timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit'})
  for (const part of format.formatToParts(at)) parts[part.type] = part.value
  const local = `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`
  const offsetMinutes = Math.round((Date.parse(`${local}Z`) - Math.floor(at.getTime() / 1000) * 1000) / MINUTE_MS)
  if (offsetMinutes === 0) return `${local}Z`
  const sign = offsetMinutes < 0 ? '-' : '+'
  const abs = Math.abs(offsetMinutes)
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`
}
