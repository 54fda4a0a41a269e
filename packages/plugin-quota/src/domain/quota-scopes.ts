import {labelSelectorFromObject, type KubeObject} from '@kubeline/core'
import type {PersistentVolumeClaim, Pod, PodAffinityRules, ResourceQuota, ScopedResourceSelectorRequirement} from './kubernetes-objects.js'
import {evaluatorFor, type EvaluatorKind} from './object-usage.js'
import {objectCountUsageList} from './object-count-usage.js'
import {isBestEffortPod} from './pod-qos.js'
import {DEVICE_CLASS_PREFIX, isNativeResourceName} from './pod-usage.js'
import {parseResourceList, type ResourceList} from './resource-list.js'

/**
 * Upstream getScopeSelectorsFromQuota: each `spec.scopes` entry becomes
 * `{scopeName, operator: Exists}`, followed by `spec.scopeSelector.matchExpressions`.
 */
export function quotaScopeRequirements(quota: ResourceQuota): ScopedResourceSelectorRequirement[] {
  return [
    ...(quota.spec?.scopes ?? []).map((scopeName) => ({scopeName, operator: 'Exists'})),
    ...(quota.spec?.scopeSelector?.matchExpressions ?? []),
  ]
}

/**
 * Upstream generic.Matches: a quota applies to an object when (1) some key of its hard
 * limits (`status.hard`, else `spec.hard` for a quota not yet synced) is one the object's
 * evaluator tracks (quotaTracksResource) and (2) the object satisfies every scope
 * requirement (AND). Pods understand every scope but VolumeAttributesClass, PVCs only
 * VolumeAttributesClass, services and counted objects none: any scope excludes them.
 * The namespace is not compared here: quotas apply within their own namespace.
 */
export function quotaMatchesObject(quota: ResourceQuota, object: KubeObject): boolean {
  const tracksSomething = hardKeys(quota).some((name) => quotaTracksResource(evaluatorFor(object), name, object))
  return tracksSomething && quotaScopeRequirements(quota).every((requirement) => objectMatchesScope(requirement, object))
}

/**
 * Whether the quota can charge any object of the pods, PVC or services evaluator: some hard key is one
 * that evaluator tracks. When no quota can, the objects need not be read (quotaMatchesObject is false
 * for every one of them).
 */
export function quotaTracksEvaluator(quota: ResourceQuota, evaluator: Exclude<EvaluatorKind, 'object-count'>): boolean {
  return hardKeys(quota).some((name) => quotaTracksResource(evaluator, name))
}

/** The keys of `status.hard`, else of `spec.hard` for a quota not yet synced. */
function hardKeys(quota: ResourceQuota): string[] {
  return Object.keys(quota.status?.hard ?? quota.spec?.hard ?? {})
}

/** One scope requirement against one object, as the evaluators' MatchingScopes / scope funcs. */
export function objectMatchesScope(requirement: ScopedResourceSelectorRequirement, object: KubeObject): boolean {
  switch (evaluatorFor(object)) {
    case 'pods':
      return podMatchesScope(requirement, object as Pod)
    case 'persistentvolumeclaims':
      return requirement.scopeName === 'VolumeAttributesClass' && valuesMatch(requirement, volumeAttributesClasses(object as PersistentVolumeClaim))
    default:
      return false
  }
}

/**
 * Whether an evaluator's MatchingResources includes a quota key: pods track
 * count/pods, pods, cpu, memory, ephemeral-storage with their requests./limits. forms,
 * hugepages-* and requests.hugepages-*, and `requests.<extended>`; PVCs track
 * persistentvolumeclaims, requests.storage, count/persistentvolumeclaims and their
 * per-StorageClass forms; services track services, services.loadbalancers,
 * services.nodeports and count/services; other objects their own object count.
 */
export function quotaTracksResource(evaluator: EvaluatorKind, resourceName: string, object?: KubeObject): boolean {
  switch (evaluator) {
    case 'pods':
      return POD_RESOURCES.has(resourceName) || resourceName.startsWith('hugepages-') || resourceName.startsWith('requests.hugepages-') || isExtendedRequestName(resourceName)
    case 'persistentvolumeclaims':
      return PVC_RESOURCES.has(resourceName) || PVC_CLASS_SUFFIXES.some((suffix) => resourceName.endsWith(suffix))
    case 'services':
      return SERVICE_RESOURCES.has(resourceName)
    case 'object-count':
      return object !== undefined && Object.hasOwn(objectCountUsageList(object), resourceName)
  }
}

/** True when some built-in evaluator can report usage for a quota key (else kubectl shows no `used`). */
export function isKnownQuotaResource(resourceName: string): boolean {
  const tracked = (['pods', 'persistentvolumeclaims', 'services'] as const).some((kind) => quotaTracksResource(kind, resourceName))
  return tracked || resourceName.startsWith('count/') || LEGACY_COUNTS.has(resourceName) || resourceName.endsWith('.deviceclass.resource.k8s.io/devices')
}

