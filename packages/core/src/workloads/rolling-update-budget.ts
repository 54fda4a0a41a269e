import {UsageError} from '../errors/kubeline-error.js'

/** An IntOrString field such as maxSurge: a count (`2`) or a percentage (`"25%"`). */
export type IntOrString = number | string

/** `spec.strategy.rollingUpdate` of a Deployment (`spec.updateStrategy.rollingUpdate` of a DaemonSet). */
export interface RollingUpdate {
  maxSurge?: IntOrString
  maxUnavailable?: IntOrString
}

export interface RollingUpdateBudget {
  /** Pods allowed above the desired count. */
  maxSurge: number
  /** Pods allowed below the desired count. */
  maxUnavailable: number
}

/**
 * apimachinery intstr.GetScaledValueFromIntOrPercent: a count as is; a percentage of `total`,
 * rounded up or down. A string must end in `%` after an integer as Go's strconv.Atoi reads it
 * (a sign is allowed, so `-10%` scales to a negative count: only validation rejects it).
 * Throws UsageError INVALID_MANIFEST; its message names the input as `name` (`maxSurge`).
 */
export function scaledValueFromIntOrPercent(value: IntOrString, total: number, roundUp: boolean, name = 'value'): number {
  if (typeof value === 'number') return value
  if (!value.endsWith('%')) throw new UsageError('INVALID_MANIFEST', `invalid ${name} ${JSON.stringify(value)}: string is not a percentage`)
  const digits = value.slice(0, -1)
  if (!/^[+-]?\d+$/.test(digits)) throw new UsageError('INVALID_MANIFEST', `invalid ${name} ${JSON.stringify(value)}: not an integer followed by "%"`)
  const scaled = (Number(digits) * total) / 100
  return roundUp ? Math.ceil(scaled) : Math.floor(scaled)
}

/**
 * kubernetes pkg/controller/deployment/util ResolveFenceposts: maxSurge is scaled against `desired`
 * rounding up, maxUnavailable rounding down; an unset value is 0. When both come out 0 (validation
 * forbids writing 0 and 0, but rounding down can get there), maxUnavailable becomes 1 "on the theory
 * that surge might not work due to quota". Throws UsageError INVALID_MANIFEST naming the field for
 * what upstream returns an error for: a string that is not an integer percentage.
 */
export function resolveFenceposts(maxSurge: IntOrString | undefined, maxUnavailable: IntOrString | undefined, desired: number): RollingUpdateBudget {
  const surge = scaledValueFromIntOrPercent(maxSurge ?? 0, desired, true, 'maxSurge')
  const unavailable = scaledValueFromIntOrPercent(maxUnavailable ?? 0, desired, false, 'maxUnavailable')
  return {maxSurge: surge, maxUnavailable: surge === 0 && unavailable === 0 ? 1 : unavailable}
}

const PERCENT = /^[0-9]+%$/
const PERCENT_MESSAGE = "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%' or '93%')"

/**
 * What the API server says about a rolling update, in its order and words (kubernetes
 * pkg/apis/apps/validation ValidateRollingUpdateDeployment): each value is a count of 0 or more or
 * a `[0-9]+%` string; maxSurge and maxUnavailable may not both be 0 (an unset or malformed value
 * counts as 0 here); maxUnavailable may not exceed 100%. Each problem reads
 * `maxSurge: Invalid value: -1: must be greater than or equal to 0`.
 */
export function rollingUpdateProblems(rollingUpdate: RollingUpdate): string[] {
  const maxUnavailable = rollingUpdate.maxUnavailable ?? 0
  const maxSurge = rollingUpdate.maxSurge ?? 0
  const problems = [...intOrPercentProblems('maxUnavailable', maxUnavailable), ...intOrPercentProblems('maxSurge', maxSurge)]
  if (intOrPercentValue(maxUnavailable) === 0 && intOrPercentValue(maxSurge) === 0) problems.push(invalid('maxUnavailable', maxUnavailable, 'may not be 0 when `maxSurge` is 0'))
  if (typeof maxUnavailable === 'string' && PERCENT.test(maxUnavailable) && intOrPercentValue(maxUnavailable) > 100) {
    problems.push(invalid('maxUnavailable', maxUnavailable, 'must not be greater than 100%'))
  }
  return problems
}

/**
 * The budget of a rolling update at `desired` pods, after checking it as the API server would (a
 * manifest may not have been through one yet). Throws UsageError INVALID_MANIFEST with the first
 * problem, its field under `fieldPath` (`spec.strategy.rollingUpdate`).
 */
export function rollingUpdateBudget(rollingUpdate: RollingUpdate, desired: number, fieldPath: string): RollingUpdateBudget {
  const [problem] = rollingUpdateProblems(rollingUpdate)
  if (problem !== undefined) {
    throw new UsageError('INVALID_MANIFEST', `${fieldPath}.${problem}`, {fix: `Use a pod count (2) or a percentage of replicas ("25%") in ${fieldPath}.`})
  }
  return resolveFenceposts(rollingUpdate.maxSurge, rollingUpdate.maxUnavailable, desired)
}

/** ValidatePositiveIntOrPercent. */
function intOrPercentProblems(field: string, value: IntOrString): string[] {
  if (typeof value === 'string') return PERCENT.test(value) ? [] : [invalid(field, value, PERCENT_MESSAGE)]
  if (!Number.isInteger(value)) return [invalid(field, value, "must be an integer or percentage (e.g '5%')")]
  return value < 0 ? [invalid(field, value, 'must be greater than or equal to 0')] : []
}

/** getIntOrPercentValue: a valid percentage's number, else the value as an int (a string that is not one reads as 0, as intstr's IntValue does). */
function intOrPercentValue(value: IntOrString): number {
  if (typeof value === 'number') return value
  const text = PERCENT.test(value) ? value.slice(0, -1) : value
  return /^[+-]?\d+$/.test(text) ? Number(text) : 0
}

function invalid(field: string, value: IntOrString, message: string): string {
  return `${field}: Invalid value: ${JSON.stringify(value)}: ${message}`
}
