import {civilFromSeconds, formatCivil} from './civil-time.js'
import {checkTimeZone} from './time-zone.js'
import {zoneOffsets} from './zone-offsets.js'

/**
 * RFC 3339 in the given zone, as Go's time.RFC3339 prints it: whole seconds, `Z` for a zero offset
 * (also Europe/London in winter), else `±hh:mm`. Used for the CronJob's scheduled-timestamp annotation
 * and for showing run times in the CronJob's zone.
 */
export function formatInZone(date: Date, timeZone: string): string {
  checkTimeZone(timeZone)
  const seconds = Math.floor(date.getTime() / 1000)
  const offset = zoneOffsets(timeZone).offsetAt(seconds)
  const stamp = formatCivil(civilFromSeconds(seconds + offset))
  if (offset === 0) return `${stamp}Z`
  const minutes = Math.trunc(Math.abs(offset) / 60)
  return `${stamp}${offset < 0 ? '-' : '+'}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`
}

function pad(value: number): string {
  return String(value).padStart(2, '0')
}
