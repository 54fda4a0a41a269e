import {Quantity} from '@kubeline/core'
import type {PersistentVolumeClaim} from './kubernetes-objects.js'
import {formatResourceList, type ResourceList} from './resource-list.js'

const ONE = Quantity.fromInteger(1n)
const NANOS_PER_BYTE = 1_000_000_000n
const LEGACY_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class'

/** `<class>.storageclass.storage.k8s.io/<resource>`, upstream V1ResourceByStorageClass. */
export function resourceByStorageClass(storageClass: string, resource: string): string {
  return `${storageClass}.storageclass.storage.k8s.io/${resource}`
}

/**
 * What the PVC quota evaluator charges (kubernetes pkg/quota/v1/evaluator/core
 * persistent_volume_claims.go), on the object as given, whatever its phase:
 * - `persistentvolumeclaims: 1` and `count/persistentvolumeclaims: 1`;
 * - with a storage class (the legacy annotation wins over spec.storageClassName; "" is
 *   no class): `<class>.storageclass.storage.k8s.io/persistentvolumeclaims: 1`;
 * - with a storage request: `requests.storage` (and the per-class key) = the larger of
 *   spec.resources.requests.storage and status.allocatedResources.storage
 *   (RecoverVolumeExpansionFailure), rounded up to whole bytes.
 * The DefaultStorageClass admission plugin is not applied here (planUsage does).
 */
export function pvcUsage(pvc: PersistentVolumeClaim): Record<string, string> {
  return formatResourceList(pvcUsageList(pvc))
}

/** pvcUsage as exact Quantities. */
export function pvcUsageList(pvc: PersistentVolumeClaim): ResourceList {
  const result: Record<string, Quantity> = {persistentvolumeclaims: ONE, 'count/persistentvolumeclaims': ONE}
  const storageClass = pvcStorageClass(pvc)
  if (storageClass !== '') result[resourceByStorageClass(storageClass, 'persistentvolumeclaims')] = ONE
  const storage = chargedStorage(pvc)
  if (storage !== undefined) {
    result['requests.storage'] = storage
    if (storageClass !== '') result[resourceByStorageClass(storageClass, 'requests.storage')] = storage
  }
  return result
}

/** Upstream GetPersistentVolumeClaimClass: the beta annotation, else spec.storageClassName, else "". */
export function pvcStorageClass(pvc: PersistentVolumeClaim): string {
  const annotated = pvc.metadata.annotations?.[LEGACY_CLASS_ANNOTATION]
  if (annotated !== undefined) return annotated
  return pvc.spec?.storageClassName ?? ''
}

function chargedStorage(pvc: PersistentVolumeClaim): Quantity | undefined {
  const requested = pvc.spec?.resources?.requests?.storage
  const allocated = pvc.status?.allocatedResources?.storage
  const candidates = [requested, allocated].filter((value) => value !== undefined).map((value) => Quantity.parse(String(value)))
  if (candidates.length === 0) return undefined
  return roundUpToWholeUnits(candidates.reduce((a, b) => Quantity.max(a, b)))
}

/** Upstream RoundUp(0): whole units, away from zero, keeping the format. */
function roundUpToWholeUnits(quantity: Quantity): Quantity {
  const nanos = quantity.nanoValue()
  const remainder = nanos % NANOS_PER_BYTE
  if (remainder === 0n) return quantity
  const rounded = nanos > 0n ? nanos - remainder + NANOS_PER_BYTE : nanos - remainder - NANOS_PER_BYTE
  return Quantity.fromNanos(rounded, quantity.format)
}
