import {alreadyExists, conflict, notFound} from './api-error.js'
import {EventHistory} from './event-history.js'
import type {VersionedEvent} from './event-history.js'
import {compareStrings, NameBucket} from './name-bucket.js'
import {generatedName, kubeTimestamp, newUid, requireName, specFingerprint} from './object-metadata.js'
import type {KubeObject, ObjectStore, ResourceKey, StoreEvent, WatchEventType} from './object-store.js'
import {OwnerIndex} from './owner-index.js'
import type {ObjectRef} from './owner-index.js'

export type PropagationPolicy = 'Background' | 'Foreground' | 'Orphan'

export interface DeleteOptions {
  propagationPolicy?: PropagationPolicy
  preconditions?: {uid?: string; resourceVersion?: string}
}

export interface MemoryStoreOptions {
  /** How many changes a watch or continue token can lag behind before it gets 410 Gone. */
  historySize?: number
  now?: () => Date
}

/** Position in a list: objects sort by namespace, then name (cluster-scoped ones have namespace ''). */
export interface ListPosition {
  namespace: string
  name: string
}

const CLUSTER = ''

/**
 * The sandbox's storage: every served object in memory, indexed by resource, namespace and
 * name, with one cluster-wide resourceVersion counter and a bounded change history for
 * watches. Stored objects are never mutated in place (each change stores a new object), so
 * the server can serialise them without copying; the ObjectStore methods hand out copies.
 */
export class MemoryStore implements ObjectStore {
  private readonly resources = new Map<string, Map<string, NameBucket>>()
  private readonly owners = new OwnerIndex()
  private readonly history: EventHistory
  private readonly changeListeners = new Set<(change: VersionedEvent) => void>()
  private readonly now: () => Date
  private version = 1

  constructor(options: MemoryStoreOptions = {}) {
    this.history = new EventHistory(options.historySize ?? 10_000)
    this.now = options.now ?? (() => new Date())
  }

  /** The cluster-wide resourceVersion of the latest change. */
  get resourceVersion(): number {
    return this.version
  }

  list(key: ResourceKey, namespace?: string): KubeObject[] {
    return [...this.scan(key, namespace)].map((object) => structuredClone(object))
  }

  get(key: ResourceKey, namespace: string | undefined, name: string): KubeObject | undefined {
    const object = this.peek(key, namespace, name)
    return object && structuredClone(object)
  }

  /** The stored object itself: read it, never mutate it. */
  peek(key: ResourceKey, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.resources.get(keyString(key))?.get(namespace ?? CLUSTER)?.get(name)
  }

  /** Stored objects in list order (namespace, then name), optionally after a position. Read, never mutate. */
  *scan(key: ResourceKey, namespace?: string, after?: ListPosition): Generator<KubeObject> {
    const byNamespace = this.resources.get(keyString(key))
    if (!byNamespace) return
    const namespaces = namespace === undefined ? [...byNamespace.keys()].sort(compareStrings) : [namespace]
    for (const ns of namespaces) {
      if (after && ns < after.namespace) continue
      const bucket = byNamespace.get(ns)
      if (bucket) yield* bucket.inOrder(after && ns === after.namespace ? after.name : undefined)
    }
  }

  count(key: ResourceKey, namespace?: string): number {
    const byNamespace = this.resources.get(keyString(key))
    if (!byNamespace) return 0
    if (namespace !== undefined) return byNamespace.get(namespace)?.size ?? 0
    let total = 0
    for (const bucket of byNamespace.values()) total += bucket.size
    return total
  }

  /** `defaults` runs once uid and name are set, for the defaulting that needs them (Job selectors). */
  create(key: ResourceKey, object: KubeObject, defaults: (object: KubeObject) => KubeObject = (o) => o): KubeObject {
    return structuredClone(this.insert(key, defaults(this.prepareCreate(key, object))))
  }

