import {resolveFenceposts, rollingUpdateBudget} from '@kubeline/core'
import type {RollingUpdateBudget} from '@kubeline/core'
import type {Deployment} from './rollout-objects.js'

/** The Deployment API's defaults for a RollingUpdate strategy (apps/v1 SetDefaults_Deployment). */
export const DEFAULT_MAX_SURGE = '25%'
export const DEFAULT_MAX_UNAVAILABLE = '25%'

/**
 * The budget of a Deployment's own strategy at `desired` pods. Missing fields take the API defaults
 * (25 %/25 %), and the result is checked as the API server would (UsageError INVALID_MANIFEST, exit 2,
 * naming the field). A Recreate strategy has no rolling budget: it resolves to 0/0, hence 0 surge
 * and 1 unavailable.
 */
export function deploymentSurgeBudget(deployment: Deployment, desired: number): RollingUpdateBudget {
  const strategy = deployment.spec.strategy
  if (strategy?.type === 'Recreate') return resolveFenceposts(0, 0, desired)
  const rollingUpdate = strategy?.rollingUpdate
  const withDefaults = {maxSurge: rollingUpdate?.maxSurge ?? DEFAULT_MAX_SURGE, maxUnavailable: rollingUpdate?.maxUnavailable ?? DEFAULT_MAX_UNAVAILABLE}
  return rollingUpdateBudget(withDefaults, desired, 'spec.strategy.rollingUpdate')
}
