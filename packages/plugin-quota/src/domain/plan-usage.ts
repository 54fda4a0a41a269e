import type {KubeObject} from '@kubeline/core'
import {defaultStorageClassName} from './default-storage-class.js'
import {namespacedName, type LimitRange, type PersistentVolumeClaim, type Pod, type ResourceQuota} from './kubernetes-objects.js'
import {limitRangeViolations} from './limit-range-validation.js'
import {isClusterScopedKind, qualifiedResourceOf} from './object-count-usage.js'
import {missingQuotaRequests} from './pod-constraints.js'
import {quotaHard, quotaMatchesObject} from './quota-scopes.js'
import {invalidResourceRequirements} from './invalid-resource-requirements.js'
import {NO_KNOWN_RUNTIME_CLASSES, isRuntimeClass, runtimeClassAdmission, type KnownRuntimeClasses} from './runtime-class-overhead.js'
import {addResourceLists, formatResourceList, type ResourceList} from './resource-list.js'
import {peakDelta, steadyUsage, usageModel, type AdmissionContext, type UsageModel} from './usage-model.js'

export interface PlanOptions {
  /** Namespace for manifests that name none (kubectl's -n, else "default"). */
  namespace?: string
  /** Nodes for DaemonSets; default: the Node objects among the cluster objects, if any. */
  nodeCount?: number
  now?: Date
  /**
   * The cluster objects hold every RuntimeClass of the cluster (they were listed), so a pod naming
   * one that neither they nor the manifests define is refused, as admission would. Otherwise
   * (offline, or the list was forbidden) such a pod gets a note. Default false.
   */
  clusterRuntimeClassesListed?: boolean
}

export interface ObjectRef {
  kind: string
  namespace: string
  name: string
}

export interface PlannedObject extends ObjectRef {
  /** update: an object with the same kind, namespace and name exists in the cluster; it replaces it. */
  action: 'create' | 'update'
  replicas: number
  surge: number
  /** What the object charges once applied (all quota keys, unscoped), canonical strings. */
  usage: Record<string, string>
  /** The change against the cluster at the rollout's worst moment, unscoped. */
  delta: Record<string, string>
}

export interface UsagePlan {
  objects: PlannedObject[]
  /** Sum of the objects' deltas, unscoped. */
  delta: Record<string, string>
  /** Per ResourceQuota (`namespace/name`): the delta of what its scopes match, for quotaFit. */
  deltaByQuota: Record<string, Record<string, string>>
  /** What the API server would refuse (the object or the pods it creates), in its words: LimitRange
   * violations, `failed quota: <name>: must specify …`, requests above their (defaulted) limits and other invalid
   * requests (a GPU request without its limit). */
  violations: (ObjectRef & {messages: string[]})[]
  notes: string[]
}

/**
 * The quota usage applying `manifests` would add, as a pure function of the manifests and
 * the cluster's current objects (ResourceQuotas, LimitRanges, StorageClasses, Nodes, and
 * the live versions of objects being updated). Like the API server it defaults requests from
 * limits, then applies LimitRange defaults, defaults PVCs to the default StorageClass,
 * expands workloads into pods (usageModel/workloadPods; StatefulSet claims that exist are
 * reused), and charges each quota only what its scopes match. Pods are checked as admission
 * would: RuntimeClass admission (its overhead.podFixed added to the pod; a RuntimeClass that does not
 * exist refuses it), LimitRange min/max/ratio, the quotas' "must specify" constraints, request <= limit. Objects that already exist replace their current usage (an upgrade does not
 * double count); rolling updates are charged at their peak (peakDelta).
 * Not visible to a client, so not modelled: admission `limitedResources`, mutating
 * webhooks, concurrent changes by others.
 */
