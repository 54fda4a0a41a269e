import type {RollingUpdateBudget} from '@kubeline/core'
import {splitReplicas} from './split-replicas.js'
import type {ReplicaSplit} from './split-replicas.js'

/** What one side (stable or canary Deployment) has now: spec.replicas and status.availableReplicas. */
export interface SideReplicas {
  spec: number
  available: number
}

export interface ScaleTowardSplitInput {
  /** The release's replica count N. */
  replicas: number
  /** Desired canary weight in percent. */
  weight: number
  budget: RollingUpdateBudget
  stable: SideReplicas
  canary: SideReplicas
}

/**
 * One bounded move toward the weighted split, as Argo Rollouts' basic canary reconciles
 * (utils/replicaset/canary.go CalculateReplicaCountsForBasicCanary, without older ReplicaSets:
 * each of our sides is a whole Deployment whose own controller retires its old pods).
 *
 * - Scale-up room is N + maxSurge minus the pods both sides ask for; stable is topped up first.
 * - Scale-down room is the available pods above N - maxUnavailable. Going up, the stable side is
 *   drained and counted by spec (so a crash-looping stable can still shrink); going down (abort),
 *   the canary side is drained instead. The result is then re-clamped to both limits.
 *
 * Call it again after the pods it asked for are available; it returns the current counts when
 * nothing may move yet, and the target split once reached.
 */
export function scaleTowardSplit({replicas, weight, budget, stable, canary}: ScaleTowardSplitInput): ReplicaSplit {
  const target = splitReplicas({replicas, weight, maxSurge: budget.maxSurge})
  const maxAllowed = replicas + budget.maxSurge
  let stableCount = stable.spec
  let canaryCount = canary.spec
  let scaleUp = maxAllowed - (stable.spec + canary.spec)
  if (stable.spec < target.stable && scaleUp > 0) {
    stableCount = Math.min(stable.spec + scaleUp, target.stable)
    scaleUp -= stableCount - stable.spec
  }
  if (canary.spec < target.canary && scaleUp > 0) canaryCount = Math.min(canary.spec + scaleUp, target.canary)

  const minAvailable = replicas - budget.maxUnavailable
  const increasing = target.canary >= canary.spec
  const countable = replicasForScaleDown(canary, !increasing) + replicasForScaleDown(stable, increasing)
  if (countable <= minAvailable) return {canary: canaryCount, stable: stableCount}
  const scaleDown = countable - minAvailable
  const limits = {maxAllowed, minAvailable}
  if (!increasing) {
    const [drained, adjusted] = withinLimits(canary, stable, drainCount(canary, target.canary, scaleDown, canaryCount), stableCount, limits)
    return {canary: drained, stable: adjusted}
  }
  const [drained, adjusted] = withinLimits(stable, canary, drainCount(stable, target.stable, scaleDown, stableCount), canaryCount, limits)
  return {canary: adjusted, stable: drained}
}

/** Pods of a side that count toward availability when deciding how far we may scale down. */
function replicasForScaleDown(side: SideReplicas, ignoreAvailability: boolean): number {
  // More available than wanted: the surplus is already going away, so it must not be counted.
  if (side.spec < side.available || ignoreAvailability) return side.spec
  return side.available
}

function drainCount(side: SideReplicas, desired: number, scaleDown: number, current: number): number {
  return side.spec > desired ? Math.max(desired, side.spec - scaleDown) : current
}

/** Argo's adjustReplicaWithinLimits: give back availability the surge clamp took, then re-clamp the drained side. */
function withinLimits(
  drainSide: SideReplicas,
  adjustSide: SideReplicas,
  drainCountIn: number,
  adjustCountIn: number,
  {maxAllowed, minAvailable}: {maxAllowed: number; minAvailable: number},
): [drain: number, adjust: number] {
  let adjustCount = adjustCountIn - Math.max(0, adjustCountIn + drainCountIn - maxAllowed)
  const available = Math.min(drainSide.available, drainCountIn) + Math.min(adjustSide.available, adjustCount)
  const lostAvailability = Math.max(0, adjustSide.available - adjustCount)
  adjustCount += Math.min(lostAvailability, Math.max(0, minAvailable - available))
  const drainCount = drainCountIn - Math.max(0, adjustCount + drainCountIn - maxAllowed)
  return [drainCount, adjustCount]
}
