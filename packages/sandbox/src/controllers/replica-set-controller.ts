import {compareCodeUnits} from '@kubeline/core'
import {isDeepStrictEqual} from 'node:util'
import type {KubeObject, ObjectStore, SandboxClock} from '../store/object-store.js'
import type {ControllerOptions} from './controller-options.js'
import {resolveControllerOptions} from './controller-options.js'
import {isControlledBy} from './owner-references.js'
import type {PodTemplate} from './pod-from-template.js'
import {podFromTemplate} from './pod-from-template.js'
import {isPodReady, isPodTerminal, readySince} from './pod-status.js'
import type {Reconciler} from './reconciler.js'
import {startReconciler} from './reconciler.js'
import {objectKey} from './reconcile-queue.js'
import {PODS, REPLICA_SETS} from './resource-keys.js'

interface ReplicaSetSpec {
  replicas?: number
  minReadySeconds?: number
  template?: PodTemplate
}

/** Keeps spec.replicas live pods per ReplicaSet and reports replicas/ready/available in its status. */
export function startReplicaSetController(store: ObjectStore, clock: SandboxClock, controllerOptions?: ControllerOptions): () => void {
  const options = resolveControllerOptions(controllerOptions)
  const reconciler = startReconciler(store, clock, options, {
    name: 'replicaset',
    primary: REPLICA_SETS,
    owned: [{key: PODS, ownerKind: 'ReplicaSet'}],
    reconcile: (namespace, name, self) => {
      const replicaSet = store.get(REPLICA_SETS, namespace, name)
      if (replicaSet) reconcileReplicaSet(store, clock.now().getTime(), replicaSet, self)
    },
  })
  return reconciler.stop
}

function reconcileReplicaSet(store: ObjectStore, nowMs: number, replicaSet: KubeObject, reconciler: Reconciler): void {
  const spec = (replicaSet.spec as ReplicaSetSpec | undefined) ?? {}
  const wanted = spec.replicas ?? 1
  const live = () => reconciler.list(PODS, replicaSet.metadata.namespace).filter((pod) => isControlledBy(pod, replicaSet) && isLive(pod))
  const pods = live()
  for (let i = pods.length; i < wanted; i++) store.create(PODS, podFromTemplate(replicaSet, spec.template ?? {}))
  for (const pod of podsToDelete(pods, pods.length - wanted)) store.delete(PODS, pod.metadata.namespace, pod.metadata.name ?? '')

  const current = pods.length === wanted ? pods : live()
  const minReadyMs = (spec.minReadySeconds ?? 0) * 1000
  const readyAt = current.map(readySince).filter((at) => at !== undefined)
  const available = readyAt.filter((at) => at + minReadyMs <= nowMs).length
  const nextAvailableAt = Math.min(...readyAt.map((at) => at + minReadyMs).filter((at) => at > nowMs))
  if (Number.isFinite(nextAvailableAt)) reconciler.requeueAt(objectKey(replicaSet.metadata.namespace, replicaSet.metadata.name ?? ''), nextAvailableAt)

  const status = {
    replicas: current.length,
    fullyLabeledReplicas: current.length,
    readyReplicas: readyAt.length,
    availableReplicas: available,
    observedGeneration: replicaSet.metadata.generation ?? 1,
  }
  if (!isDeepStrictEqual(status, replicaSet.status)) store.updateStatus(REPLICA_SETS, {...replicaSet, status})
}

function isLive(pod: KubeObject): boolean {
  return !pod.metadata.deletionTimestamp && !isPodTerminal(pod)
}

/** Which surplus pods go first, as upstream ranks them: not yet ready, then the newest. */
function podsToDelete(pods: KubeObject[], surplus: number): KubeObject[] {
  if (surplus <= 0) return []
  const ranked = [...pods].sort((a, b) => {
    const readiness = Number(isPodReady(a)) - Number(isPodReady(b))
    if (readiness !== 0) return readiness
    return compareCodeUnits(b.metadata.creationTimestamp ?? '', a.metadata.creationTimestamp ?? '') || compareCodeUnits(b.metadata.name ?? '', a.metadata.name ?? '')
  })
  return ranked.slice(0, surplus)
}
