import {Quantity, RESOURCES, type KubeObject} from '@kubeline/core'
import {formatResourceList, type ResourceList} from './resource-list.js'

/** Plural names of kinds the API serves that kubeline's RESOURCES table does not list. */
const EXTRA_PLURALS: Readonly<Record<string, string>> = {
  Secret: 'secrets',
  ReplicationController: 'replicationcontrollers',
  Endpoints: 'endpoints',
  EndpointSlice: 'endpointslices',
  PodTemplate: 'podtemplates',
  Role: 'roles',
  RoleBinding: 'rolebindings',
  PodDisruptionBudget: 'poddisruptionbudgets',
  ControllerRevision: 'controllerrevisions',
  Lease: 'leases',
  ResourceClaim: 'resourceclaims',
  ResourceClaimTemplate: 'resourceclaimtemplates',
  CSIStorageCapacity: 'csistoragecapacities',
}

/** Cluster-scoped kinds: ResourceQuota is namespaced, so these are never charged. */
const CLUSTER_SCOPED_KINDS: ReadonlySet<string> = new Set([
  ...Object.values(RESOURCES).filter((type) => !type.namespaced).map((type) => type.kind),
  'ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition', 'PersistentVolume', 'PriorityClass',
  'VolumeAttributesClass', 'IngressClass', 'RuntimeClass', 'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration', 'APIService', 'CSIDriver', 'CSINode', 'VolumeAttachment', 'DeviceClass',
])

/** Resources the quota system ignores (kubernetes pkg/quota/v1/install/registry.go). */
const IGNORED_RESOURCES: ReadonlySet<string> = new Set(['events', 'events.events.k8s.io', 'bindings', 'componentstatuses'])

/** Object counts with a legacy short name as well (registry.go legacyObjectCountAliases). */
const LEGACY_COUNT_ALIASES: ReadonlySet<string> = new Set(['configmaps', 'secrets', 'replicationcontrollers', 'resourcequotas'])

/**
 * `<resource>.<group>` (core group: `<resource>`), the resource part of an object-count
 * quota key. Plurals come from the built-in table; other kinds (CRDs) are pluralised the
 * way Kubernetes' defaults do (lowercase; -s, -es after s/x/z/ch/sh, -ies after a
 * consonant + y), which a CRD may override.
 */
export function qualifiedResourceOf(apiVersion: string, kind: string): string {
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : ''
  const known = Object.values(RESOURCES).find((type) => type.kind === kind && type.group === group)
  const resource = known?.resource ?? EXTRA_PLURALS[kind] ?? defaultPlural(kind)
  return group === '' ? resource : `${resource}.${group}`
}

/** `count/<resource>.<group>`, upstream ObjectCountQuotaResourceNameFor. */
export function objectCountResourceName(apiVersion: string, kind: string): string {
  return `count/${qualifiedResourceOf(apiVersion, kind)}`
}

/** Whether a kind is cluster-scoped (Namespace, Node, StorageClass, …): ResourceQuota never charges those. */
export function isClusterScopedKind(kind: string): boolean {
  return CLUSTER_SCOPED_KINDS.has(kind)
}

/**
 * What the generic object-count evaluator charges for an object: `count/<resource>.<group>: 1`,
 * plus the legacy name (`configmaps`, `secrets`, `replicationcontrollers`, `resourcequotas`)
 * where one exists. Cluster-scoped and ignored resources charge nothing.
 */
export function objectCountUsage(object: KubeObject): Record<string, string> {
  return formatResourceList(objectCountUsageList(object))
}

/** objectCountUsage as exact Quantities. */
export function objectCountUsageList(object: KubeObject): ResourceList {
  const resource = qualifiedResourceOf(object.apiVersion, object.kind)
  if (isClusterScopedKind(object.kind) || IGNORED_RESOURCES.has(resource)) return {}
  const one = Quantity.fromInteger(1n)
  return {[`count/${resource}`]: one, ...(LEGACY_COUNT_ALIASES.has(resource) ? {[resource]: one} : {})}
}

function defaultPlural(kind: string): string {
  const lower = kind.toLowerCase()
  if (/(s|x|z|ch|sh)$/.test(lower)) return `${lower}es`
  if (/[^aeiou]y$/.test(lower)) return `${lower.slice(0, -1)}ies`
  return `${lower}s`
}
