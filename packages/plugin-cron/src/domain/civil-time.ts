/**
 * Wall-clock arithmetic on plain numbers (seconds since the epoch read as if the wall clock were UTC),
 * so the schedule walk allocates no Date objects. Algorithms: Howard Hinnant's days_from_civil /
 * civil_from_days (proleptic Gregorian).
 */
export interface CivilTime {
  readonly year: number
  /** 1-12 */
  readonly month: number
  /** 1-31 */
  readonly day: number
  readonly hour: number
  readonly minute: number
  readonly second: number
  /** 0 = Sunday, as in cron */
  readonly weekday: number
}

const SECONDS_PER_DAY = 86_400

/** Days since 1970-01-01; months and days outside their range carry over, as Go's time.Date does. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const monthIndex = month - 1
  const y = year + Math.floor(monthIndex / 12)
  const m = monthIndex - Math.floor(monthIndex / 12) * 12 + 1
  const shiftedYear = m <= 2 ? y - 1 : y
  const era = Math.floor(shiftedYear / 400)
  const yearOfEra = shiftedYear - era * 400
  const dayOfYear = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + day - 1
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * 146_097 + dayOfEra - 719_468
}

/** Seconds for a wall-clock reading; every field may overflow into the next, as in Go's time.Date. */
export function secondsFromCivil(year: number, month: number, day: number, hour: number, minute: number, second: number): number {
  return daysFromCivil(year, month, day) * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second
}

export function civilFromSeconds(seconds: number): CivilTime {
  const days = Math.floor(seconds / SECONDS_PER_DAY)
  const secondOfDay = seconds - days * SECONDS_PER_DAY
  const shifted = days + 719_468
  const era = Math.floor(shifted / 146_097)
  const dayOfEra = shifted - era * 146_097
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365)
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100))
  const monthPrime = Math.floor((5 * dayOfYear + 2) / 153)
  const month = monthPrime < 10 ? monthPrime + 3 : monthPrime - 9
  return {
    year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0),
    month,
    day: dayOfYear - Math.floor((153 * monthPrime + 2) / 5) + 1,
    hour: Math.floor(secondOfDay / 3600),
    minute: Math.floor((secondOfDay % 3600) / 60),
    second: secondOfDay % 60,
    weekday: (((days + 4) % 7) + 7) % 7,
  }
}

/** `YYYY-MM-DDTHH:MM:SS`, no offset. */
export function formatCivil(wall: CivilTime): string {
  const pad = (value: number, width = 2): string => String(value).padStart(width, '0')
  return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}`
}