export function planUsage(manifests: readonly KubeObject[], cluster: readonly KubeObject[], options: PlanOptions = {}): UsagePlan {
  const nodes = cluster.filter((object) => object.kind === 'Node').length
  const defaultStorageClass = defaultStorageClassName(cluster)
  const quotas = cluster.filter((object): object is ResourceQuota => object.kind === 'ResourceQuota')
  const runtimeClasses: KnownRuntimeClasses = {
    byName: new Map(cluster.filter(isRuntimeClass).map((runtimeClass) => [runtimeClass.metadata.name ?? '', runtimeClass])),
    complete: options.clusterRuntimeClassesListed ?? false,
  }
  const deltaByQuota: Record<string, ResourceList> = Object.fromEntries(quotas.map((quota) => [namespacedName(quota), {}]))
  const plan: UsagePlan = {objects: [], delta: {}, deltaByQuota: {}, violations: [], notes: []}
  let total: ResourceList = {}
  for (const manifest of manifests.filter((object) => !isClusterScopedKind(object.kind))) {
    const namespace = manifest.metadata.namespace ?? options.namespace ?? 'default'
    const context: AdmissionContext = {
      limitRanges: cluster.filter((object): object is LimitRange => object.kind === 'LimitRange' && object.metadata.namespace === namespace),
      defaultStorageClass,
      nodeCount: options.nodeCount ?? (nodes > 0 ? nodes : undefined),
      existingClaimNames: new Set(cluster.filter((object) => object.kind === 'PersistentVolumeClaim' && object.metadata.namespace === namespace).map((claim) => claim.metadata.name ?? '')),
      runtimeClasses,
    }
    const namespaceQuotas = quotas.filter((quota) => quota.metadata.namespace === namespace)
    // A planned quota or LimitRange joins `cluster` as the manifest itself (withPlannedAdmissionPolicies): it is new.
    const existing = cluster.find((object) => object !== manifest && sameObject(object, manifest, namespace))
    const current = existing === undefined ? undefined : usageModel(existing, namespace, context, Number.MAX_SAFE_INTEGER)
    const next = usageModel(manifest, namespace, context, current?.replicas ?? 0)
    const everything = (): boolean => true
    const delta = peakDelta(current, next, everything, options.now)
    total = addResourceLists(total, delta)
    for (const quota of namespaceQuotas) {
      const key = namespacedName(quota)
      deltaByQuota[key] = addResourceLists(deltaByQuota[key]!, peakDelta(current, next, (object) => quotaMatchesObject(quota, object), options.now))
    }
    const ref = {kind: manifest.kind, namespace, name: manifest.metadata.name ?? ''}
    plan.objects.push({...ref, action: existing ? 'update' : 'create', replicas: next.replicas, surge: next.surge, usage: formatResourceList(steadyUsage(next, everything, options.now)), delta: formatResourceList(delta)})
    const messages = admissionViolations(next, context, namespaceQuotas)
    if (messages.length > 0) plan.violations.push({...ref, messages})
    plan.notes.push(...next.notes)
  }
  plan.delta = formatResourceList(total)
  plan.deltaByQuota = Object.fromEntries(Object.entries(deltaByQuota).map(([key, list]) => [key, formatResourceList(list)]))
  return plan
}

function admissionViolations(model: UsageModel, context: AdmissionContext, quotas: readonly ResourceQuota[]): string[] {
  const claims = model.charged.filter((object): object is PersistentVolumeClaim => object.kind === 'PersistentVolumeClaim' && object.apiVersion === 'v1')
  const pod = model.pod
  const podMessages = pod === undefined ? [] : [...runtimeClassRefusal(pod, context), ...limitRangeViolations(pod, context.limitRanges), ...quotaConstraintFailures(pod, quotas), ...invalidResourceRequirements(pod)]
  return [...new Set([...podMessages, ...claims.flatMap((claim) => limitRangeViolations(claim, context.limitRanges))])]
}

/** Upstream's Validate repeats Admit's check on the pod Admit mutated; usageModel left a refused pod as it was, so it is refused again. */
function runtimeClassRefusal(pod: Pod, context: AdmissionContext): string[] {
  const admission = runtimeClassAdmission(pod, context.runtimeClasses ?? NO_KNOWN_RUNTIME_CLASSES)
  return 'refusal' in admission ? [admission.refusal] : []
}

/** Upstream CheckRequest: every quota matching the pod runs podEvaluator.Constraints first. */
function quotaConstraintFailures(pod: Pod, quotas: readonly ResourceQuota[]): string[] {
  return quotas
    .filter((quota) => quotaMatchesObject(quota, pod))
    .flatMap((quota) => {
      const problem = missingQuotaRequests(pod, Object.keys(quotaHard(quota)))
      return problem === undefined ? [] : [`failed quota: ${quota.metadata.name ?? ''}: ${problem}`]
    })
}

function sameObject(candidate: KubeObject, manifest: KubeObject, namespace: string): boolean {
  return (
    qualifiedResourceOf(candidate.apiVersion, candidate.kind) === qualifiedResourceOf(manifest.apiVersion, manifest.kind) &&
    (candidate.metadata.namespace ?? '') === namespace &&
    candidate.metadata.name === manifest.metadata.name
  )
}
