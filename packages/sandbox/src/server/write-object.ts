import type {KubeObject} from '../store/object-store.js'
import type {ApiContext, ApiTarget} from './api-context.js'
import {ephemeralContainersUpdate} from './ephemeral-containers-update.js'
import {applyScale, toScale} from './scale.js'

/**
 * Stores a new version of an existing object through the subresource the request named:
 * the main resource keeps the stored status (when status is a subresource), `status` changes
 * only the status, `scale` only spec.replicas, `ephemeralcontainers` only spec.ephemeralContainers. Returns what the response carries.
 */
export function writeObject(context: ApiContext, target: ApiTarget, existing: KubeObject, next: KubeObject): KubeObject {
  const {store} = context
  switch (target.info.subresource) {
    case 'status':
      return store.updateStatus(target.key, {...next, metadata: {...next.metadata, name: existing.metadata.name, namespace: existing.metadata.namespace}})
    case 'scale':
      return toScale(store.update(target.key, applyScale(existing, next)))
    case 'ephemeralcontainers':
      return store.update(target.key, ephemeralContainersUpdate(existing, next))
    default: {
      const keepStatus = target.type.subresources.includes('status')
      const object = keepStatus ? withStatusOf(next, existing) : next
      return store.update(target.key, {...object, metadata: {...object.metadata, namespace: existing.metadata.namespace}})
    }
  }
}

/** What a read of the subresource returns: the Scale for `scale`, the object itself otherwise. */
export function subresourceView(target: ApiTarget, object: KubeObject): KubeObject {
  return target.info.subresource === 'scale' ? toScale(object) : object
}

function withStatusOf(object: KubeObject, existing: KubeObject): KubeObject {
  const result = {...object}
  if (existing.status === undefined) delete result.status
  else result.status = existing.status
  return result
}
