import {compareCodeUnits} from '@kubeline/core'
import {isDeepStrictEqual} from 'node:util'
import type {KubeObject, ObjectStore, SandboxClock} from '../store/object-store.js'
import type {ControllerOptions} from './controller-options.js'
import {resolveControllerOptions} from './controller-options.js'
import {deploymentStatus, progressDeadlineAt} from './deployment-status.js'
import {controllerReference, isControlledBy} from './owner-references.js'
import type {PodTemplate} from './pod-from-template.js'
import {podTemplateHash} from './pod-template-hash.js'
import {objectKey} from './reconcile-queue.js'
import type {Reconciler} from './reconciler.js'
import {startReconciler} from './reconciler.js'
import {DEPLOYMENTS, REPLICA_SETS} from './resource-keys.js'
import type {IntOrPercent, RollingUpdatePlan} from './rolling-update-plan.js'
import {planRollingUpdate, resolveRollingBudget} from './rolling-update-plan.js'

export const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash'
const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision'

interface DeploymentSpec {
  replicas?: number
  paused?: boolean
  minReadySeconds?: number
  revisionHistoryLimit?: number
  selector?: {matchLabels?: Record<string, string>; matchExpressions?: unknown[]}
  strategy?: {type?: string; rollingUpdate?: {maxSurge?: IntOrPercent; maxUnavailable?: IntOrPercent}}
  template?: PodTemplate
}

/**
 * Rolls Deployments out through one ReplicaSet per pod-template hash
 * (`<deployment>-<hash>`), RollingUpdate or Recreate, honours `paused`, keeps
 * revisionHistoryLimit old ReplicaSets and writes the status kubectl and
 * plugin-rollout read. Pods are the ReplicaSet controller's business.
 */
export function startDeploymentController(store: ObjectStore, clock: SandboxClock, controllerOptions?: ControllerOptions): () => void {
  const options = resolveControllerOptions(controllerOptions)
  const reconciler = startReconciler(store, clock, options, {
    name: 'deployment',
    primary: DEPLOYMENTS,
    owned: [{key: REPLICA_SETS, ownerKind: 'Deployment'}],
    reconcile: (namespace, name, self) => {
      const deployment = store.get(DEPLOYMENTS, namespace, name)
      if (deployment) reconcileDeployment(store, clock.now().getTime(), deployment, self)
    },
  })
  return reconciler.stop
}

function reconcileDeployment(store: ObjectStore, nowMs: number, deployment: KubeObject, reconciler: Reconciler): void {
  const spec = (deployment.spec as DeploymentSpec | undefined) ?? {}
  const desired = spec.replicas ?? 1
  const owned = reconciler
    .list(REPLICA_SETS, deployment.metadata.namespace)
    .filter((set) => isControlledBy(set, deployment))
    .sort(oldestFirst)
  const hash = podTemplateHash(spec.template ?? {}, (deployment.status as {collisionCount?: number} | undefined)?.collisionCount)
  let newSet = owned.find((set) => set.metadata.labels?.[POD_TEMPLATE_HASH_LABEL] === hash)
  const oldSets = owned.filter((set) => set !== newSet)
  const budget = resolveRollingBudget(spec.strategy?.rollingUpdate, desired)
  const paused = spec.paused === true
  let createdNewSet = false

  if (!paused) {
    if (!newSet) {
      newSet = store.create(REPLICA_SETS, newReplicaSet(deployment, spec, hash, nextRevision(oldSets)))
      createdNewSet = true
    } else if (revisionOf(newSet) <= Math.max(0, ...oldSets.map(revisionOf))) {
      newSet = store.update(REPLICA_SETS, withRevision(newSet, nextRevision(oldSets)))
    }
    const plan =
      spec.strategy?.type === 'Recreate'
        ? planRecreate(desired, newSet, oldSets)
        : planRollingUpdate(desired, budget, counts(newSet), oldSets.map(counts))
    newSet = scaleTo(store, newSet, plan.newReplicas)
    oldSets.forEach((set, i) => scaleTo(store, set, plan.oldReplicas[i] ?? 0))
    deleteOldHistory(store, oldSets, spec.revisionHistoryLimit ?? 10)
  } else if (newSet && oldSets.every((set) => specReplicas(set) === 0)) {
    newSet = scaleTo(store, newSet, desired)
  }

  const current = reconciler.list(REPLICA_SETS, deployment.metadata.namespace).filter((set) => isControlledBy(set, deployment))
  const freshNewSet = newSet && current.find((set) => set.metadata.uid === newSet.metadata.uid)
  const status = deploymentStatus({deployment, desired, maxUnavailable: budget.maxUnavailable, paused, newSet: freshNewSet, createdNewSet, allSets: current, nowMs})
  const deadline = progressDeadlineAt(deployment, status)
  if (deadline !== undefined) reconciler.requeueAt(objectKey(deployment.metadata.namespace, deployment.metadata.name ?? ''), deadline)
  let latest = deployment
  if (freshNewSet && deployment.metadata.annotations?.[REVISION_ANNOTATION] !== String(revisionOf(freshNewSet))) {
    latest = store.update(DEPLOYMENTS, withRevision(deployment, revisionOf(freshNewSet)))
  }
  if (!isDeepStrictEqual(status, latest.status)) store.updateStatus(DEPLOYMENTS, {...latest, status})
}

