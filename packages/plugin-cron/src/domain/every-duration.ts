import {GoDurationError, goDurationNanos} from '@kubeline/core'
import {ScheduleSyntaxError} from './schedule-syntax-error.js'

const NANOS_PER_SECOND = 1_000_000_000n

/**
 * The interval of `@every <duration>` in whole seconds, as robfig/cron's Every() makes it: Go
 * duration syntax (time.ParseDuration), anything under one second (zero and negative included)
 * raised to one second, sub-second parts dropped.
 */
export function everyIntervalSeconds(duration: string): number {
  const nanos = parseGoDuration(duration)
  if (nanos < NANOS_PER_SECOND) return 1
  return Number(nanos / NANOS_PER_SECOND)
}

/** Go's time.ParseDuration (core's exact port), its errors as schedule syntax errors with Go's text. */
export function parseGoDuration(text: string): bigint {
  try {
    return goDurationNanos(text)
  } catch (error) {
    if (error instanceof GoDurationError) throw new ScheduleSyntaxError(error.message)
    throw error
  }
}
