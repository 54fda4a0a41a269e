import {UsageError} from '@kubeline/core'
import type {Deployment, IntOrString} from './rollout-objects.js'

export interface SurgeBudget {
  /** Pods allowed above the desired count. */
  maxSurge: number
  /** Pods allowed below the desired count. */
  maxUnavailable: number
}

/** The Deployment API's defaults for a RollingUpdate strategy (apps/v1 SetDefaults_Deployment). */
export const DEFAULT_MAX_SURGE = '25%'
export const DEFAULT_MAX_UNAVAILABLE = '25%'

/**
 * kubernetes pkg/controller/deployment/util ResolveFenceposts: percentages of `desired` are rounded
 * up for maxSurge and down for maxUnavailable (intstr.GetScaledValueFromIntOrPercent); an unset value
 * counts as 0; when both come out 0, maxUnavailable becomes 1 so that progress stays possible
 * ("surge might not work due to quota").
 */
export function resolveSurgeBudget(
  maxSurge: IntOrString | undefined,
  maxUnavailable: IntOrString | undefined,
  desired: number,
): SurgeBudget {
  const surge = scaledIntOrPercent('maxSurge', maxSurge ?? 0, desired, true)
  const unavailable = scaledIntOrPercent('maxUnavailable', maxUnavailable ?? 0, desired, false)
  return {maxSurge: surge, maxUnavailable: surge === 0 && unavailable === 0 ? 1 : unavailable}
}

/**
 * The budget of a Deployment's own strategy at `desired` pods. Missing fields take the API defaults
 * (25 %/25 %). A Recreate strategy has no rolling budget: it resolves to 0/0, hence 0 surge and 1 unavailable.
 */
export function deploymentSurgeBudget(deployment: Deployment, desired: number): SurgeBudget {
  const strategy = deployment.spec.strategy
  if (strategy?.type === 'Recreate') return resolveSurgeBudget(0, 0, desired)
  const rollingUpdate = strategy?.rollingUpdate
  return resolveSurgeBudget(rollingUpdate?.maxSurge ?? DEFAULT_MAX_SURGE, rollingUpdate?.maxUnavailable ?? DEFAULT_MAX_UNAVAILABLE, desired)
}

function scaledIntOrPercent(field: string, value: IntOrString, total: number, roundUp: boolean): number {
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 0) throw invalidValue(field, String(value), 'must be a whole number, 0 or more')
    return value
  }
  const match = /^(\d+)%$/.exec(value)
  if (!match) throw invalidValue(field, `"${value}"`, 'a string must be a percentage such as "25%"')
  const scaled = (Number(match[1]) * total) / 100
  return roundUp ? Math.ceil(scaled) : Math.floor(scaled)
}

function invalidValue(field: string, shown: string, reason: string): UsageError {
  return new UsageError('INVALID_ARGUMENT', `invalid ${field} ${shown}: ${reason}`, {
    fix: 'Use a pod count (2) or a percentage of replicas ("25%") in spec.strategy.rollingUpdate.',
  })
}
