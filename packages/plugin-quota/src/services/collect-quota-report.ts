import {RESOURCES} from '@kubeline/core'
import type {KubeClient, KubeObject, ResourceType} from '@kubeline/core'
import type {LimitRange, Pod, ResourceQuota} from '../domain/kubernetes-objects.js'
import {buildNamespaceReport} from '../domain/quota-report.js'
import type {NamespaceQuotaData, NamespaceReport, ReportOptions} from '../domain/quota-report.js'

export interface QuotaReportRequest extends ReportOptions {
  allNamespaces: boolean
  /** -l: a label selector on namespaces (implies looking across namespaces). */
  namespaceSelector?: string
}

export interface QuotaReport {
  context: string
  /** The namespace asked for, or null across namespaces. */
  namespace: string | null
  namespaces: NamespaceReport[]
  /** Across namespaces only: namespaces without a ResourceQuota or a LimitRange. */
  unconstrained: {namespace: string; missing: ('ResourceQuota' | 'LimitRange')[]}[]
}

/**
 * Read what the report needs with one paginated list per kind, in one namespace (works for a
 * user who may only list there) or across all; the number of requests grows with pages,
 * never with the number of namespaces.
 */
export async function collectQuotaReport(kube: KubeClient, request: QuotaReportRequest): Promise<QuotaReport> {
  const across = request.allNamespaces || request.namespaceSelector !== undefined
  const scope = across ? null : kube.namespace
  const list = async <T extends KubeObject>(type: ResourceType): Promise<T[]> => (await kube.list<T>(type, {namespace: scope})).items
  const [namespaceObjects, quotas, limitRanges, pods, pvcs, services, replicaSets, jobs] = await Promise.all([
    across ? kube.list(RESOURCES.namespaces, {labelSelector: request.namespaceSelector}).then((result) => result.items) : Promise.resolve([]),
    list<ResourceQuota>(RESOURCES.resourcequotas),
    list<LimitRange>(RESOURCES.limitranges),
    list<Pod>(RESOURCES.pods),
    list(RESOURCES.persistentvolumeclaims),
    list(RESOURCES.services),
    request.top > 0 ? list(RESOURCES.replicasets) : Promise.resolve([]),
    request.top > 0 ? list(RESOURCES.jobs) : Promise.resolve([]),
  ])
  const names = across ? namespaceObjects.map((namespace) => namespace.metadata.name as string) : [kube.namespace]
  const owners = new Map([...replicaSets, ...jobs].map((owner) => [owner.metadata.uid as string, owner]))
  const byNamespace = groupByNamespace({quotas, limitRanges, pods, others: [...pvcs, ...services]})
  const reports = names
    .filter((namespace) => !across || (byNamespace.get(namespace)?.quotas.length ?? 0) > 0 || (byNamespace.get(namespace)?.limitRanges.length ?? 0) > 0)
    .sort()
    .map((namespace) => buildNamespaceReport(dataFor(namespace, byNamespace, owners), request))
  return {
    context: kube.contextName,
    namespace: scope ?? null,
    namespaces: reports,
    unconstrained: across ? unconstrainedNamespaces(names, byNamespace) : [],
  }
}

interface Grouped {
  quotas: ResourceQuota[]
  limitRanges: LimitRange[]
  pods: Pod[]
  others: KubeObject[]
}

function groupByNamespace(all: Grouped): Map<string, Grouped> {
  const groups = new Map<string, Grouped>()
  const add = (kind: keyof Grouped, object: KubeObject) => {
    const namespace = object.metadata.namespace ?? ''
    const group = groups.get(namespace) ?? {quotas: [], limitRanges: [], pods: [], others: []}
    ;(group[kind] as KubeObject[]).push(object)
    groups.set(namespace, group)
  }
  for (const kind of Object.keys(all) as (keyof Grouped)[]) for (const object of all[kind]) add(kind, object)
  return groups
}

function dataFor(namespace: string, groups: Map<string, Grouped>, owners: ReadonlyMap<string, KubeObject>): NamespaceQuotaData {
  const group = groups.get(namespace) ?? {quotas: [], limitRanges: [], pods: [], others: []}
  return {namespace, quotas: group.quotas, limitRanges: group.limitRanges, pods: group.pods, otherCharged: group.others, owners}
}

function unconstrainedNamespaces(names: string[], groups: Map<string, Grouped>): QuotaReport['unconstrained'] {
  return names
    .sort()
    .map((namespace) => {
      const group = groups.get(namespace)
      const missing: ('ResourceQuota' | 'LimitRange')[] = []
      if (!group?.quotas.length) missing.push('ResourceQuota')
      if (!group?.limitRanges.length) missing.push('LimitRange')
      return {namespace, missing}
    })
    .filter((entry) => entry.missing.length > 0)
}
