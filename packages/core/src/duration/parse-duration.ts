import {UsageError} from '../errors/kubeline-error.js'

/**
 * Go's time.ParseDuration ("1h30m", "1.5s", "300ms", "-2m"), returning milliseconds.
 * Sub-millisecond parts are kept as fractions; callers round as they need.
 */
const UNIT_MS: Readonly<Record<string, number>> = {
  ns: 1e-6,
  us: 1e-3,
  'µs': 1e-3,
  'μs': 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
}

// As in Go, the unit is the whole run of non-digits after the number.
const SEGMENT = /^(\d+(?:\.\d*)?|\.\d+)([^\d.]*)/

export function parseGoDuration(text: string, flag = 'duration'): number {
  let rest = text
  let sign = 1
  if (rest.startsWith('-') || rest.startsWith('+')) {
    sign = rest.startsWith('-') ? -1 : 1
    rest = rest.slice(1)
  }
  if (rest === '0') return 0
  if (rest === '') throw invalid(text, flag, 'empty duration')
  let total = 0
  while (rest !== '') {
    const match = SEGMENT.exec(rest)
    if (!match) throw invalid(text, flag, 'expected a number')
    const [, number, unit = ''] = match
    if (unit === '') throw invalid(text, flag, 'missing unit (use ms, s, m or h)')
    const unitMs = UNIT_MS[unit]
    if (unitMs === undefined) throw invalid(text, flag, `unknown unit "${unit}"`)
    total += Number(number) * unitMs
    rest = rest.slice(match[0].length)
  }
  return sign * total
}

/**
 * kubectl's --request-timeout syntax (client-go clientcmd.ParseTimeout): a bare non-negative
 * integer is seconds, otherwise a Go duration; "0" means no timeout. Returns milliseconds.
 */
export function parseRequestTimeout(text: string, flag = '--request-timeout'): number {
  if (/^\d+$/.test(text)) return Number(text) * 1000
  const ms = parseGoDuration(text, flag)
  if (ms < 0) throw invalid(text, flag, 'a timeout cannot be negative')
  return ms
}

/** A positive (or zero) Go duration for flags such as --timeout and --pause. */
export function parseNonNegativeDuration(text: string, flag: string): number {
  const ms = parseGoDuration(text, flag)
  if (ms < 0) throw invalid(text, flag, 'must not be negative')
  return ms
}

function invalid(text: string, flag: string, reason: string): UsageError {
  return new UsageError('INVALID_DURATION', `invalid ${flag} "${text}": ${reason}`, {
    fix: 'Use a number with a unit, such as 30s, 2m or 1h30m.',
  })
}
