import {Quantity, type KubeObject} from '@kubeline/core'
import type {ResourceQuota} from './kubernetes-objects.js'
import {evaluatorFor, objectUsageList} from './object-usage.js'
import type {EvaluatorKind} from './object-usage.js'
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
  const tally = new QuotaUsedTally(quota)
  for (const object of objects) tally.add(object, () => objectUsageList(object, options))
  return tally.used()
}

/**
 * recomputeQuotaUsed one object at a time, so a cluster's pods never need to be in memory
 * together. Sums are kept per evaluator, so a list that restarts (an expired continue
 * token) can forget what it had charged.
 */
export class QuotaUsedTally {
  private readonly known: string[]
  private readonly byEvaluator = new Map<EvaluatorKind, ResourceList>()

  constructor(private readonly quota: ResourceQuota) {
    this.known = Object.keys(quotaHard(quota)).filter(isKnownQuotaResource)
  }

  /** Charge the object if the quota matches it. `usageOf` gives objectUsageList(object), computed only then. */
  add(object: KubeObject, usageOf: () => ResourceList): void {
    if (object.metadata.namespace !== this.quota.metadata.namespace || !quotaMatchesObject(this.quota, object)) return
    const evaluator = evaluatorFor(object)
    const tracked = this.known.filter((name) => quotaTracksResource(evaluator, name, object))
    this.byEvaluator.set(evaluator, addResourceLists(this.byEvaluator.get(evaluator) ?? {}, maskResourceList(usageOf(), tracked)))
  }

  forget(evaluator: EvaluatorKind): void {
    this.byEvaluator.delete(evaluator)
  }

  /** Canonical strings per known hard key, zero when nothing charges it. */
  used(): Record<string, string> {
    let used: ResourceList = Object.fromEntries(this.known.map((name) => [name, Quantity.zero()]))
    for (const charged of this.byEvaluator.values()) used = addResourceLists(used, charged)
    return formatResourceList(used)
  }
}
