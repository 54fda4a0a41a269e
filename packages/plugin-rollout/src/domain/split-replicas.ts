import {UsageError} from '@kubeline/core'

export interface ReplicaSplit {
  canary: number
  stable: number
}

export interface SplitReplicasInput {
  /** The release's replica count N (the stable Deployment's original spec.replicas). */
  replicas: number
  /** Desired canary weight in percent, 0-100. */
  weight: number
  /** maxSurge already resolved to a pod count (see deploymentSurgeBudget). */
  maxSurge: number
}

/**
 * The canary/stable replica counts whose ratio is closest to `weight`, as Argo Rollouts' basic
 * canary computes them (utils/replicaset/canary.go approximateWeightedCanaryStableReplicaCounts):
 *
 * - candidates are ceil and floor of N*w/100 over a total of N, and over N+1 only when maxSurge > 0;
 *   so the sum is N or N+1 and never exceeds N without surge;
 * - for weights 1-99 neither side may be 0 once there are two or more pods (surge included);
 *   N = 1 without surge is the one case where a side may be 0;
 * - the closest achievable weight wins; on an exact .5 the larger canary count is kept (ties toward
 *   the canary), and between equal deltas the earlier candidate (total N before N+1) wins.
 *
 * One deliberate difference: see the empty-candidates comment below.
 * The floating-point expressions mirror the Go ones on purpose: the tie test depends on them.
 */
export function splitReplicas({replicas, weight, maxSurge}: SplitReplicasInput): ReplicaSplit {
  requireCount('replicas', replicas)
  requireCount('maxSurge', maxSurge)
  if (!Number.isInteger(weight) || weight < 0 || weight > 100) {
    throw new UsageError('INVALID_ARGUMENT', `invalid weight ${weight}: must be a whole percentage from 0 to 100`)
  }
  if (replicas === 0) return {canary: 0, stable: 0}
  const ceil = Math.ceil((replicas * weight) / 100)
  const floor = Math.floor((replicas * weight) / 100)
  const zeroAllowed = weight === 100 || weight === 0 || (replicas === 1 && maxSurge === 0)
  const candidates: {canary: number; total: number}[] = []
  if (ceil < replicas || zeroAllowed) candidates.push({canary: ceil, total: replicas})
  if (!floorCeilingTied(weight, replicas) && (floor !== 0 || zeroAllowed)) candidates.push({canary: floor, total: replicas})
  if (maxSurge > 0) {
    candidates.push({canary: ceil, total: replicas + 1})
    if (!floorCeilingTied(weight, replicas + 1) && (floor !== 0 || zeroAllowed)) candidates.push({canary: floor, total: replicas + 1})
  }
  // Argo returns (0, N) when no candidate qualifies (N >= 2, ceil = N tied at .5, no surge, e.g. 2 pods
  // at 75 %). That breaks its own "neither side 0" promise, so we keep the floor instead: (N-1, 1).
  if (candidates.length === 0) return {canary: floor, stable: replicas - floor}
  const best = candidates.reduce((kept, next) => (weightDelta(weight, next) < weightDelta(weight, kept) ? next : kept))
  return {canary: best.canary, stable: best.total - best.canary}
}

/** True when ceil and floor of total*w/100 are equally far from w (the fraction is exactly .5). */
function floorCeilingTied(weight: number, totalReplicas: number): boolean {
  const scaled = totalReplicas * (weight / 100)
  return scaled - Math.trunc(scaled) === 0.5
}

function weightDelta(weight: number, {canary, total}: {canary: number; total: number}): number {
  return Math.abs((canary * 100) / total - weight)
}

function requireCount(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new UsageError('INVALID_ARGUMENT', `invalid ${name} ${value}: must be a whole number of pods, 0 or more`)
  }
}
