import type {KubeObject} from '@kubeline/core'

/**
 * The parts of Kubernetes objects the quota accounting reads, as plain JSON.
 * Quantities may arrive as strings or (from YAML) numbers; everything is optional
 * because manifests and API objects omit defaults.
 */
export type RawResourceList = Readonly<Record<string, string | number>>

export interface ResourceRequirements {
  requests?: RawResourceList | null
  limits?: RawResourceList | null
}

export interface Container {
  name?: string
  resources?: ResourceRequirements | null
  /** "Always" on an init container makes it a restartable sidecar. */
  restartPolicy?: string | null
}

export interface ContainerStatus {
  name?: string
  resources?: ResourceRequirements | null
  allocatedResources?: RawResourceList | null
}

export interface PodAffinityTerm {
  namespaces?: readonly string[] | null
  namespaceSelector?: object | null
}

export interface PodAffinityRules {
  requiredDuringSchedulingIgnoredDuringExecution?: readonly PodAffinityTerm[] | null
  preferredDuringSchedulingIgnoredDuringExecution?: readonly {podAffinityTerm?: PodAffinityTerm | null}[] | null
}

export interface PodSpec {
  containers?: readonly Container[] | null
  initContainers?: readonly Container[] | null
  overhead?: RawResourceList | null
  runtimeClassName?: string | null
  resources?: ResourceRequirements | null
  activeDeadlineSeconds?: number | null
  priorityClassName?: string | null
  affinity?: {podAffinity?: PodAffinityRules | null; podAntiAffinity?: PodAffinityRules | null} | null
  [key: string]: unknown
}

export interface PodStatus {
  phase?: string
  qosClass?: string
  containerStatuses?: readonly ContainerStatus[] | null
  initContainerStatuses?: readonly ContainerStatus[] | null
  conditions?: readonly {type?: string; reason?: string}[] | null
}

export interface Pod extends KubeObject {
  metadata: KubeObject['metadata'] & {deletionGracePeriodSeconds?: number | null}
  spec?: PodSpec
  status?: PodStatus
}

export interface PersistentVolumeClaim extends KubeObject {
  spec?: {
    storageClassName?: string | null
    volumeAttributesClassName?: string | null
    resources?: ResourceRequirements | null
    [key: string]: unknown
  }
  status?: {
    allocatedResources?: RawResourceList | null
    currentVolumeAttributesClassName?: string | null
    modifyVolumeStatus?: {targetVolumeAttributesClassName?: string | null} | null
  }
}

export interface Service extends KubeObject {
  spec?: {
    type?: string
    ports?: readonly {port?: number; nodePort?: number | null}[] | null
    allocateLoadBalancerNodePorts?: boolean | null
  }
}

export interface ScopedResourceSelectorRequirement {
  scopeName: string
  operator: string
  values?: readonly string[] | null
}

export interface ResourceQuota extends KubeObject {
  spec?: {
    hard?: RawResourceList | null
    scopes?: readonly string[] | null
    scopeSelector?: {matchExpressions?: readonly ScopedResourceSelectorRequirement[] | null} | null
  }
  status?: {hard?: RawResourceList | null; used?: RawResourceList | null}
}

export interface LimitRangeItem {
  type: string
  max?: RawResourceList | null
  min?: RawResourceList | null
  default?: RawResourceList | null
  defaultRequest?: RawResourceList | null
  maxLimitRequestRatio?: RawResourceList | null
}

export interface LimitRange extends KubeObject {
  spec?: {limits?: readonly LimitRangeItem[] | null}
}

/** node.k8s.io/v1: cluster-scoped, its fields at the top level (no spec). */
export interface RuntimeClass extends KubeObject {
  handler?: string
  overhead?: {podFixed?: RawResourceList | null} | null
}

/** `namespace/name`, how quotas and objects are keyed in maps. */
export function namespacedName(object: KubeObject): string {
  return `${object.metadata.namespace ?? ''}/${object.metadata.name ?? ''}`
}