const POD_RESOURCES: ReadonlySet<string> = new Set([
  'count/pods', 'pods', 'cpu', 'memory', 'ephemeral-storage',
  'requests.cpu', 'requests.memory', 'requests.ephemeral-storage', 'limits.cpu', 'limits.memory', 'limits.ephemeral-storage',
])
const PVC_RESOURCES: ReadonlySet<string> = new Set(['persistentvolumeclaims', 'requests.storage', 'count/persistentvolumeclaims'])
const PVC_CLASS_SUFFIXES = ['.storageclass.storage.k8s.io/persistentvolumeclaims', '.storageclass.storage.k8s.io/requests.storage']
const SERVICE_RESOURCES: ReadonlySet<string> = new Set(['services', 'services.loadbalancers', 'services.nodeports', 'count/services'])
const LEGACY_COUNTS: ReadonlySet<string> = new Set(['configmaps', 'secrets', 'replicationcontrollers', 'resourcequotas'])

/**
 * Upstream isExtendedResourceNameForQuota: `requests.` + a non-native name
 * (`requests.nvidia.com/gpu`) or a DRA device class (`requests.deviceclass.resource.kubernetes.io/gpu`).
 */
function isExtendedRequestName(name: string): boolean {
  return name.startsWith('requests.') && (!isNativeResourceName(name) || name.startsWith(`requests.${DEVICE_CLASS_PREFIX}`))
}

function podMatchesScope(requirement: ScopedResourceSelectorRequirement, pod: Pod): boolean {
  switch (requirement.scopeName) {
    case 'Terminating':
      return isTerminating(pod)
    case 'NotTerminating':
      return !isTerminating(pod)
    case 'BestEffort':
      return isBestEffortPod(pod)
    case 'NotBestEffort':
      return !isBestEffortPod(pod)
    case 'PriorityClass': {
      const priorityClass = pod.spec?.priorityClassName ?? ''
      if (requirement.operator === 'Exists') return priorityClass !== ''
      return valuesMatch(requirement, priorityClass === '' ? [] : [priorityClass])
    }
    case 'CrossNamespacePodAffinity':
      return usesCrossNamespacePodAffinity(pod)
    default:
      return false
  }
}

/** `Terminating` is about spec.activeDeadlineSeconds (>= 0), not about deletion. */
function isTerminating(pod: Pod): boolean {
  const deadline = pod.spec?.activeDeadlineSeconds
  return deadline !== undefined && deadline !== null && deadline >= 0
}

function usesCrossNamespacePodAffinity(pod: Pod): boolean {
  const affinity = pod.spec?.affinity
  return [affinity?.podAffinity, affinity?.podAntiAffinity].some(hasCrossNamespaceTerm)
}

function hasCrossNamespaceTerm(rules: PodAffinityRules | null | undefined): boolean {
  const terms = [
    ...(rules?.requiredDuringSchedulingIgnoredDuringExecution ?? []),
    ...(rules?.preferredDuringSchedulingIgnoredDuringExecution ?? []).map((weighted) => weighted.podAffinityTerm),
  ]
  return terms.some((term) => (term?.namespaces ?? []).length > 0 || (term?.namespaceSelector !== undefined && term?.namespaceSelector !== null))
}

/**
 * The requirement as a label selector over `{<scopeName>: value}` for each of the object's
 * values (PriorityClass has at most one; a PVC may have several VolumeAttributesClasses:
 * spec, status.current, status.modifyVolumeStatus.target); matches when any value does, or
 * against the empty label set when there are none (so NotIn and DoesNotExist hold).
 */
function valuesMatch(requirement: ScopedResourceSelectorRequirement, values: readonly string[]): boolean {
  const selector = labelSelectorFromObject({
    matchExpressions: [{key: requirement.scopeName, operator: requirement.operator, values: requirement.values ?? []}],
  })
  if (values.length === 0) return selector.matches({})
  return values.some((value) => selector.matches({[requirement.scopeName]: value}))
}

function volumeAttributesClasses(pvc: PersistentVolumeClaim): string[] {
  const names = [pvc.spec?.volumeAttributesClassName, pvc.status?.currentVolumeAttributesClassName, pvc.status?.modifyVolumeStatus?.targetVolumeAttributesClassName]
  return [...new Set(names.filter((name): name is string => typeof name === 'string' && name !== ''))]
}

/** Hard keys of a quota as exact quantities (status.hard, else spec.hard). */
export function quotaHard(quota: ResourceQuota): ResourceList {
  return parseResourceList(quota.status?.hard ?? quota.spec?.hard)
}
