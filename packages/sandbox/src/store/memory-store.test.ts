import {describe, expect, test} from 'vitest'
import {ApiError} from './api-error.js'
import {MemoryStore} from './memory-store.js'
import type {KubeObject, ResourceKey, StoreEvent} from './object-store.js'

const pods: ResourceKey = {group: '', resource: 'pods'}
const deployments: ResourceKey = {group: 'apps', resource: 'deployments'}
const replicasets: ResourceKey = {group: 'apps', resource: 'replicasets'}

function pod(name: string, namespace = 'default', extra: Partial<KubeObject> = {}): KubeObject {
  return {apiVersion: 'v1', kind: 'Pod', metadata: {name, namespace}, spec: {containers: [{name: 'app', image: 'nginx'}]}, ...extra}
}

function owned(kind: string, name: string, owner: KubeObject): KubeObject {
  const ownerReferences = [{apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name!, uid: owner.metadata.uid!, controller: true}]
  return {apiVersion: 'apps/v1', kind, metadata: {name, namespace: 'default', ownerReferences}}
}

function apiError(fn: () => unknown): ApiError {
  try {
    fn()
  } catch (error) {
    if (error instanceof ApiError) return error
    throw error
  }
  throw new Error('expected an ApiError')
}

describe('MemoryStore create', () => {
  test('assigns uid, creationTimestamp, generation and a cluster-wide increasing resourceVersion', () => {
    const store = new MemoryStore({now: () => new Date('2026-01-02T03:04:05.678Z')})
    const a = store.create(pods, pod('a'))
    const b = store.create(deployments, {apiVersion: 'apps/v1', kind: 'Deployment', metadata: {name: 'web', namespace: 'default'}})
    expect(a.metadata.uid).toMatch(/^[0-9a-f-]{36}$/)
    expect(a.metadata.creationTimestamp).toBe('2026-01-02T03:04:05Z')
    expect(a.metadata.generation).toBe(1)
    expect(Number(b.metadata.resourceVersion)).toBe(Number(a.metadata.resourceVersion) + 1)
    expect(store.resourceVersion).toBe(Number(b.metadata.resourceVersion))
  })

  test('fills the name from generateName with a five-character suffix', () => {
    const store = new MemoryStore()
    const created = store.create(pods, {apiVersion: 'v1', kind: 'Pod', metadata: {generateName: 'job-', namespace: 'ns'}})
    expect(created.metadata.name).toMatch(/^job-[bcdfghjklmnpqrstvwxz2456789]{5}$/)
  })

  test('rejects a duplicate with 409 AlreadyExists and a missing name with 422', () => {
    const store = new MemoryStore()
    store.create(pods, pod('a'))
    expect(apiError(() => store.create(pods, pod('a')))).toMatchObject({code: 409, reason: 'AlreadyExists', message: 'pods "a" already exists'})
    const missing = apiError(() => store.create(pods, {apiVersion: 'v1', kind: 'Pod', metadata: {}}))
    expect(missing).toMatchObject({code: 422, reason: 'Invalid'})
    expect(missing.details?.causes).toEqual([expect.objectContaining({field: 'metadata.name', reason: 'FieldValueRequired'})])
  })

  test('does not keep a reference to the caller\'s object', () => {
    const store = new MemoryStore()
    const input = pod('a')
    store.create(pods, input)
    input.metadata.labels = {changed: 'yes'}
    expect(store.get(pods, 'default', 'a')?.metadata.labels).toBeUndefined()
  })
})

describe('MemoryStore update', () => {
  test('bumps generation only when the spec changes', () => {
    const store = new MemoryStore()
    const created = store.create(pods, pod('a'))
    const relabelled = store.update(pods, {...created, metadata: {...created.metadata, labels: {app: 'web'}}})
    expect(relabelled.metadata.generation).toBe(1)
    const respecced = store.update(pods, {...relabelled, spec: {containers: [{name: 'app', image: 'nginx:2'}]}})
    expect(respecced.metadata.generation).toBe(2)
    expect(respecced.metadata.uid).toBe(created.metadata.uid)
  })

  test('answers a stale resourceVersion with 409 Conflict in kube-apiserver wording', () => {
    const store = new MemoryStore()
    const created = store.create(deployments, {apiVersion: 'apps/v1', kind: 'Deployment', metadata: {name: 'web', namespace: 'default'}})
    store.update(deployments, created)
    expect(apiError(() => store.update(deployments, created))).toMatchObject({
      code: 409,
      reason: 'Conflict',
      message: 'Operation cannot be fulfilled on deployments.apps "web": the object has been modified; please apply your changes to the latest version and try again',
    })
  })

  test('updateStatus replaces only the status', () => {
    const store = new MemoryStore()
    const created = store.create(pods, pod('a'))
    const updated = store.updateStatus(pods, {...created, metadata: {...created.metadata, labels: {x: 'y'}}, spec: {}, status: {phase: 'Running'}})
    expect(updated.status).toEqual({phase: 'Running'})
    expect(updated.spec).toEqual(created.spec)
    expect(updated.metadata.labels).toBeUndefined()
  })

  test('answers an update of a missing object with 404', () => {
    expect(apiError(() => new MemoryStore().update(pods, pod('ghost')))).toMatchObject({code: 404, message: 'pods "ghost" not found'})
  })
})

