import {namespacedName, type ResourceQuota} from './kubernetes-objects.js'
import {quotaHard} from './quota-scopes.js'
import {addResourceLists, lessThanOrEqual, maskResourceList, parseResourceList, removeZeros, type ResourceList} from './resource-list.js'

export interface QuotaFitLine {
  resource: string
  requested: string
  used: string
  /** used + requested. */
  after: string
  /** The quota's hard limit, "limited" in the API server's message. */
  limited: string
  fits: boolean
  /** How much would have to be freed (or the limit raised) for it to fit; "0" when it fits. */
  shortfall: string
}

export interface QuotaFit {
  namespace: string
  name: string
  fits: boolean
  /** One line per key the quota limits and the change requests, sorted. */
  lines: QuotaFitLine[]
  /** The API server's rejection, e.g. `exceeded quota: compute, requested: limits.cpu=2, used: limits.cpu=3, limited: limits.cpu=4`. */
  message?: string
  /** Keys the quota limits but status.used does not report yet; the API server would refuse with "status unknown for quota". */
  usedUnknown: string[]
}

/**
 * The ResourceQuota admission check (k8s.io/apiserver admission/plugin/resourcequota
 * controller.go CheckRequest) for a planned change:
 * requested = RemoveZeros(Mask(delta, keys(hard))); used = currentUsedByQuota (e.g.
 * recomputed from the cluster) or else status.used; the quota rejects when
 * used + requested > hard for any requested key, with the message
 * `exceeded quota: <name>, requested: k=v,…, used: k=v,…, limited: k=v,…` (keys sorted,
 * only the exceeded keys, values canonical). Quotas and usage are keyed `namespace/name`;
 * deltaByQuota comes from planUsage. A quota without a delta entry requests nothing.
 */
export function quotaFit(
  quotas: readonly ResourceQuota[],
  currentUsedByQuota: Readonly<Record<string, Readonly<Record<string, string>>>>,
  deltaByQuota: Readonly<Record<string, Readonly<Record<string, string>>>>,
): QuotaFit[] {
  return quotas.map((quota) => {
    const key = namespacedName(quota)
    const hard = quotaHard(quota)
    const used = parseResourceList(currentUsedByQuota[key] ?? quota.status?.used)
    const requested = removeZeros(maskResourceList(parseResourceList(deltaByQuota[key]), Object.keys(hard)))
    const after = maskResourceList(addResourceLists(used, requested), Object.keys(requested))
    const {allowed, exceeded} = lessThanOrEqual(after, hard)
    const lines = Object.keys(requested)
      .sort()
      .map((resource) => fitLine(resource, requested, used, after, hard))
    const fit: QuotaFit = {
      namespace: quota.metadata.namespace ?? '',
      name: quota.metadata.name ?? '',
      fits: allowed,
      lines,
      usedUnknown: Object.keys(hard).filter((resource) => !Object.hasOwn(used, resource)).sort(),
    }
    if (!allowed) {
      const part = (list: ResourceList): string => prettyPrint(maskResourceList(list, exceeded))
      fit.message = `exceeded quota: ${fit.name}, requested: ${part(requested)}, used: ${part(used)}, limited: ${part(hard)}`
    }
    return fit
  })
}

function fitLine(resource: string, requested: ResourceList, used: ResourceList, after: ResourceList, hard: ResourceList): QuotaFitLine {
  const over = after[resource]!.sub(hard[resource]!)
  const usedValue = used[resource]
  return {
    resource,
    requested: requested[resource]!.toString(),
    used: usedValue === undefined ? '0' : usedValue.toString(),
    after: after[resource]!.toString(),
    limited: hard[resource]!.toString(),
    fits: over.sign() <= 0,
    shortfall: over.sign() > 0 ? over.toString() : '0',
  }
}

/** Upstream prettyPrint: `k=v` pairs sorted by key, joined by ",". */
function prettyPrint(list: ResourceList): string {
  return Object.keys(list)
    .sort()
    .map((name) => `${name}=${list[name]!.toString()}`)
    .join(',')
}