  /**
   * Like create, but keeps the uid, creationTimestamp and generation the object already has,
   * so fixtures can hold ownerReferences between their objects and objects of a given age.
   * For bulk loading it copies only the metadata: the caller must not change the object afterwards.
   */
  load(key: ResourceKey, object: KubeObject): void {
    const metadata = {...object.metadata}
    const name = metadata.name || (metadata.generateName ? this.freeName(key, metadata.namespace, metadata.generateName) : undefined)
    const stored: KubeObject = {...object, metadata: {...metadata, name}}
    requireName(key, stored)
    if (this.peek(key, metadata.namespace, name!)) throw alreadyExists(key.group, key.resource, name!)
    stored.metadata.uid = metadata.uid ?? newUid()
    stored.metadata.creationTimestamp = metadata.creationTimestamp ?? kubeTimestamp(this.now())
    stored.metadata.generation = metadata.generation ?? 1
    this.insert(key, stored)
  }

  /** What create would store (without a resourceVersion), for `dryRun=All`; throws as create would. */
  dryRunCreate(key: ResourceKey, object: KubeObject, defaults: (object: KubeObject) => KubeObject = (o) => o): KubeObject {
    return defaults(this.prepareCreate(key, object))
  }

  update(key: ResourceKey, object: KubeObject): KubeObject {
    const existing = this.existingFor(key, object)
    const next = structuredClone(object)
    const generation = existing.metadata.generation ?? 1
    next.metadata = {
      ...next.metadata,
      uid: existing.metadata.uid,
      creationTimestamp: existing.metadata.creationTimestamp,
      generation: specFingerprint(next) === specFingerprint(existing) ? generation : generation + 1,
      resourceVersion: String(++this.version),
    }
    return this.replace(key, existing, next)
  }

  updateStatus(key: ResourceKey, object: KubeObject): KubeObject {
    const existing = this.existingFor(key, object)
    const next: KubeObject = {...existing, metadata: {...existing.metadata, resourceVersion: String(++this.version)}}
    if (object.status === undefined) delete next.status
    else next.status = structuredClone(object.status)
    return this.replace(key, existing, next)
  }

  delete(key: ResourceKey, namespace: string | undefined, name: string, options: DeleteOptions = {}): KubeObject | undefined {
    const existing = this.peek(key, namespace, name)
    if (!existing) return undefined
    const {uid, resourceVersion} = options.preconditions ?? {}
    if ((uid && uid !== existing.metadata.uid) || (resourceVersion && resourceVersion !== existing.metadata.resourceVersion)) {
      throw conflict(key.group, key.resource, name)
    }
    const policy = options.propagationPolicy ?? 'Background'
    if (policy === 'Foreground') this.deleteDependents(existing, policy)
    const deleted = this.remove(key, existing)
    if (policy === 'Background') this.deleteDependents(existing, policy)
    if (policy === 'Orphan') this.orphanDependents(existing)
    if (key.group === '' && key.resource === 'namespaces') this.deleteNamespaceContents(name)
    return deleted
  }

  subscribe(listener: (event: StoreEvent) => void): () => void {
    return this.onChange(({event}) => listener({...event, object: structuredClone(event.object)}))
  }

  /** Like subscribe, with the resourceVersion of each change and the stored object itself (do not mutate it). */
  onChange(listener: (change: VersionedEvent) => void): () => void {
    this.changeListeners.add(listener)
    return () => this.changeListeners.delete(listener)
  }

  /** True when a watch or continue token at this resourceVersion can still be served. */
  covers(resourceVersion: number): boolean {
    return this.history.covers(resourceVersion)
  }

  /** Changes after the given resourceVersion; check `covers` first. */
  changesSince(resourceVersion: number): VersionedEvent[] {
    return this.history.since(resourceVersion)
  }

  /** Forgets the change history up to now, as etcd compaction does: older watches and continue tokens get 410. */
  compact(): void {
    this.history.compact(this.version)
  }

  private insert(key: ResourceKey, prepared: KubeObject): KubeObject {
    prepared.metadata.resourceVersion = String(++this.version)
    this.put(key, prepared)
    this.emit('ADDED', key, prepared)
    return prepared
  }

