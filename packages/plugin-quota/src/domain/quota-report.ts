import type {KubeObject} from '@kubeline/core'
import {evaluateQuota} from './evaluate-quota.js'
import type {QuotaLine, QuotaThresholds} from './evaluate-quota.js'
import type {LimitRange, Pod, ResourceQuota} from './kubernetes-objects.js'
import {missingQuotaRequests} from './pod-constraints.js'
import {quotaMatchesObject, quotaScopeRequirements} from './quota-scopes.js'
import {recomputeQuotaUsed} from './recompute-quota-used.js'
import {topConsumers} from './top-consumers.js'
import type {Consumer} from './top-consumers.js'

/** What the report needs from one namespace, read by the service. */
export interface NamespaceQuotaData {
  namespace: string
  quotas: ResourceQuota[]
  limitRanges: LimitRange[]
  pods: Pod[]
  /** PVCs and Services: with the pods, what drift is recomputed from. */
  otherCharged: KubeObject[]
  /** ReplicaSets, Deployments, Jobs, CronJobs... by uid, for --top. */
  owners: ReadonlyMap<string, KubeObject>
}

export interface ReportOptions extends QuotaThresholds {
  /** Workloads to show per quota'd resource; 0 for none. */
  top: number
  now: Date
}

export interface DriftEntry {
  resource: string
  statusUsed: string | null
  recomputed: string
}

export interface QuotaEntry {
  name: string
  scopes: string[]
  scopeSelector: {scopeName: string; operator: string; values?: string[]}[]
  lines: QuotaLine[]
  drift: DriftEntry[]
  top: {resource: string; consumers: Consumer[]}[]
}

export interface LimitRangeEntry {
  name: string
  limits: {type: string; resource: string; min?: string; max?: string; default?: string; defaultRequest?: string; maxLimitRequestRatio?: string}[]
}

export interface MissingRequests {
  pod: string
  quota: string
  /** The API server's words for the next replica's rejection: `must specify cpu for: app; ...`. */
  problem: string
}

export interface NamespaceReport {
  namespace: string
  quotas: QuotaEntry[]
  limitRanges: LimitRangeEntry[]
  missingRequests: MissingRequests[]
}

/**
 * The whole report for a set of namespaces, as plain data: every quota line evaluated with
 * exact quantities, drift between status.used and what the objects charge, the top
 * consumers, LimitRanges, and the pods whose next replica a quota would reject for a
 * missing request or limit.
 */
export function buildNamespaceReport(data: NamespaceQuotaData, options: ReportOptions): NamespaceReport {
  const charged = [...data.pods, ...data.otherCharged]
  const quotas = data.quotas.map((quota) => quotaEntry(quota, data, charged, options))
  return {
    namespace: data.namespace,
    quotas,
    limitRanges: data.limitRanges.map(limitRangeEntry).sort((a, b) => a.name.localeCompare(b.name)),
    missingRequests: missingRequestsIn(data),
  }
}

function quotaEntry(quota: ResourceQuota, data: NamespaceQuotaData, charged: KubeObject[], options: ReportOptions): QuotaEntry {
  const {lines} = evaluateQuota(quota, options)
  const quotaPods = data.pods.filter((pod) => quotaMatchesObject(quota, pod))
  const podResources = lines.map((line) => line.resource).filter(chargedByPods)
  const top = options.top > 0 ? topConsumers(quotaPods, data.owners, podResources, options.top, {now: options.now}) : {}
  return {
    name: quota.metadata.name ?? '',
    scopes: [...(quota.spec?.scopes ?? [])],
    scopeSelector: quotaScopeRequirements(quota)
      .filter((requirement) => !(quota.spec?.scopes ?? []).includes(requirement.scopeName))
      .map((requirement) => ({scopeName: requirement.scopeName, operator: requirement.operator, ...(requirement.values ? {values: [...requirement.values]} : {})})),
    lines,
    drift: driftOf(quota, charged, options.now),
    top: Object.entries(top).map(([resource, consumers]) => ({resource, consumers})),
  }
}

/** Keys the pods, PVCs and Services we read account for; object counts of other kinds are not recomputed. */
const NOT_RECOMPUTED = /^(configmaps|secrets|replicationcontrollers|resourcequotas)$|^count\/(?!(pods|services|persistentvolumeclaims)$)/

function driftOf(quota: ResourceQuota, charged: KubeObject[], now: Date): DriftEntry[] {
  const recomputed = recomputeQuotaUsed(quota, charged, {now})
  const statusUsed = quota.status?.used ?? {}
  return Object.entries(recomputed)
    .filter(([resource]) => !NOT_RECOMPUTED.test(resource))
    .filter(([resource, value]) => !sameQuantity(statusUsed[resource], value))
    .map(([resource, value]) => ({resource, statusUsed: statusUsed[resource] === undefined ? null : String(statusUsed[resource]), recomputed: value}))
}

function sameQuantity(a: unknown, b: string): boolean {
  return a !== undefined && String(a) === b
}

function chargedByPods(resource: string): boolean {
  return /^(requests\.|limits\.)?(cpu|memory|ephemeral-storage)$|^(requests\.)?hugepages-|^pods$|^count\/pods$/.test(resource)
}

const LIMIT_FIELDS = ['min', 'max', 'default', 'defaultRequest', 'maxLimitRequestRatio'] as const

function limitRangeEntry(limitRange: LimitRange): LimitRangeEntry {
  const limits = (limitRange.spec?.limits ?? []).flatMap((item) => {
    const resources = new Set(LIMIT_FIELDS.flatMap((field) => Object.keys(item[field] ?? {})))
    return [...resources].sort().map((resource) => {
      const entry: LimitRangeEntry['limits'][number] = {type: item.type, resource}
      for (const field of LIMIT_FIELDS) {
        const value = item[field]?.[resource]
        if (value !== undefined) entry[field] = String(value)
      }
      return entry
    })
  })
  return {name: limitRange.metadata.name ?? '', limits}
}

function missingRequestsIn(data: NamespaceQuotaData): MissingRequests[] {
  const missing: MissingRequests[] = []
  for (const pod of data.pods) {
    for (const quota of data.quotas) {
      if (!quotaMatchesObject(quota, pod)) continue
      const problem = missingQuotaRequests(pod, Object.keys(quota.status?.hard ?? quota.spec?.hard ?? {}))
      if (problem) missing.push({pod: pod.metadata.name ?? '', quota: quota.metadata.name ?? '', problem})
    }
  }
  return missing
}
