/**
 * The replica arithmetic of a Deployment rolling update, after upstream
 * pkg/controller/deployment/rolling.go and util/deployment_util.go:
 *
 * - budgets (ResolveFenceposts): maxSurge rounds a percentage up, maxUnavailable rounds
 *   down, both default to 25%, and when both resolve to 0 maxUnavailable becomes 1;
 * - the new ReplicaSet grows (NewRSNewReplicas) while all pods stay within desired + maxSurge;
 * - only when it did not grow this round, old ReplicaSets shrink, oldest first: first their
 *   unavailable pods (cleanupUnhealthyReplicas, limited so availability stays at
 *   desired - maxUnavailable), then available ones down to that floor
 *   (scaleDownOldReplicaSetsForRollingUpdate).
 */
export type IntOrPercent = number | string

export interface RollingBudget {
  maxSurge: number
  maxUnavailable: number
}

export interface ReplicaSetCounts {
  /** spec.replicas */
  replicas: number
  /** status.availableReplicas */
  available: number
}

export interface RollingUpdatePlan {
  newReplicas: number
  /** spec.replicas for each old ReplicaSet, in the order given (oldest first). */
  oldReplicas: number[]
}

export function resolveRollingBudget(strategy: {maxSurge?: IntOrPercent; maxUnavailable?: IntOrPercent} | undefined, desired: number): RollingBudget {
  const maxSurge = scaledValue(strategy?.maxSurge ?? '25%', desired, true)
  const maxUnavailable = scaledValue(strategy?.maxUnavailable ?? '25%', desired, false)
  return {maxSurge, maxUnavailable: maxSurge === 0 && maxUnavailable === 0 ? 1 : maxUnavailable}
}

function scaledValue(value: IntOrPercent, total: number, roundUp: boolean): number {
  if (typeof value === 'number') return value
  const percent = Number.parseInt(value.replace(/%$/, ''), 10)
  if (Number.isNaN(percent)) return 0
  return roundUp ? Math.ceil((percent * total) / 100) : Math.floor((percent * total) / 100)
}

export function planRollingUpdate(desired: number, budget: RollingBudget, newSet: ReplicaSetCounts, oldSets: ReplicaSetCounts[]): RollingUpdatePlan {
  const oldReplicas = oldSets.map((s) => s.replicas)
  const total = newSet.replicas + sum(oldReplicas)
  const newReplicas = newReplicaCount(desired, budget.maxSurge, newSet.replicas, total)
  if (newReplicas !== newSet.replicas) return {newReplicas, oldReplicas}

  const minAvailable = desired - budget.maxUnavailable
  const newUnavailable = newSet.replicas - newSet.available
  const maxScaledDown = total - minAvailable - newUnavailable
  if (maxScaledDown <= 0) return {newReplicas, oldReplicas}

  let cleaned = 0
  oldSets.forEach((set, i) => {
    const unhealthy = Math.max(0, set.replicas - set.available)
    const down = Math.min(maxScaledDown - cleaned, unhealthy)
    oldReplicas[i] = set.replicas - down
    cleaned += down
  })

  const availableNow = newSet.available + sum(oldSets.map((set, i) => Math.min(set.available, oldReplicas[i] ?? 0)))
  let toScaleDown = availableNow - minAvailable
  oldReplicas.forEach((replicas, i) => {
    const down = Math.max(0, Math.min(replicas, toScaleDown))
    oldReplicas[i] = replicas - down
    toScaleDown -= down
  })
  return {newReplicas, oldReplicas}
}

function newReplicaCount(desired: number, maxSurge: number, current: number, total: number): number {
  if (current >= desired) return desired
  const room = desired + maxSurge - total
  return room <= 0 ? current : current + Math.min(room, desired - current)
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0)
}
