import type {KubeObject} from '../store/object-store.js'
import {kubeTime, parseKubeTime} from './kube-time.js'

export interface DeploymentCondition {
  type: string
  status: 'True' | 'False' | 'Unknown'
  reason: string
  message: string
  lastUpdateTime: string
  lastTransitionTime: string
}

export interface DeploymentStatus {
  observedGeneration: number
  replicas: number
  updatedReplicas: number
  readyReplicas: number
  availableReplicas: number
  unavailableReplicas: number
  conditions: DeploymentCondition[]
  collisionCount?: number
}

export interface DeploymentFacts {
  deployment: KubeObject
  desired: number
  maxUnavailable: number
  paused: boolean
  newSet: KubeObject | undefined
  /** True in the round that created the new ReplicaSet. */
  createdNewSet: boolean
  allSets: KubeObject[]
  nowMs: number
}

interface SetStatus {
  replicas?: number
  readyReplicas?: number
  availableReplicas?: number
}

/**
 * The status upstream's syncRolloutStatus/calculateStatus would write
 * (pkg/controller/deployment/sync.go, progress.go): counts summed over the
 * ReplicaSets, Available against desired - maxUnavailable, and Progressing with
 * reasons NewReplicaSetCreated, ReplicaSetUpdated, NewReplicaSetAvailable,
 * DeploymentPaused or ProgressDeadlineExceeded (progressDeadlineSeconds, default 600).
 */
export function deploymentStatus(facts: DeploymentFacts): DeploymentStatus {
  const {deployment, desired, allSets, newSet, nowMs} = facts
  const previous = (deployment.status as Partial<DeploymentStatus> | undefined) ?? {}
  const statusOf = (set: KubeObject) => (set.status as SetStatus | undefined) ?? {}
  const specReplicas = allSets.reduce((n, set) => n + ((set.spec as {replicas?: number} | undefined)?.replicas ?? 0), 0)
  const total = (pick: (s: SetStatus) => number | undefined) => allSets.reduce((n, set) => n + (pick(statusOf(set)) ?? 0), 0)
  const counts = {
    observedGeneration: deployment.metadata.generation ?? 1,
    replicas: total((s) => s.replicas),
    updatedReplicas: newSet ? (statusOf(newSet).replicas ?? 0) : 0,
    readyReplicas: total((s) => s.readyReplicas),
    availableReplicas: total((s) => s.availableReplicas),
    unavailableReplicas: 0,
  }
  counts.unavailableReplicas = Math.max(0, specReplicas - counts.availableReplicas)
  const now = kubeTime(nowMs)
  const available =
    counts.availableReplicas >= desired - facts.maxUnavailable
      ? condition('Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.', now)
      : condition('Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.', now)
  const progressing = progressingCondition(facts, previous, counts, now)
  const conditions = [available, progressing]
    .filter((c) => c !== undefined)
    .map((c) => keepTransitionTime(c, previous.conditions ?? []))
  return {...counts, conditions, ...(previous.collisionCount !== undefined ? {collisionCount: previous.collisionCount} : {})}
}

/** When the current Progressing condition runs out of time, if it can. */
export function progressDeadlineAt(deployment: KubeObject, status: DeploymentStatus): number | undefined {
  const progressing = status.conditions.find((c) => c.type === 'Progressing')
  if (progressing?.status !== 'True' || progressing.reason === 'NewReplicaSetAvailable') return undefined
  const deadlineSeconds = (deployment.spec as {progressDeadlineSeconds?: number} | undefined)?.progressDeadlineSeconds ?? 600
  return (parseKubeTime(progressing.lastUpdateTime) ?? 0) + deadlineSeconds * 1000
}

function progressingCondition(
  facts: DeploymentFacts,
  previous: Partial<DeploymentStatus>,
  counts: Omit<DeploymentStatus, 'conditions'>,
  now: string,
): DeploymentCondition | undefined {
  const {desired, newSet, paused, createdNewSet} = facts
  const prior = previous.conditions?.find((c) => c.type === 'Progressing')
  if (paused) return condition('Progressing', 'Unknown', 'DeploymentPaused', 'Deployment is paused', now)
  if (!newSet) return prior
  const setName = newSet.metadata.name ?? ''
  const complete =
    counts.updatedReplicas === desired && counts.replicas === desired && counts.availableReplicas === desired
  if (complete) return condition('Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "${setName}" has successfully progressed.`, now)
  if (createdNewSet) return condition('Progressing', 'True', 'NewReplicaSetCreated', `Created new replica set "${setName}"`, now)
  if (madeProgress(previous, counts) || !prior || prior.status === 'Unknown' || prior.reason === 'NewReplicaSetAvailable') {
    return condition('Progressing', 'True', 'ReplicaSetUpdated', `ReplicaSet "${setName}" is progressing.`, now)
  }
  const deadline = progressDeadlineAt(facts.deployment, {...counts, conditions: [prior]})
  if (deadline !== undefined && deadline <= facts.nowMs) {
    return condition('Progressing', 'False', 'ProgressDeadlineExceeded', `ReplicaSet "${setName}" has timed out progressing.`, now)
  }
  return prior
}

/** Upstream util.DeploymentProgressing. */
function madeProgress(previous: Partial<DeploymentStatus>, next: Omit<DeploymentStatus, 'conditions'>): boolean {
  const oldBefore = (previous.replicas ?? 0) - (previous.updatedReplicas ?? 0)
  const oldNow = next.replicas - next.updatedReplicas
  return (
    next.updatedReplicas > (previous.updatedReplicas ?? 0) ||
    oldNow < oldBefore ||
    next.readyReplicas > (previous.readyReplicas ?? 0) ||
    next.availableReplicas > (previous.availableReplicas ?? 0)
  )
}

function condition(type: string, status: DeploymentCondition['status'], reason: string, message: string, now: string): DeploymentCondition {
  return {type, status, reason, message, lastUpdateTime: now, lastTransitionTime: now}
}

/** An unchanged condition keeps both times; a changed reason keeps the transition time if the status stayed. */
function keepTransitionTime(next: DeploymentCondition, previous: DeploymentCondition[]): DeploymentCondition {
  const prior = previous.find((c) => c.type === next.type)
  if (!prior || prior.status !== next.status) return next
  if (prior.reason === next.reason && prior.message === next.message && next.reason !== 'ReplicaSetUpdated') return prior
  return {...next, lastTransitionTime: prior.lastTransitionTime}
}
