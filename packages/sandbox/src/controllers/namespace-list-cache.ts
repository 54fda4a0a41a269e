import type {KubeObject, ObjectStore, ResourceKey} from '../store/object-store.js'

/**
 * Lists of one resource in one namespace, shared by the reconciles of one queue drain:
 * reconciling every ReplicaSet of a 100,000-pod fixture then lists each namespace's pods
 * once instead of once per ReplicaSet. Any store event for that resource and namespace
 * drops the entry, and the whole cache empties after the current microtask, so a list is
 * never stale. Callers must not mutate what they get.
 */
export class NamespaceListCache {
  private readonly lists = new Map<string, KubeObject[]>()
  private clearScheduled = false
  private readonly unsubscribe: () => void

  constructor(private readonly store: ObjectStore) {
    this.unsubscribe = store.subscribe((event) => this.lists.delete(cacheKey(event.key, event.object.metadata.namespace)))
  }

  list(key: ResourceKey, namespace: string | undefined): readonly KubeObject[] {
    const id = cacheKey(key, namespace)
    let objects = this.lists.get(id)
    if (!objects) {
      objects = this.store.list(key, namespace)
      this.lists.set(id, objects)
      this.scheduleClear()
    }
    return objects
  }

  stop(): void {
    this.unsubscribe()
    this.lists.clear()
  }

  private scheduleClear(): void {
    if (this.clearScheduled) return
    this.clearScheduled = true
    queueMicrotask(() => {
      this.clearScheduled = false
      this.lists.clear()
    })
  }
}

function cacheKey(key: ResourceKey, namespace: string | undefined): string {
  return `${key.group}/${key.resource}/${namespace ?? ''}`
}
