import {RESOURCES} from '@kubeline/core'
import type {KubeClient, KubeObject, ListPage, ResourceType} from '@kubeline/core'
import type {ContextReport, UnconstrainedNamespace} from '../domain/fleet-report.js'
import type {LimitRange, ResourceQuota} from '../domain/kubernetes-objects.js'
import {NamespaceTally} from '../domain/namespace-tally.js'
import {evaluatorFor} from '../domain/object-usage.js'
import {buildNamespaceReport} from '../domain/quota-report.js'
import {quotaTracksEvaluator} from '../domain/quota-scopes.js'
import type {ReportOptions} from '../domain/quota-report.js'
import {readAhead} from './read-ahead.js'

export interface QuotaReportRequest extends ReportOptions {
  allNamespaces: boolean
  /** -l: a label selector on namespaces (implies looking across namespaces). */
  namespaceSelector?: string
}

/** The kinds whose objects charge quotas, streamed page by page into the tallies. */
const CHARGED_KINDS = [RESOURCES.pods, RESOURCES.persistentvolumeclaims, RESOURCES.services]

/**
 * Read what the report needs in one namespace (works for a user who may only list there)
 * or across all, with one paginated list per kind: the number of requests grows with
 * pages, never with the number of namespaces. Quotas, LimitRanges and (for --top) owners
 * are read first; then the pods, PVCs and Services some quota can charge are folded into
 * per-namespace tallies page by page, so memory holds one page of pods, not the cluster's.
 * The first page of pods is asked for with the quotas, since nearly every quota charges
 * pods: one round trip instead of two. It is dropped, and a refusal ignored, when none does.
 */
export async function collectQuotaReport(kube: KubeClient, request: QuotaReportRequest): Promise<ContextReport> {
  const across = request.allNamespaces || request.namespaceSelector !== undefined
  const scope = across ? null : kube.namespace
  const pods = readAhead((signal) => kube.listPages(RESOURCES.pods, {namespace: scope, signal}))
  try {
    return await collectWithPods(kube, request, scope, pods.pages)
  } finally {
    pods.cancel()
  }
}

async function collectWithPods(kube: KubeClient, request: QuotaReportRequest, scope: string | null, podPages: AsyncIterable<ListPage<KubeObject>>): Promise<ContextReport> {
  const across = scope === null
  const [names, quotas, limitRanges, owners] = await Promise.all([
    across ? namespaceNames(kube, request.namespaceSelector) : Promise.resolve([kube.namespace]),
    byNamespace<ResourceQuota>(kube, RESOURCES.resourcequotas, scope),
    byNamespace<LimitRange>(kube, RESOURCES.limitranges, scope),
    request.top > 0 ? ownerLookup(kube, scope) : Promise.resolve(new Map<string, KubeObject>()),
  ])
  const reported = names.filter((namespace) => !across || quotas.has(namespace) || limitRanges.has(namespace)).sort()
  const tallies = new Map(reported.map((namespace) => [namespace, new NamespaceTally(namespace, quotas.get(namespace) ?? [], {now: request.now, top: request.top, owners, limitRanges: limitRanges.get(namespace) ?? []})]))
  const pagesOf = (type: ResourceType) => (type === RESOURCES.pods ? podPages : kube.listPages(type, {namespace: scope}))
  await Promise.all(chargedKindsOf([...quotas.values()].flat()).map((type) => foldPages(type, pagesOf(type), tallies)))
  return {
    context: kube.contextName,
    namespace: scope,
    namespaces: [...tallies.values()].map((tally) => buildNamespaceReport(kube.contextName, tally, limitRanges.get(tally.namespace) ?? [], request)),
    unconstrained: across ? unconstrainedNamespaces(kube.contextName, names, quotas, limitRanges) : [],
  }
}

/** The kinds some quota can charge: a namespace with compute quotas only needs no PVCs or Services read. */
function chargedKindsOf(quotas: readonly ResourceQuota[]): ResourceType[] {
  return CHARGED_KINDS.filter((type) => {
    const evaluator = evaluatorFor({apiVersion: type.version, kind: type.kind})
    return evaluator !== 'object-count' && quotas.some((quota) => quotaTracksEvaluator(quota, evaluator))
  })
}

/** Add every object of a kind to its namespace's tally as pages arrive; a restarted list starts that kind over. */
async function foldPages(type: ResourceType, pages: AsyncIterable<ListPage<KubeObject>>, tallies: ReadonlyMap<string, NamespaceTally>): Promise<void> {
  const evaluator = evaluatorFor({apiVersion: type.version, kind: type.kind})
  for await (const page of pages) {
    if (page.restarted) for (const tally of tallies.values()) tally.forget(evaluator)
    for (const object of page.items) tallies.get(object.metadata.namespace ?? '')?.add(object)
  }
}

async function byNamespace<T extends KubeObject>(kube: KubeClient, type: ResourceType, scope: string | null): Promise<Map<string, T[]>> {
  const groups = new Map<string, T[]>()
  for (const object of (await kube.list<T>(type, {namespace: scope})).items) {
    const namespace = object.metadata.namespace ?? ''
    const group = groups.get(namespace)
    if (group) group.push(object)
    else groups.set(namespace, [object])
  }
  return groups
}

async function namespaceNames(kube: KubeClient, labelSelector: string | undefined): Promise<string[]> {
  const names: string[] = []
  for await (const page of kube.listPages(RESOURCES.namespaces, {labelSelector})) {
    if (page.restarted) names.length = 0
    names.push(...page.items.map((namespace) => namespace.metadata.name ?? ''))
  }
  return names
}

/** ReplicaSets and Jobs by uid, reduced to what the walk up ownerReferences needs. */
async function ownerLookup(kube: KubeClient, scope: string | null): Promise<Map<string, KubeObject>> {
  const owners = new Map<string, KubeObject>()
  await Promise.all(
    [RESOURCES.replicasets, RESOURCES.jobs].map(async (type) => {
      for await (const page of kube.listPages(type, {namespace: scope})) {
        for (const {apiVersion, kind, metadata} of page.items) {
          if (metadata.uid === undefined) continue
          owners.set(metadata.uid, {apiVersion, kind, metadata: {name: metadata.name, namespace: metadata.namespace, uid: metadata.uid, ownerReferences: metadata.ownerReferences}})
        }
      }
    }),
  )
  return owners
}

function unconstrainedNamespaces(
  context: string,
  names: readonly string[],
  quotas: ReadonlyMap<string, unknown[]>,
  limitRanges: ReadonlyMap<string, unknown[]>,
): UnconstrainedNamespace[] {
  return [...names]
    .sort()
    .map((namespace) => {
      const missing: UnconstrainedNamespace['missing'] = []
      if (!quotas.has(namespace)) missing.push('ResourceQuota')
      if (!limitRanges.has(namespace)) missing.push('LimitRange')
      return {context, namespace, missing}
    })
    .filter((entry) => entry.missing.length > 0)
}
