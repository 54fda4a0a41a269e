import {compareCodeUnits} from '@kubeline/core'
import {evaluateQuota} from './evaluate-quota.js'
import type {QuotaLine, QuotaThresholds} from './evaluate-quota.js'
import type {LimitRange, ResourceQuota} from './kubernetes-objects.js'
import type {MissingRequests, NamespaceTally, QuotaTally} from './namespace-tally.js'
import {quotaScopeRequirements} from './quota-scopes.js'
import type {Consumer} from './top-consumers.js'

export type {MissingRequests} from './namespace-tally.js'

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

export interface NamespaceReport {
  /** The kubeconfig context the namespace was read through. */
  context: string
  namespace: string
  quotas: QuotaEntry[]
  limitRanges: LimitRangeEntry[]
  missingRequests: MissingRequests[]
}

/**
 * The report of one namespace, as plain data: every quota line evaluated with exact
 * quantities, drift between status.used and what the objects charge, the top consumers,
 * LimitRanges, and the pods whose next replica a quota would reject for a missing request
 * or limit. `tally` has had all of the namespace's pods, PVCs and Services added.
 */
export function buildNamespaceReport(context: string, tally: NamespaceTally, limitRanges: readonly LimitRange[], options: ReportOptions): NamespaceReport {
  return {
    context,
    namespace: tally.namespace,
    quotas: tally.quotas().map((quota) => quotaEntry(quota, options)),
    limitRanges: limitRanges.map(limitRangeEntry).sort((a, b) => compareCodeUnits(a.name, b.name)),
    missingRequests: tally.missingRequests(),
  }
}

function quotaEntry({quota, recomputed, top}: QuotaTally, options: ReportOptions): QuotaEntry {
  return {
    name: quota.metadata.name ?? '',
    scopes: [...(quota.spec?.scopes ?? [])],
    scopeSelector: quotaScopeRequirements(quota)
      .filter((requirement) => !(quota.spec?.scopes ?? []).includes(requirement.scopeName))
      .map((requirement) => ({scopeName: requirement.scopeName, operator: requirement.operator, ...(requirement.values ? {values: [...requirement.values]} : {})})),
    lines: evaluateQuota(quota, options).lines,
    drift: driftOf(quota, recomputed()),
    top: Object.entries(top()).map(([resource, consumers]) => ({resource, consumers})),
  }
}

/** Keys the pods, PVCs and Services we read account for; object counts of other kinds are not recomputed. */
const NOT_RECOMPUTED = /^(configmaps|secrets|replicationcontrollers|resourcequotas)$|^count\/(?!(pods|services|persistentvolumeclaims)$)/

function driftOf(quota: ResourceQuota, recomputed: Record<string, string>): DriftEntry[] {
  const statusUsed = quota.status?.used ?? {}
  return Object.entries(recomputed)
    .filter(([resource]) => !NOT_RECOMPUTED.test(resource))
    .filter(([resource, value]) => !sameQuantity(statusUsed[resource], value))
    .map(([resource, value]) => ({resource, statusUsed: statusUsed[resource] === undefined ? null : String(statusUsed[resource]), recomputed: value}))
}

function sameQuantity(a: unknown, b: string): boolean {
  return a !== undefined && String(a) === b
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
