import type {KubeObject, ObjectStore, ResourceKey, StoreEvent} from '../../store/object-store.js'

/**
 * A minimal ObjectStore for controller tests, independent of the API server's store:
 * resourceVersions, uids, generateName, generation on spec changes, stale-update
 * conflicts, cascading delete through ownerReferences and synchronous events.
 */
export class FakeStore implements ObjectStore {
  /** resource -> namespace -> name -> object */
  private readonly resources = new Map<string, Map<string, Map<string, KubeObject>>>()
  private readonly listeners = new Set<(event: StoreEvent) => void>()
  private resourceVersion = 0
  private uidCounter = 0
  private nameCounter = 0

  constructor(private readonly now: () => Date) {}

  list(key: ResourceKey, namespace?: string): KubeObject[] {
    const namespaces = namespace === undefined ? [...this.table(key).values()] : [this.table(key).get(namespace) ?? new Map<string, KubeObject>()]
    return namespaces.flatMap((objects) => [...objects.values()].map((o) => structuredClone(o)))
  }

  get(key: ResourceKey, namespace: string | undefined, name: string): KubeObject | undefined {
    const found = this.peek(key, namespace, name)
    return found && structuredClone(found)
  }

  create(key: ResourceKey, object: KubeObject): KubeObject {
    const created = structuredClone(object)
    const metadata = created.metadata
    metadata.name ??= `${metadata.generateName ?? ''}${this.nextSuffix()}`
    if (this.peek(key, metadata.namespace, metadata.name)) throw new Error(`${key.resource} "${metadata.name}" already exists`)
    metadata.uid ??= `uid-${++this.uidCounter}`
    metadata.creationTimestamp ??= this.now().toISOString().replace(/\.\d{3}Z$/, 'Z')
    metadata.generation = 1
    metadata.resourceVersion = String(++this.resourceVersion)
    this.put(key, created)
    this.emit({type: 'ADDED', key, object: created})
    return structuredClone(created)
  }

  update(key: ResourceKey, object: KubeObject): KubeObject {
    const current = this.current(key, object)
    const next = structuredClone(object)
    next.metadata.uid = current.metadata.uid
    next.metadata.creationTimestamp = current.metadata.creationTimestamp
    const specChanged = JSON.stringify(next.spec) !== JSON.stringify(current.spec)
    next.metadata.generation = (current.metadata.generation ?? 1) + (specChanged ? 1 : 0)
    return this.replace(key, next)
  }

  updateStatus(key: ResourceKey, object: KubeObject): KubeObject {
    const current = this.current(key, object)
    return this.replace(key, {...structuredClone(current), status: structuredClone(object.status)})
  }

  delete(key: ResourceKey, namespace: string | undefined, name: string): KubeObject | undefined {
    const found = this.peek(key, namespace, name)
    if (!found) return undefined
    this.table(key).get(namespace ?? '')?.delete(name)
    this.emit({type: 'DELETED', key, object: found})
    for (const [resource, table] of this.resources) {
      for (const dependent of [...(table.get(namespace ?? '')?.values() ?? [])]) {
        if (dependent.metadata.ownerReferences?.some((ref) => ref.uid === found.metadata.uid)) {
          this.delete(parseResourceKey(resource), dependent.metadata.namespace, dependent.metadata.name ?? '')
        }
      }
    }
    return structuredClone(found)
  }

  subscribe(listener: (event: StoreEvent) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private current(key: ResourceKey, object: KubeObject): KubeObject {
    const current = this.peek(key, object.metadata.namespace, object.metadata.name ?? '')
    if (!current) throw new Error(`${key.resource} "${object.metadata.name}" not found`)
    if (object.metadata.resourceVersion && object.metadata.resourceVersion !== current.metadata.resourceVersion) {
      throw new Error(`conflict: ${key.resource} "${object.metadata.name}" has changed`)
    }
    return current
  }

  private replace(key: ResourceKey, next: KubeObject): KubeObject {
    next.metadata.resourceVersion = String(++this.resourceVersion)
    this.put(key, next)
    this.emit({type: 'MODIFIED', key, object: next})
    return structuredClone(next)
  }

  private emit(event: StoreEvent): void {
    for (const listener of this.listeners) listener({...event, object: structuredClone(event.object)})
  }

  private peek(key: ResourceKey, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.table(key).get(namespace ?? '')?.get(name)
  }

  private put(key: ResourceKey, object: KubeObject): void {
    const namespace = object.metadata.namespace ?? ''
    const table = this.table(key)
    let objects = table.get(namespace)
    if (!objects) {
      objects = new Map()
      table.set(namespace, objects)
    }
    objects.set(object.metadata.name ?? '', object)
  }

  private table(key: ResourceKey): Map<string, Map<string, KubeObject>> {
    const id = `${key.group}/${key.resource}`
    let table = this.resources.get(id)
    if (!table) {
      table = new Map()
      this.resources.set(id, table)
    }
    return table
  }

  private nextSuffix(): string {
    const alphabet = 'bcdfghjklmnpqrstvwxz2456789'
    let n = ++this.nameCounter
    let suffix = ''
    for (let i = 0; i < 5; i++) {
      suffix = alphabet[n % alphabet.length] + suffix
      n = Math.floor(n / alphabet.length)
    }
    return suffix
  }
}

function parseResourceKey(id: string): ResourceKey {
  const slash = id.indexOf('/')
  return {group: id.slice(0, slash), resource: id.slice(slash + 1)}
}
