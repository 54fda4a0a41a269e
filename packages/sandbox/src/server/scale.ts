import {badRequest} from '../store/api-error.js'
import type {KubeObject} from '../store/object-store.js'

/** The autoscaling/v1 Scale view of a Deployment, ReplicaSet or StatefulSet (the `scale` subresource). */
export function toScale(object: KubeObject): KubeObject {
  const spec = (object.spec ?? {}) as {replicas?: number; selector?: {matchLabels?: Record<string, string>}}
  const status = (object.status ?? {}) as {replicas?: number}
  const {name, namespace, uid, resourceVersion, creationTimestamp} = object.metadata
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: {name, namespace, uid, resourceVersion, creationTimestamp},
    spec: {replicas: spec.replicas ?? 1},
    status: {replicas: status.replicas ?? 0, selector: selectorString(spec.selector?.matchLabels)},
  }
}

/** The object with spec.replicas taken from a Scale; the Scale's resourceVersion (if any) is the precondition. */
export function applyScale(object: KubeObject, scale: KubeObject): KubeObject {
  const replicas = (scale.spec as {replicas?: unknown} | undefined)?.replicas
  if (typeof replicas !== 'number' || !Number.isInteger(replicas) || replicas < 0) {
    throw badRequest('spec.replicas of a Scale must be a non-negative integer')
  }
  return {
    ...object,
    metadata: {...object.metadata, resourceVersion: scale.metadata?.resourceVersion || object.metadata.resourceVersion},
    spec: {...(object.spec as object | undefined), replicas},
  }
}

function selectorString(matchLabels: Record<string, string> | undefined): string {
  return Object.entries(matchLabels ?? {})
    .map(([key, value]) => `${key}=${value}`)
    .join(',')
}
