import {Quantity} from '@kubeline/core'
import type {Pod} from './kubernetes-objects.js'
import {podLimits, podRequests} from './pod-requests.js'
import {addResourceLists, formatResourceList, type ResourceList} from './resource-list.js'

export interface PodUsageOptions {
  /** The time to judge deletion grace periods against; without it a pod being deleted is still charged. */
  now?: Date
}

const ONE = Quantity.fromInteger(1n)

/** Implicit extended resources of DRA device classes (schedutil.IsDRAExtendedResourceName). */
export const DEVICE_CLASS_PREFIX = 'deviceclass.resource.kubernetes.io/'

/**
 * What the pod quota evaluator charges for one pod (kubernetes pkg/quota/v1/evaluator/core
 * pods.go PodUsageFunc), evaluated on the object as given (no API defaulting):
 * - always `count/pods: 1`, even for finished pods: object counts track storage;
 * - only while the pod is charged (see isPodCharged): `pods: 1` and the compute keys of
 *   podComputeUsage over podRequests/podLimits (sidecars, init max, overhead, pod-level
 *   resources, resized status values).
 * Keys sorted, values canonical.
 */
export function podUsage(pod: Pod, options: PodUsageOptions = {}): Record<string, string> {
  return formatResourceList(podUsageList(pod, options))
}

/** podUsage as exact Quantities, for arithmetic. */
export function podUsageList(pod: Pod, options: PodUsageOptions = {}): ResourceList {
  const objectCount: ResourceList = {'count/pods': ONE}
  if (!isPodCharged(pod, options.now)) return objectCount
  return addResourceLists(objectCount, podComputeUsage(podRequests(pod), podLimits(pod)))
}

/**
 * Upstream QuotaV1Pod: a pod stops counting against compute quota (and `pods`) once its
 * phase is Failed or Succeeded, or once `now` is past deletionTimestamp +
 * deletionGracePeriodSeconds ("stuck terminating" pods on a lost node).
 */
export function isPodCharged(pod: Pod, now?: Date): boolean {
  const phase = pod.status?.phase
  if (phase === 'Failed' || phase === 'Succeeded') return false
  const {deletionTimestamp, deletionGracePeriodSeconds} = pod.metadata
  if (now === undefined || deletionTimestamp === undefined || deletionGracePeriodSeconds == null) return true
  const graceEndsMs = Date.parse(deletionTimestamp) + deletionGracePeriodSeconds * 1000
  return !(now.getTime() > graceEndsMs)
}

/**
 * Upstream podComputeUsageHelper: `pods: 1`; a cpu, memory or ephemeral-storage request
 * charges both the bare and the `requests.` key, a limit the `limits.` key; hugepages-*
 * requests charge the bare and `requests.` keys (limits never); extended resources
 * (a name with a "/" outside *kubernetes.io/) and DRA device-class resources
 * (`deviceclass.resource.kubernetes.io/<class>`) charge only `requests.<name>`.
 */
export function podComputeUsage(requests: ResourceList, limits: ResourceList): ResourceList {
  const result: Record<string, Quantity> = {pods: ONE}
  for (const name of ['cpu', 'memory', 'ephemeral-storage']) {
    if (requests[name] !== undefined) result[name] = result[`requests.${name}`] = requests[name]
    if (limits[name] !== undefined) result[`limits.${name}`] = limits[name]
  }
  for (const [name, quantity] of Object.entries(requests)) {
    if (name.startsWith('hugepages-')) result[name] = result[`requests.${name}`] = quantity
    if (isExtendedResourceName(name) || name.startsWith(DEVICE_CLASS_PREFIX)) result[`requests.${name}`] = quantity
  }
  return result
}

/** Upstream IsNativeResource: no domain prefix, or a *kubernetes.io/ one. */
export function isNativeResourceName(name: string): boolean {
  return !name.includes('/') || name.includes('kubernetes.io/')
}

/** Upstream IsExtendedResourceName: not native and not already a `requests.` name. */
export function isExtendedResourceName(name: string): boolean {
  return !isNativeResourceName(name) && !name.startsWith('requests.')
}
