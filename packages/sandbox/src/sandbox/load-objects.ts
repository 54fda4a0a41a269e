import {UsageError} from '@kubeline/core'
import {withCreateDefaults} from '../server/admission.js'
import type {ResourceRegistry} from '../resources/resource-registry.js'
import type {MemoryStore} from '../store/memory-store.js'
import type {KubeObject} from '../store/object-store.js'

/** The namespaces every cluster has. */
export const SYSTEM_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease']

const NAMESPACES = {group: '', resource: 'namespaces'}

/**
 * Stores fixture objects as they are (uids, timestamps and ownerReferences kept): CRDs and
 * namespaces first (so their resources and contents can follow), missing namespaces created on the way.
 */
export function loadObjects(store: MemoryStore, registry: ResourceRegistry, objects: readonly KubeObject[]): void {
  const rank = (object: KubeObject) => (object.kind === 'CustomResourceDefinition' ? 0 : object.kind === 'Namespace' ? 1 : 2)
  for (const object of [...objects].sort((a, b) => rank(a) - rank(b))) {
    const type = registry.forKind(object.apiVersion, object.kind)
    if (!type) throw new UsageError('INVALID_MANIFEST', `the sandbox does not serve ${object.kind} (${object.apiVersion}): declare a CustomResourceDefinition for it`)
    if (type.namespaced) {
      const namespace = object.metadata.namespace || 'default'
      ensureNamespace(store, namespace)
      store.load({group: type.group, resource: type.resource}, {...object, metadata: {...object.metadata, namespace}})
    } else if (type.resource === 'namespaces' && type.group === '') {
      ensureNamespace(store, object.metadata.name!, object)
    } else {
      store.load({group: type.group, resource: type.resource}, object)
    }
  }
}

export function ensureNamespace(store: MemoryStore, name: string, object?: KubeObject): void {
  if (store.peek(NAMESPACES, undefined, name)) return
  store.load(NAMESPACES, withCreateDefaults(object ?? {apiVersion: 'v1', kind: 'Namespace', metadata: {name}}))
}
