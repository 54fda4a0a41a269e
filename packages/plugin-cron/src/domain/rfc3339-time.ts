import {UsageError} from '@kubeline/core'

const RFC3339 = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(\.\d+)?(Z|[+-](\d\d):(\d\d))$/

/**
 * A time given on the command line, as Go's time.Parse(time.RFC3339) reads it: the offset is
 * required (Date.parse would read a time without one in this machine's zone) and every field must
 * exist (Date.parse turns February 30 into March 2). Fractions beyond milliseconds are dropped.
 */
export function parseRfc3339Time(text: string, flag: string): Date {
  const match = RFC3339.exec(text)
  if (!match || !fieldsInRange(match.slice(1, 7).map(Number), match[9], match[10])) {
    throw new UsageError('INVALID_FLAG', `invalid ${flag} "${text}": expected an RFC 3339 time such as 2026-12-24T00:00:00Z`)
  }
  return new Date(Date.parse(text))
}

/** As the API server writes times (metav1.Time): RFC 3339 in UTC, whole seconds, the fraction dropped. */
export function formatRfc3339Time(time: Date): string {
  return time.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

function fieldsInRange([year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0]: number[], offsetHours?: string, offsetMinutes?: string): boolean {
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate()
  const offsetOk = offsetHours === undefined || (Number(offsetHours) < 24 && Number(offsetMinutes) < 60)
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth && hour < 24 && minute < 60 && second < 60 && offsetOk
}
