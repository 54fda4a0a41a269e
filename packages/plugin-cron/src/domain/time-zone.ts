import {UsageError} from '@kubeline/core'

/** One `/`-separated component of a zone name, as the API server allows it (validateTimeZone). */
const ZONE_COMPONENT = /^[A-Za-z.\-_0-9+]{1,14}$/
/**
 * Names already checked: asking Intl costs more than a schedule walk, and the first Intl formatter of a
 * process about 20 ms (ICU loads its zone data). UTC, the controller's default, needs no asking.
 */
const acceptedZones = new Set<string>(['UTC'])

/**
 * Accepts a `spec.timeZone` exactly when the API server would (kubernetes
 * pkg/apis/batch/validation/validation.go validateTimeZone), with Intl standing in for Go's
 * time.LoadLocation. Go reads zone files case-sensitively; Intl does not, so a name that differs from
 * Intl's canonical name only by case (`utc`, `europe/berlin`) is rejected too. `input` names what was
 * given in the message (a flag such as `--controller-time-zone`).
 */
export function checkTimeZone(timeZone: string, input = 'time zone'): void {
  if (acceptedZones.has(timeZone)) return
  const reason = timeZoneProblem(timeZone)
  if (!reason) {
    acceptedZones.add(timeZone)
    return
  }
  throw new UsageError('INVALID_ARGUMENT', `invalid ${input} ${JSON.stringify(timeZone)}: ${reason}`)
}

function timeZoneProblem(timeZone: string): string | undefined {
  if (timeZone === '') return 'timeZone must be nil or non-empty string'
  const unknown = `unknown time zone ${timeZone}`
  if (timeZone.split('/').some((part) => part === '.' || part === '..' || part.startsWith('-') || !ZONE_COMPONENT.test(part))) {
    return unknown
  }
  if (timeZone.toLowerCase() === 'local') {
    return 'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones'
  }
  let canonical: string
  try {
    canonical = new Intl.DateTimeFormat('en-US', {timeZone}).resolvedOptions().timeZone
  } catch {
    return unknown
  }
  return canonical !== timeZone && canonical.toLowerCase() === timeZone.toLowerCase() ? unknown : undefined
}
