import {UsageError} from '../errors/kubeline-error.js'
import {GoDurationError, goDurationNanos} from './go-duration.js'

/**
 * Go's time.ParseDuration ("1h30m", "1.5s", "300ms", "-2m"), in milliseconds (sub-millisecond parts
 * kept as fractions), with errors that name the flag. The parsing itself is go-duration.ts.
 */
export function parseGoDuration(text: string, flag = 'duration'): number {
  try {
    return Number(goDurationNanos(text)) / 1e6
  } catch (error) {
    if (!(error instanceof GoDurationError)) throw error
    if (error.kind === 'missing-unit') throw invalid(text, flag, 'missing unit (use ms, s, m or h)')
    if (error.kind === 'unknown-unit') throw invalid(text, flag, `unknown unit "${error.unit}"`)
    throw invalid(text, flag, text.replace(/^[-+]/, '') === '' ? 'empty duration' : 'expected a number')
  }
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
