import {goAtoi} from './go-atoi.js'
import {ScheduleSyntaxError} from './schedule-syntax-error.js'

/** The values one cron field allows. */
export interface ScheduleField {
  /** Allowed values, ascending. */
  readonly values: readonly number[]
  /** `allowed[v]` is true when v is in `values`; the walk's hot path. */
  readonly allowed: readonly boolean[]
  /**
   * robfig's star bit: the field holds a `*` or `?` range whose step is 1 (`*`, `?`, `*\/1`, `*,5`).
   * Only day-of-month and day-of-week use it: when either has it, both must match (AND), else
   * either may (OR). `*\/2` has no star bit.
   */
  readonly star: boolean
}

export interface FieldBounds {
  readonly min: number
  readonly max: number
  readonly names?: Readonly<Record<string, number>>
}

export const MINUTE_BOUNDS: FieldBounds = {min: 0, max: 59}
export const HOUR_BOUNDS: FieldBounds = {min: 0, max: 23}
export const DAY_OF_MONTH_BOUNDS: FieldBounds = {min: 1, max: 31}
export const MONTH_BOUNDS: FieldBounds = {
  min: 1, max: 12,
  names: {jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12},
}
/** 0-6 only: robfig v3.0.1 rejects 7 for Sunday. */
export const DAY_OF_WEEK_BOUNDS: FieldBounds = {min: 0, max: 6, names: {sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6}}

/** A field from a list of values (descriptors use these). */
export function fieldOf(values: readonly number[], star = false): ScheduleField {
  const allowed: boolean[] = []
  for (const value of values) allowed[value] = true
  return {values, allowed, star}
}

/** Every value of the bounds, with the star bit. */
export function anyValue(bounds: FieldBounds): ScheduleField {
  return fieldOf(range(bounds.min, bounds.max, 1), true)
}

/** Fields already parsed, per bounds: schedules share most of their fields (`*` above all), and a field is immutable. */
const parsedFields = new Map<FieldBounds, Map<string, ScheduleField>>()
/** Enough for every field text a cluster uses; past it the memo starts again rather than grow. */
const MAX_PARSED_FIELDS = 10_000

/**
 * robfig/cron v3.0.1 getField: a comma list (empty items ignored, so `0,,5` and `1,` are valid) of
 * `*`, `?`, `N` or `N-M`, each with an optional `/step`; `N/step` means `N-max/step`.
 */
export function parseField(text: string, bounds: FieldBounds): ScheduleField {
  let byText = parsedFields.get(bounds)
  if (!byText) {
    byText = new Map()
    parsedFields.set(bounds, byText)
  }
  let field = byText.get(text)
  if (!field) {
    field = parseFieldText(text, bounds)
    if (byText.size >= MAX_PARSED_FIELDS) byText.clear()
    byText.set(text, field)
  }
  return field
}

function parseFieldText(text: string, bounds: FieldBounds): ScheduleField {
  const values = new Set<number>()
  let star = false
  for (const item of text.split(',').filter((part) => part !== '')) {
    const parsed = parseRange(item, bounds)
    for (const value of parsed.values) values.add(value)
    star ||= parsed.star
  }
  return fieldOf([...values].sort((a, b) => a - b), star)
}

/** robfig getRange, same checks in the same order, same messages. */
function parseRange(item: string, bounds: FieldBounds): {values: number[]; star: boolean} {
  const rangeAndStep = item.split('/')
  const lowAndHigh = (rangeAndStep[0] ?? '').split('-')
  const [low = '', high = ''] = lowAndHigh
  let start: bigint
  let end: bigint
  let star = false
  if (low === '*' || low === '?') {
    // Whatever follows a star's `-` is ignored, as upstream does.
    start = BigInt(bounds.min)
    end = BigInt(bounds.max)
    star = true
  } else {
    start = parseNumberOrName(low, bounds)
    if (lowAndHigh.length > 2) throw new ScheduleSyntaxError(`too many hyphens: ${item}`)
    end = lowAndHigh.length === 2 ? parseNumberOrName(high, bounds) : start
  }
  if (rangeAndStep.length > 2) throw new ScheduleSyntaxError(`too many slashes: ${item}`)
  let step = 1n
  if (rangeAndStep.length === 2) {
    step = parseUnsigned(rangeAndStep[1] ?? '')
    if (lowAndHigh.length === 1) end = BigInt(bounds.max)
    if (step > 1n) star = false
  }
  if (start < BigInt(bounds.min)) throw new ScheduleSyntaxError(`beginning of range (${start}) below minimum (${bounds.min}): ${item}`)
  if (end > BigInt(bounds.max)) throw new ScheduleSyntaxError(`end of range (${end}) above maximum (${bounds.max}): ${item}`)
  if (start > end) throw new ScheduleSyntaxError(`beginning of range (${start}) beyond end of range (${end}): ${item}`)
  if (step === 0n) throw new ScheduleSyntaxError(`step of range should be a positive number: ${item}`)
  return {values: range(Number(start), Number(end), Number(step)), star}
}

function parseNumberOrName(text: string, bounds: FieldBounds): bigint {
  const named = bounds.names?.[goToLower(text)]
  return named === undefined ? parseUnsigned(text) : BigInt(named)
}

function parseUnsigned(text: string): bigint {
  let value: bigint
  try {
    value = goAtoi(text)
  } catch (error) {
    throw new ScheduleSyntaxError(`failed to parse int from ${text}: ${(error as Error).message}`)
  }
  if (value < 0n) throw new ScheduleSyntaxError(`negative number (${value}) not allowed: ${text}`)
  return value
}

/** Go's strings.ToLower maps rune by rune; JS would turn U+0130 into two characters. */
function goToLower(text: string): string {
  return text.replaceAll('\u0130', 'i').toLowerCase()
}

function range(start: number, end: number, step: number): number[] {
  const values: number[] = []
  for (let value = start; value <= end; value += step) values.push(value)
  return values
}
