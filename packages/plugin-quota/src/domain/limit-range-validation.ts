import {Quantity} from '@kubeline/core'
import type {Container, LimitRange, LimitRangeItem, PersistentVolumeClaim, Pod} from './kubernetes-objects.js'
import {podLimits, podRequests} from './pod-requests.js'
import {parseResourceList, type ResourceList} from './resource-list.js'

/** Go's resource.MaxMilliValue: beyond it upstream compares whole units instead of milli-units. */
const MAX_MILLI_VALUE = 9_223_372_036_854_775n

/**
 * The LimitRanger admission plugin's validation (kubernetes plugin/pkg/admission/limitranger
 * admission.go), with the server's wording, for every LimitRange and item in order, keys
 * sorted:
 * - `Container` items, for each container then init container: min (a request must exist and
 *   be >= min; a limit, if set, too), max (a limit must exist and be <= max; a request, if
 *   set, too), maxLimitRequestRatio (both set and non-zero, limit/request <= ratio);
 * - `Pod` items: the same rules on the pod's aggregate requests/limits (init containers by
 *   max, sidecars cumulative, pod-level resources; no overhead);
 * - `PersistentVolumeClaim` items on a PVC: min and max against spec.resources.requests only.
 * Values compare as upstream does, in milli-units rounded up (whole units past 2^63/1000).
 * Returns no messages when the object complies; the API server joins them as `[a, b]` in a
 * 403 "is forbidden" error.
 */
export function limitRangeViolations(object: Pod | PersistentVolumeClaim, limitRanges: readonly LimitRange[]): string[] {
  const items = limitRanges.flatMap((limitRange) => limitRange.spec?.limits ?? [])
  if (object.kind === 'PersistentVolumeClaim') {
    const requests = parseResourceList((object as PersistentVolumeClaim).spec?.resources?.requests)
    return items.filter((item) => item.type === 'PersistentVolumeClaim').flatMap((item) => pvcViolations(item, requests))
  }
  const pod = object as Pod
  return items.flatMap((item) => {
    if (item.type === 'Container') return [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])].flatMap((c) => containerViolations(item, c))
    if (item.type === 'Pod') return boundViolations(item, podRequests(pod, {excludeOverhead: true, useStatusResources: false}), podLimits(pod, {excludeOverhead: true, useStatusResources: false}))
    return []
  })
}

function containerViolations(item: LimitRangeItem, container: Container): string[] {
  return boundViolations(item, parseResourceList(container.resources?.requests), parseResourceList(container.resources?.limits))
}

function boundViolations(item: LimitRangeItem, requests: ResourceList, limits: ResourceList): string[] {
  const checks = [
    ...sortedEntries(item.min).map(([name, min]) => minViolation(item.type, name, min, requests, limits)),
    ...sortedEntries(item.max).map(([name, max]) => maxViolation(item.type, name, max, requests, limits)),
    ...sortedEntries(item.maxLimitRequestRatio).map(([name, ratio]) => ratioViolation(item.type, name, ratio, requests, limits)),
  ]
  return checks.filter((message): message is string => message !== undefined)
}

function pvcViolations(item: LimitRangeItem, requests: ResourceList): string[] {
  const checks = [
    ...sortedEntries(item.min).map(([name, min]) => minViolation(item.type, name, min, requests, {})),
    ...sortedEntries(item.max).map(([name, max]) => maxRequestViolation(item.type, name, max, requests)),
  ]
  return checks.filter((message): message is string => message !== undefined)
}

function minViolation(type: string, name: string, min: Quantity, requests: ResourceList, limits: ResourceList): string | undefined {
  const [request, limit, enforced] = comparable(requests[name], limits[name], min)
  if (requests[name] === undefined) return `minimum ${name} usage per ${type} is ${min}.  No request is specified`
  if (request < enforced) return `minimum ${name} usage per ${type} is ${min}, but request is ${requests[name]}`
  if (limits[name] !== undefined && limit < enforced) return `minimum ${name} usage per ${type} is ${min}, but limit is ${limits[name]}`
  return undefined
}

function maxViolation(type: string, name: string, max: Quantity, requests: ResourceList, limits: ResourceList): string | undefined {
  const [request, limit, enforced] = comparable(requests[name], limits[name], max)
  if (limits[name] === undefined) return `maximum ${name} usage per ${type} is ${max}.  No limit is specified`
  if (limit > enforced) return `maximum ${name} usage per ${type} is ${max}, but limit is ${limits[name]}`
  if (requests[name] !== undefined && request > enforced) return `maximum ${name} usage per ${type} is ${max}, but request is ${requests[name]}`
  return undefined
}

function maxRequestViolation(type: string, name: string, max: Quantity, requests: ResourceList): string | undefined {
  const [request, , enforced] = comparable(requests[name], undefined, max)
  if (requests[name] === undefined) return `maximum ${name} usage per ${type} is ${max}.  No request is specified`
  if (request > enforced) return `maximum ${name} usage per ${type} is ${max}, but request is ${requests[name]}`
  return undefined
}

function ratioViolation(type: string, name: string, ratio: Quantity, requests: ResourceList, limits: ResourceList): string | undefined {
  const [request, limit] = comparable(requests[name], limits[name], ratio)
  const prefix = `${name} max limit to request ratio per ${type} is ${ratio}`
  if (requests[name] === undefined || request === 0n) return `${prefix}, but no request is specified or request is 0`
  if (limits[name] === undefined || limit === 0n) return `${prefix}, but no limit is specified or limit is 0`
  const observed = Number(limit) / Number(request)
  const exceeds = ratio.value() <= MAX_MILLI_VALUE ? observed * 1000 > Number(ratio.milliValue()) : observed > Number(ratio.value())
  return exceeds ? `${prefix}, but provided ratio is ${observed.toFixed(6)}` : undefined
}

/** Upstream requestLimitEnforcedValues: milli-units when all three fit, else whole units. */
function comparable(request: Quantity | undefined, limit: Quantity | undefined, enforced: Quantity): [bigint, bigint, bigint] {
  const values = [request ?? Quantity.zero(), limit ?? Quantity.zero(), enforced]
  const fitsMilli = values.every((q) => q.value() <= MAX_MILLI_VALUE)
  const [r, l, e] = values.map((q) => (fitsMilli ? q.milliValue() : q.value()))
  return [r!, l!, e!]
}

function sortedEntries(list: LimitRangeItem['min']): [string, Quantity][] {
  return Object.entries(parseResourceList(list)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
}
