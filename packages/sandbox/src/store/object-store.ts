/**
 * The contract between the sandbox's API server (which owns storage, resourceVersions,
 * watches and HTTP) and its controllers and fixture loaders (which only read and write
 * objects). Controllers must go through this interface so that every change they make
 * is visible to watchers exactly as a real controller's would be.
 */

import type {KubeObject} from '@kubeline/core'

/** Objects are core's plain-JSON KubeObject, so the sandbox and the plugins share one shape. */
export type {KubeObject}

export type OwnerReference = NonNullable<KubeObject['metadata']['ownerReferences']>[number]

/** Identifies a served resource by its REST name, e.g. {group: 'apps', resource: 'deployments'}; group '' is core. */
export interface ResourceKey {
  group: string
  resource: string
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED'

export interface StoreEvent {
  type: WatchEventType
  key: ResourceKey
  object: KubeObject
}

export interface ObjectStore {
  /** Objects of a resource, in one namespace or (namespace undefined) all. Returned objects are copies. */
  list(key: ResourceKey, namespace?: string): KubeObject[]
  get(key: ResourceKey, namespace: string | undefined, name: string): KubeObject | undefined
  /** Assigns uid, creationTimestamp, resourceVersion, generation (and a name from generateName). Throws if it exists. */
  create(key: ResourceKey, object: KubeObject): KubeObject
  /** Replaces the object; bumps resourceVersion (and generation when spec changed). Throws on a stale resourceVersion. */
  update(key: ResourceKey, object: KubeObject): KubeObject
  /** Like update but only for the status subresource: spec and metadata other than resourceVersion are kept. */
  updateStatus(key: ResourceKey, object: KubeObject): KubeObject
  /** Deletes the object and, as the garbage collector would, its dependents (ownerReferences). */
  delete(key: ResourceKey, namespace: string | undefined, name: string): KubeObject | undefined
  /** Called synchronously after every change, in order. Returns an unsubscribe function. */
  subscribe(listener: (event: StoreEvent) => void): () => void
}

/** Sandbox time: real time multiplied by a scale a test can set, or advanced by hand. */
export interface SandboxClock {
  now(): Date
  /** Runs fn after `ms` sandbox milliseconds. Returns a cancel function. */
  after(ms: number, fn: () => void): () => void
}