  private prepareCreate(key: ResourceKey, object: KubeObject): KubeObject {
    const input = structuredClone(object)
    const metadata = input.metadata ?? {}
    input.metadata = metadata
    if (!metadata.name && metadata.generateName) metadata.name = this.freeName(key, metadata.namespace, metadata.generateName)
    const name = requireName(key, input)
    if (this.peek(key, metadata.namespace, name)) throw alreadyExists(key.group, key.resource, name)
    metadata.uid = newUid()
    metadata.creationTimestamp = kubeTimestamp(this.now())
    metadata.generation = 1
    return input
  }

  private existingFor(key: ResourceKey, object: KubeObject): KubeObject {
    const name = requireName(key, object)
    const existing = this.peek(key, object.metadata.namespace, name)
    if (!existing) throw notFound(key.group, key.resource, name)
    const expected = object.metadata.resourceVersion
    if (expected && expected !== existing.metadata.resourceVersion) throw conflict(key.group, key.resource, name)
    return existing
  }

  private replace(key: ResourceKey, existing: KubeObject, next: KubeObject): KubeObject {
    this.owners.remove(refOf(key, existing), existing)
    this.put(key, next)
    this.emit('MODIFIED', key, next)
    return structuredClone(next)
  }

  private remove(key: ResourceKey, existing: KubeObject): KubeObject {
    const namespace = existing.metadata.namespace ?? CLUSTER
    this.resources.get(keyString(key))?.get(namespace)?.delete(existing.metadata.name!)
    this.owners.remove(refOf(key, existing), existing)
    const deleted = {...existing, metadata: {...existing.metadata, resourceVersion: String(++this.version)}}
    this.emit('DELETED', key, deleted)
    return structuredClone(deleted)
  }

  private put(key: ResourceKey, object: KubeObject): void {
    const id = keyString(key)
    let byNamespace = this.resources.get(id)
    if (!byNamespace) this.resources.set(id, (byNamespace = new Map()))
    const namespace = object.metadata.namespace ?? CLUSTER
    let bucket = byNamespace.get(namespace)
    if (!bucket) byNamespace.set(namespace, (bucket = new NameBucket()))
    bucket.set(object.metadata.name!, object)
    this.owners.add(refOf(key, object), object)
  }

  private emit(type: WatchEventType, key: ResourceKey, object: KubeObject): void {
    const change = {resourceVersion: this.version, event: {type, key, object}}
    this.history.append(change)
    for (const listener of this.changeListeners) listener(change)
  }

  private deleteDependents(owner: KubeObject, policy: PropagationPolicy): void {
    for (const ref of this.owners.dependentsOf(owner.metadata.uid!)) {
      this.delete(ref.key, ref.namespace, ref.name, {propagationPolicy: policy})
    }
  }

  private orphanDependents(owner: KubeObject): void {
    for (const ref of this.owners.dependentsOf(owner.metadata.uid!)) {
      const dependent = this.peek(ref.key, ref.namespace, ref.name)
      if (!dependent) continue
      const ownerReferences = (dependent.metadata.ownerReferences ?? []).filter((o) => o.uid !== owner.metadata.uid)
      const {ownerReferences: _previous, ...metadata} = dependent.metadata
      this.update(ref.key, {...dependent, metadata: ownerReferences.length > 0 ? {...metadata, ownerReferences} : metadata})
    }
  }

  /** The namespace controller's job: a deleted namespace takes everything in it along. */
  private deleteNamespaceContents(namespace: string): void {
    for (const [id, byNamespace] of this.resources) {
      const bucket = byNamespace.get(namespace)
      if (!bucket) continue
      const key = parseKeyString(id)
      for (const object of [...bucket.inOrder()]) this.delete(key, namespace, object.metadata.name!)
    }
  }

  private freeName(key: ResourceKey, namespace: string | undefined, prefix: string): string {
    for (;;) {
      const name = generatedName(prefix)
      if (!this.peek(key, namespace, name)) return name
    }
  }
}

function keyString(key: ResourceKey): string {
  return `${key.group}/${key.resource}`
}

function parseKeyString(id: string): ResourceKey {
  const slash = id.indexOf('/')
  return {group: id.slice(0, slash), resource: id.slice(slash + 1)}
}

function refOf(key: ResourceKey, object: KubeObject): ObjectRef {
  return {key, namespace: object.metadata.namespace, name: object.metadata.name!}
}