describe('MemoryStore delete', () => {
  function deploymentTree(store: MemoryStore) {
    const deployment = store.create(deployments, {apiVersion: 'apps/v1', kind: 'Deployment', metadata: {name: 'web', namespace: 'default'}})
    const replicaset = store.create(replicasets, owned('ReplicaSet', 'web-1', deployment))
    store.create(pods, {...owned('Pod', 'web-1-a', replicaset), apiVersion: 'v1'})
    return {deployment, replicaset}
  }

  test.each(['Background', 'Foreground'] as const)('%s propagation deletes dependents transitively', (propagationPolicy) => {
    const store = new MemoryStore()
    deploymentTree(store)
    store.delete(deployments, 'default', 'web', {propagationPolicy})
    expect(store.count(replicasets)).toBe(0)
    expect(store.count(pods)).toBe(0)
  })

  test('Orphan propagation keeps dependents and strips the owner reference', () => {
    const store = new MemoryStore()
    deploymentTree(store)
    store.delete(deployments, 'default', 'web', {propagationPolicy: 'Orphan'})
    expect(store.get(replicasets, 'default', 'web-1')?.metadata.ownerReferences).toBeUndefined()
    expect(store.count(pods)).toBe(1)
  })

  test('a deleted namespace takes its objects along', () => {
    const store = new MemoryStore()
    store.create({group: '', resource: 'namespaces'}, {apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'team-a'}})
    store.create(pods, pod('a', 'team-a'))
    store.create(pods, pod('b', 'team-b'))
    store.delete({group: '', resource: 'namespaces'}, undefined, 'team-a')
    expect(store.list(pods).map((p) => p.metadata.name)).toEqual(['b'])
  })

  test('checks preconditions', () => {
    const store = new MemoryStore()
    store.create(pods, pod('a'))
    expect(apiError(() => store.delete(pods, 'default', 'a', {preconditions: {uid: 'other'}}))).toMatchObject({code: 409})
    expect(store.delete(pods, 'default', 'missing')).toBeUndefined()
  })
})

describe('MemoryStore events and history', () => {
  test('notifies subscribers in order, with a new resourceVersion on DELETED', () => {
    const store = new MemoryStore()
    const events: StoreEvent[] = []
    const unsubscribe = store.subscribe((event) => events.push(event))
    const created = store.create(pods, pod('a'))
    store.update(pods, created)
    const deleted = store.delete(pods, 'default', 'a')
    unsubscribe()
    store.create(pods, pod('b'))
    expect(events.map((e) => e.type)).toEqual(['ADDED', 'MODIFIED', 'DELETED'])
    expect(Number(deleted?.metadata.resourceVersion)).toBe(Number(created.metadata.resourceVersion) + 2)
  })

  test('keeps a bounded history and reports versions before it as not covered', () => {
    const store = new MemoryStore({historySize: 3})
    const start = store.resourceVersion
    for (const name of ['a', 'b', 'c', 'd', 'e']) store.create(pods, pod(name))
    expect(store.covers(start)).toBe(false)
    expect(store.covers(start + 2)).toBe(true)
    expect(store.changesSince(start + 2).map((c) => c.event.object.metadata.name)).toEqual(['c', 'd', 'e'])
    store.compact()
    expect(store.covers(store.resourceVersion - 1)).toBe(false)
    expect(store.covers(store.resourceVersion)).toBe(true)
  })
})

describe('MemoryStore scale', () => {
  test('lists in namespace/name order and resumes after a position', () => {
    const store = new MemoryStore()
    for (const [ns, name] of [['b', 'x'], ['a', 'z'], ['a', 'y'], ['c', 'w']]) store.create(pods, pod(name!, ns))
    const names = (objects: Iterable<KubeObject>) => [...objects].map((o) => `${o.metadata.namespace}/${o.metadata.name}`)
    expect(names(store.scan(pods))).toEqual(['a/y', 'a/z', 'b/x', 'c/w'])
    expect(names(store.scan(pods, undefined, {namespace: 'a', name: 'z'}))).toEqual(['b/x', 'c/w'])
    expect(names(store.scan(pods, 'a', {namespace: 'a', name: 'y'}))).toEqual(['a/z'])
  })

  // Load and list times are measured by the benchmark suite (npm run bench), not asserted here.
  test('holds 100,000 pods and lists one namespace of them', () => {
    const store = new MemoryStore()
    for (let i = 0; i < 100_000; i++) store.load(pods, pod(`pod-${i}`, `ns-${i % 1000}`))
    expect(store.count(pods)).toBe(100_000)
    expect(store.list(pods, 'ns-7')).toHaveLength(100)
  })
})

describe('MemoryStore load', () => {
  test('keeps the uid, creationTimestamp and generation a fixture gives, so ownerReferences hold', () => {
    const store = new MemoryStore()
    const deployment = {apiVersion: 'apps/v1', kind: 'Deployment', metadata: {name: 'web', namespace: 'default', uid: 'uid-web', creationTimestamp: '2026-01-01T00:00:00Z', generation: 4}}
    store.load(deployments, deployment)
    const loaded = store.get(deployments, 'default', 'web')!
    expect(loaded.metadata).toMatchObject({uid: 'uid-web', creationTimestamp: '2026-01-01T00:00:00Z', generation: 4})
    store.load(replicasets, owned('ReplicaSet', 'web-1', loaded))
    store.delete(deployments, 'default', 'web')
    expect(store.count(replicasets)).toBe(0)
  })
})
