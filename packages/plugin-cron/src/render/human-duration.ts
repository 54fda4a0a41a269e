/**
 * kubectl's AGE format (k8s.io/apimachinery/pkg/util/duration HumanDuration): coarse,
 * at most two units, so columns stay narrow.
 */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000)
  if (seconds < -1) return '<invalid>'
  if (seconds < 0) return '0s'
  if (seconds < 120) return `${seconds}s`
  const minutes = Math.floor(seconds / 60)
  if (minutes < 10) return seconds % 60 === 0 ? `${minutes}m` : `${minutes}m${seconds % 60}s`
  if (minutes < 180) return `${minutes}m`
  const hours = Math.floor(minutes / 60)
  if (hours < 8) return minutes % 60 === 0 ? `${hours}h` : `${hours}h${minutes % 60}m`
  if (hours < 48) return `${hours}h`
  const days = Math.floor(hours / 24)
  if (days < 8) return hours % 24 === 0 ? `${days}d` : `${days}d${hours % 24}h`
  if (days < 365 * 2) return `${days}d`
  const years = Math.floor(days / 365)
  if (years < 8) return days % 365 === 0 ? `${years}y` : `${years}y${days % 365}d`
  return `${years}y`
}

/** "in 5m" / "5m ago" relative to now. */
export function relativeTo(time: string | undefined, now: Date): string {
  if (time === undefined) return '<none>'
  const delta = Date.parse(time) - now.getTime()
  return delta >= 0 ? `in ${humanDuration(delta)}` : `${humanDuration(-delta)} ago`
}
