import {compareCodeUnits} from '@kubeline/core'
import type {KubeObject} from '@kubeline/core'
import type {PersistentVolumeClaim} from './kubernetes-objects.js'

const DEFAULT_CLASS_ANNOTATIONS = ['storageclass.kubernetes.io/is-default-class', 'storageclass.beta.kubernetes.io/is-default-class']

/**
 * The cluster's default StorageClass name, as the DefaultStorageClass admission plugin picks
 * it: classes annotated `storageclass.kubernetes.io/is-default-class: "true"` (or the beta
 * annotation); when several are, the newest (creationTimestamp), then the first by name.
 */
export function defaultStorageClassName(storageClasses: readonly KubeObject[]): string | undefined {
  const defaults = storageClasses.filter(
    (sc) => sc.kind === 'StorageClass' && DEFAULT_CLASS_ANNOTATIONS.some((key) => sc.metadata.annotations?.[key] === 'true'),
  )
  const newestFirst = [...defaults].sort(
    (a, b) => compareCodeUnits(b.metadata.creationTimestamp ?? '', a.metadata.creationTimestamp ?? '') || compareCodeUnits(a.metadata.name ?? '', b.metadata.name ?? ''),
  )
  return newestFirst[0]?.metadata.name
}

/**
 * A PVC as DefaultStorageClass admits it: a claim with no `spec.storageClassName` (absent or
 * null, not "") and no legacy class annotation gets the default class, if there is one.
 */
export function withDefaultStorageClass(pvc: PersistentVolumeClaim, defaultClass: string | undefined): PersistentVolumeClaim {
  const unset = (pvc.spec?.storageClassName ?? undefined) === undefined && pvc.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'] === undefined
  if (!unset || defaultClass === undefined) return pvc
  return {...pvc, spec: {...(pvc.spec ?? {}), storageClassName: defaultClass}}
}
