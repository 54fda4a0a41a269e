import type {KubeObject} from '@kubeline/core'
import type {LimitRange, Pod, ResourceQuota} from './kubernetes-objects.js'
import {applyLimitRangeDefaults} from './limit-range-defaults.js'
import {evaluatorFor, objectUsageList} from './object-usage.js'
import type {EvaluatorKind} from './object-usage.js'
import {missingQuotaRequests} from './pod-constraints.js'
import {quotaHard, quotaMatchesObject} from './quota-scopes.js'
import {QuotaUsedTally} from './recompute-quota-used.js'
import type {ResourceList} from './resource-list.js'
import {owningWorkload, WorkloadUsageTotals} from './top-consumers.js'
import type {Consumer} from './top-consumers.js'

export interface TallyOptions {
  now: Date
  /** Workloads to rank per quota'd resource (--top); 0 for none. */
  top: number
  /** ReplicaSets and Jobs by uid, for --top. */
  owners: ReadonlyMap<string, KubeObject>
  /** The namespace's LimitRanges: they default a pod's next replica before the quotas check it. */
  limitRanges?: readonly LimitRange[]
}

export interface MissingRequests {
  pod: string
  quota: string
  /** The API server's words for the next replica's rejection: `must specify cpu for: app; ...`. */
  problem: string
}

/** What one quota has been charged so far. */
export interface QuotaTally {
  quota: ResourceQuota
  /** What the quota controller would write to status.used, from the objects added. */
  recomputed(): Record<string, string>
  /** The biggest workloads per pod-charged key of the quota ({} without --top). */
  top(): Record<string, Consumer[]>
}

interface QuotaAccumulator {
  quota: ResourceQuota
  used: QuotaUsedTally
  workloads: WorkloadUsageTotals | undefined
  constrainedKeys: string[]
}

/**
 * What a namespace's pods, PVCs and Services charge its quotas, folded one object at a time
 * as list pages arrive: a cluster's pods are never held together, only sums per quota and
 * per workload, and the pods missing a request or limit once the namespace's LimitRanges have
 * defaulted them (as their next replica will be). `forget` drops one evaluator's
 * share when its list restarts.
 */
export class NamespaceTally {
  private readonly accumulators: QuotaAccumulator[]
  private missing: MissingRequests[] = []

  constructor(
    readonly namespace: string,
    quotas: readonly ResourceQuota[],
    private readonly options: TallyOptions,
  ) {
    this.accumulators = quotas.map((quota) => {
      const keys = Object.keys(quotaHard(quota)).sort() // the order of the quota lines
      return {
        quota,
        used: new QuotaUsedTally(quota),
        workloads: options.top > 0 ? new WorkloadUsageTotals(keys.filter(chargedByPods)) : undefined,
        constrainedKeys: Object.keys(quota.status?.hard ?? quota.spec?.hard ?? {}),
      }
    })
  }

  /** A pod, PVC or Service of this namespace. */
  add(object: KubeObject): void {
    let usage: ResourceList | undefined
    const usageOf = () => (usage ??= objectUsageList(object, {now: this.options.now}))
    const isPod = evaluatorFor(object) === 'pods'
    const nextReplica = isPod ? this.nextReplicaOf(object as Pod) : undefined
    for (const accumulator of this.accumulators) {
      accumulator.used.add(object, usageOf)
      if (nextReplica === undefined) continue
      if (quotaMatchesObject(accumulator.quota, object)) accumulator.workloads?.add(owningWorkload(object, this.options.owners), usageOf())
      const problem = quotaMatchesObject(accumulator.quota, nextReplica) ? missingQuotaRequests(nextReplica, accumulator.constrainedKeys) : undefined
      if (problem) this.missing.push({pod: object.metadata.name ?? '', quota: accumulator.quota.metadata.name ?? '', problem})
    }
  }

  forget(evaluator: EvaluatorKind): void {
    for (const accumulator of this.accumulators) {
      accumulator.used.forget(evaluator)
      if (evaluator === 'pods' && accumulator.workloads) accumulator.workloads = new WorkloadUsageTotals(accumulator.workloads.resources)
    }
    if (evaluator === 'pods') this.missing = []
  }

  quotas(): QuotaTally[] {
    return this.accumulators.map(({quota, used, workloads}) => ({
      quota,
      recomputed: () => used.used(),
      top: () => workloads?.top(this.options.top) ?? {},
    }))
  }

  /** The pod as its next replica reaches the quota check; without LimitRanges (most namespaces) the pod itself, cheaply. */
  private nextReplicaOf(pod: Pod): Pod {
    const limitRanges = this.options.limitRanges ?? []
    return limitRanges.length === 0 ? pod : applyLimitRangeDefaults(pod, limitRanges)
  }

  /** Pods whose next replica a quota would reject, in the order they were added. */
  missingRequests(): MissingRequests[] {
    return [...this.missing]
  }
}

/** The keys pods charge (the ones --top ranks workloads by). */
function chargedByPods(resource: string): boolean {
  return /^(requests\.|limits\.)?(cpu|memory|ephemeral-storage)$|^(requests\.)?hugepages-|^pods$|^count\/pods$/.test(resource)
}
