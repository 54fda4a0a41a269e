import type {KubeObject, ObjectStore, ResourceKey, SandboxClock, StoreEvent} from '../store/object-store.js'
import type {ResolvedControllerOptions} from './controller-options.js'
import {KeyedTimers} from './keyed-timers.js'
import {NamespaceListCache} from './namespace-list-cache.js'
import {controllerOf} from './owner-references.js'
import {ReconcileQueue, objectKey} from './reconcile-queue.js'
import {isResource} from './resource-keys.js'

const RETRY_AFTER_ERROR_MS = 1000

export interface ReconcilerSpec {
  /** Names the controller in error reports. */
  name: string
  /** The resource the controller reconciles; its own events enqueue the object itself. */
  primary: ResourceKey
  /** Dependent resources whose events enqueue their controlling owner of `ownerKind`. */
  owned?: {key: ResourceKey; ownerKind: string}[]
  reconcile: (namespace: string, name: string, reconciler: Reconciler) => void
}

export interface Reconciler {
  /** store.list for one namespace, shared within a queue drain (see NamespaceListCache). */
  list(key: ResourceKey, namespace: string | undefined): readonly KubeObject[]
  enqueue(key: string): void
  /** Reconciles the object again at sandbox time `atMs` (the earliest request wins). */
  requeueAt(key: string, atMs: number): void
  stop(): void
}

/**
 * The informer-and-workqueue loop shared by the workload controllers: subscribe to the
 * store, turn events into object keys, reconcile each key in order, retry after errors.
 * Every existing object is reconciled once at start.
 */
export function startReconciler(store: ObjectStore, clock: SandboxClock, options: ResolvedControllerOptions, spec: ReconcilerSpec): Reconciler {
  const timers = new KeyedTimers(clock)
  const lists = new NamespaceListCache(store)
  const reconciler: Reconciler = {
    list: (key, namespace) => lists.list(key, namespace),
    enqueue: (key) => queue.enqueue(key),
    requeueAt: (key, atMs) => timers.runAt(key, atMs, () => queue.enqueue(key)),
    stop: () => {
      unsubscribe()
      queue.stop()
      timers.cancelAll()
      lists.stop()
    },
  }
  const queue = new ReconcileQueue(
    (key) => {
      const slash = key.indexOf('/')
      spec.reconcile(key.slice(0, slash), key.slice(slash + 1), reconciler)
    },
    (key, error) => {
      options.onError(spec.name, key, error)
      reconciler.requeueAt(key, clock.now().getTime() + RETRY_AFTER_ERROR_MS)
    },
  )
  const unsubscribe = store.subscribe((event) => {
    const key = keyToReconcile(spec, event)
    if (key !== undefined) queue.enqueue(key)
  })
  for (const object of store.list(spec.primary)) queue.enqueue(keyOf(object))
  return reconciler
}

function keyToReconcile(spec: ReconcilerSpec, event: StoreEvent): string | undefined {
  if (isResource(event.key, spec.primary)) return keyOf(event.object)
  const owned = spec.owned?.find((o) => isResource(event.key, o.key))
  if (!owned) return undefined
  const owner = controllerOf(event.object)
  return owner?.kind === owned.ownerKind ? objectKey(event.object.metadata.namespace, owner.name) : undefined
}

function keyOf(object: KubeObject): string {
  return objectKey(object.metadata.namespace, object.metadata.name ?? '')
}
