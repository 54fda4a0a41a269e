import type {KubeObject} from '@kubeline/core'
import type {PersistentVolumeClaim, Pod, Service} from './kubernetes-objects.js'
import {objectCountUsageList} from './object-count-usage.js'
import {podUsageList, type PodUsageOptions} from './pod-usage.js'
import {pvcUsageList} from './pvc-usage.js'
import type {ResourceList} from './resource-list.js'
import {serviceUsageList} from './service-usage.js'

/** The evaluator that accounts for an object: pods, PVCs and services have their own, the rest are counted. */
export type EvaluatorKind = 'pods' | 'persistentvolumeclaims' | 'services' | 'object-count'

/** Which evaluator handles this object (core group Pod, PersistentVolumeClaim, Service; anything else). */
export function evaluatorFor(object: Pick<KubeObject, 'apiVersion' | 'kind'>): EvaluatorKind {
  if (object.apiVersion !== 'v1') return 'object-count'
  if (object.kind === 'Pod') return 'pods'
  if (object.kind === 'PersistentVolumeClaim') return 'persistentvolumeclaims'
  if (object.kind === 'Service') return 'services'
  return 'object-count'
}

/** The usage the matching evaluator charges for one object (podUsage, pvcUsage, serviceUsage, objectCountUsage). */
export function objectUsageList(object: KubeObject, options: PodUsageOptions = {}): ResourceList {
  switch (evaluatorFor(object)) {
    case 'pods':
      return podUsageList(object as Pod, options)
    case 'persistentvolumeclaims':
      return pvcUsageList(object as PersistentVolumeClaim)
    case 'services':
      return serviceUsageList(object as Service)
    case 'object-count':
      return objectCountUsageList(object)
  }
}
