import {UsageError} from '@kubeline/core'

/** An IntOrString field such as maxSurge: `2` or `"25%"`. */
export type IntOrPercent = number | string

export interface SurgeBudget {
  /** Extra pods allowed above the desired count during a rolling update. */
  surge: number
  /** Pods that may be unavailable during a rolling update. */
  unavailable: number
}

/**
 * Upstream deployment util ResolveFenceposts: maxSurge scaled against `desired` rounding
 * up, maxUnavailable rounding down (intstr.GetScaledValueFromIntOrPercent); a missing value
 * is 0; when both come out 0, unavailable becomes 1 so the rollout can progress.
 * Throws UsageError INVALID_MANIFEST for a malformed value ("25", "x%").
 */
export function resolveSurgeBudget(maxSurge: IntOrPercent | undefined, maxUnavailable: IntOrPercent | undefined, desired: number): SurgeBudget {
  const surge = scaledValue(maxSurge ?? 0, desired, true, 'maxSurge')
  const unavailable = scaledValue(maxUnavailable ?? 0, desired, false, 'maxUnavailable')
  return surge === 0 && unavailable === 0 ? {surge, unavailable: 1} : {surge, unavailable}
}

/** intstr.GetScaledValueFromIntOrPercent. */
export function scaledValue(value: IntOrPercent, total: number, roundUp: boolean, field: string): number {
  if (typeof value === 'number') return value
  const match = /^(-?[0-9]+)%$/.exec(value)
  if (!match) throw new UsageError('INVALID_MANIFEST', `invalid ${field} "${value}": must be an integer or a percentage such as "25%"`)
  const scaled = (Number(match[1]) * total) / 100
  return roundUp ? Math.ceil(scaled) : Math.floor(scaled)
}