function newReplicaSet(deployment: KubeObject, spec: DeploymentSpec, hash: string, revision: number): KubeObject {
  const template = structuredClone(spec.template ?? {})
  const labels = {...template.metadata?.labels, [POD_TEMPLATE_HASH_LABEL]: hash}
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `${deployment.metadata.name}-${hash}`,
      namespace: deployment.metadata.namespace,
      labels,
      annotations: {[REVISION_ANNOTATION]: String(revision)},
      ownerReferences: [controllerReference(deployment)],
    },
    spec: {
      replicas: 0,
      ...(spec.minReadySeconds ? {minReadySeconds: spec.minReadySeconds} : {}),
      selector: {...spec.selector, matchLabels: {...spec.selector?.matchLabels, [POD_TEMPLATE_HASH_LABEL]: hash}},
      template: {...template, metadata: {...template.metadata, labels}},
    },
  }
}

/** Recreate: old ReplicaSets to zero first; the new one grows once none of them has pods left. */
function planRecreate(desired: number, newSet: KubeObject, oldSets: KubeObject[]): RollingUpdatePlan {
  const oldGone = oldSets.every((set) => ((set.status as {replicas?: number} | undefined)?.replicas ?? 0) === 0)
  return {newReplicas: oldGone ? desired : specReplicas(newSet), oldReplicas: oldSets.map(() => 0)}
}

function scaleTo(store: ObjectStore, set: KubeObject, replicas: number): KubeObject {
  if (specReplicas(set) === replicas) return set
  return store.update(REPLICA_SETS, {...set, spec: {...(set.spec as object), replicas}})
}

/** Keeps the newest `limit` old ReplicaSets that have scaled to zero. */
function deleteOldHistory(store: ObjectStore, oldSets: KubeObject[], limit: number): void {
  const idle = oldSets.filter((set) => specReplicas(set) === 0 && ((set.status as {replicas?: number} | undefined)?.replicas ?? 0) === 0)
  for (const set of idle.slice(0, Math.max(0, idle.length - limit))) store.delete(REPLICA_SETS, set.metadata.namespace, set.metadata.name ?? '')
}

function counts(set: KubeObject): {replicas: number; available: number} {
  return {replicas: specReplicas(set), available: (set.status as {availableReplicas?: number} | undefined)?.availableReplicas ?? 0}
}

function specReplicas(set: KubeObject): number {
  return (set.spec as {replicas?: number} | undefined)?.replicas ?? 0
}

function revisionOf(object: KubeObject): number {
  return Number.parseInt(object.metadata.annotations?.[REVISION_ANNOTATION] ?? '0', 10) || 0
}

function nextRevision(oldSets: KubeObject[]): number {
  return Math.max(0, ...oldSets.map(revisionOf)) + 1
}

function withRevision(object: KubeObject, revision: number): KubeObject {
  return {...object, metadata: {...object.metadata, annotations: {...object.metadata.annotations, [REVISION_ANNOTATION]: String(revision)}}}
}

function oldestFirst(a: KubeObject, b: KubeObject): number {
  return compareCodeUnits(a.metadata.creationTimestamp ?? '', b.metadata.creationTimestamp ?? '') || revisionOf(a) - revisionOf(b)
}
