import {Quantity, type KubeObject} from '@kubeline/core'
import type {ResourceQuota} from './kubernetes-objects.js'
import {evaluatorFor, objectUsageList} from './object-usage.js'
import type {PodUsageOptions} from './pod-usage.js'
import {isKnownQuotaResource, quotaHard, quotaMatchesObject, quotaTracksResource} from './quota-scopes.js'
import {addResourceLists, formatResourceList, maskResourceList, type ResourceList} from './resource-list.js'

/**
 * What the quota controller would write to status.used (kubernetes
 * resource_quota_controller.go syncResourceQuota → quota.CalculateUsage), from the
 * namespace's objects: every hard key some evaluator understands, starting at zero, plus
 * the usage of each object in the quota's namespace that the quota matches (scopes
 * included), counted only for the keys that object's evaluator tracks. Comparing it with
 * status.used shows drift (a lagging controller); keys no evaluator knows are left out.
 */
export function recomputeQuotaUsed(quota: ResourceQuota, objects: readonly KubeObject[], options: PodUsageOptions = {}): Record<string, string> {
  const known = Object.keys(quotaHard(quota)).filter(isKnownQuotaResource)
  let used: ResourceList = Object.fromEntries(known.map((name) => [name, Quantity.zero()]))
  for (const object of objects) {
    if (object.metadata.namespace !== quota.metadata.namespace || !quotaMatchesObject(quota, object)) continue
    const tracked = known.filter((name) => quotaTracksResource(evaluatorFor(object), name, object))
    used = addResourceLists(used, maskResourceList(objectUsageList(object, options), tracked))
  }
  return formatResourceList(used)
}
