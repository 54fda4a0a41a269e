import {UsageError, formatSource} from '@kubeline/core'
import type {KubeObject, SourcedObject} from '@kubeline/core'
import {compileAdminNetworkPolicy, compileBaselineAdminNetworkPolicy} from '../domain/admin-policy.js'
import {compileClusterNetworkPolicy} from '../domain/cluster-network-policy.js'
import type {
  AdminNetworkPolicyObject,
  BaselineAdminNetworkPolicyObject,
  ClusterNetworkPolicyObject,
  NamespaceObject,
  NetworkPolicyObject,
  ObjectMetadata,
  PodObject,
} from '../domain/kube-objects.js'
import {compileNetworkPolicy} from '../domain/network-policy-rules.js'
import {checkNetworkPolicyShape, withNullRulesEmpty} from '../domain/network-policy-shape.js'

/** The workload kinds that `-f` expands to one representative pod, and that `--from ns/<kind>/name` names. */
export const WORKLOAD_KINDS = ['deployment', 'statefulset', 'daemonset', 'replicaset', 'job', 'cronjob'] as const
export type WorkloadKind = (typeof WORKLOAD_KINDS)[number]

/** The objects of a cluster (live, from manifests, or both), before compilation. */
export interface ClusterObjects {
  namespaces: NamespaceObject[]
  pods: PodObject[]
  networkPolicies: NetworkPolicyObject[]
  adminNetworkPolicies: AdminNetworkPolicyObject[]
  baselineAdminNetworkPolicies: BaselineAdminNetworkPolicyObject[]
  clusterNetworkPolicies: ClusterNetworkPolicyObject[]
}

export interface ManifestCluster {
  objects: ClusterObjects
  /** `namespace/kind/name` of a workload from `-f` -> the name of its representative pod. */
  representativePods: Map<string, string>
}

export function emptyClusterObjects(): ClusterObjects {
  return {namespaces: [], pods: [], networkPolicies: [], adminNetworkPolicies: [], baselineAdminNetworkPolicies: [], clusterNetworkPolicies: []}
}

export function workloadKey(namespace: string, kind: WorkloadKind, name: string): string {
  return `${namespace}/${kind}/${name}`
}

interface PodTemplate {
  metadata?: {labels?: Record<string, string> | null} | null
  spec?: PodObject['spec'] | null
}

/**
 * Sorts `-f` objects into what the engine reads. Objects without a namespace go to
 * `defaultNamespace` (as `kubectl apply -f` does). A workload becomes one pod from its template,
 * named `<name>-<kind>` (`web-deployment`); kinds that do not affect a verdict (Service,
 * ConfigMap, ...) are ignored. Each policy is compiled here so an invalid one is reported with
 * its file and line; a NetworkPolicy's unknown fields and mistyped values are refused here too.
 */
export function manifestCluster(sourced: readonly SourcedObject[], defaultNamespace: string): ManifestCluster {
  const objects = emptyClusterObjects()
  const representativePods = new Map<string, string>()
  for (const {object, source} of sourced) {
    const where = formatSource(source)
    const name = object.metadata.name
    if (name === undefined) throw new UsageError('INVALID_MANIFEST', `${where}: ${object.kind} has no metadata.name (generateName is not supported here)`)
    const namespace = object.metadata.namespace ?? defaultNamespace
    const metadata = {...object.metadata, name, namespace}
    const spec = (object as {spec?: object}).spec ?? {}
    switch (`${object.apiVersion}:${object.kind}`) {
      case 'v1:Namespace':
        objects.namespaces.push({metadata: {name, labels: object.metadata.labels}})
        break
      case 'v1:Pod':
        objects.pods.push({...(object as unknown as PodObject), metadata})
        break
      case 'networking.k8s.io/v1:NetworkPolicy':
        objects.networkPolicies.push(checked(where, withNullRulesEmpty({metadata, spec} as NetworkPolicyObject), compileManifestNetworkPolicy))
        break
      case 'policy.networking.k8s.io/v1alpha1:AdminNetworkPolicy':
        objects.adminNetworkPolicies.push(checked(where, clusterScoped<AdminNetworkPolicyObject>(metadata, spec), compileAdminNetworkPolicy))
        break
      case 'policy.networking.k8s.io/v1alpha1:BaselineAdminNetworkPolicy':
        objects.baselineAdminNetworkPolicies.push(checked(where, clusterScoped<BaselineAdminNetworkPolicyObject>(metadata, spec), compileBaselineAdminNetworkPolicy))
        break
      case 'policy.networking.k8s.io/v1alpha2:ClusterNetworkPolicy':
        objects.clusterNetworkPolicies.push(checked(where, clusterScoped<ClusterNetworkPolicyObject>(metadata, spec), compileClusterNetworkPolicy))
        break
      default: {
        const workload = workloadTemplate(object)
        if (workload === undefined) break
        const kind = object.kind.toLowerCase() as WorkloadKind
        const podName = `${name}-${kind}`
        objects.pods.push({metadata: {name: podName, namespace, labels: workload.metadata?.labels ?? {}}, spec: workload.spec ?? {}})
        representativePods.set(workloadKey(namespace, kind, name), podName)
      }
    }
  }
  return {objects, representativePods}
}

function clusterScoped<T>(metadata: ObjectMetadata, spec: object): T {
  return {metadata: {name: metadata.name, labels: metadata.labels}, spec} as T
}

/** A NetworkPolicy from a file never went through the API server's strict decoding: its shape is checked too. */
function compileManifestNetworkPolicy(policy: NetworkPolicyObject): void {
  checkNetworkPolicyShape(policy)
  compileNetworkPolicy(policy)
}

/** Compiles one policy to validate it; the error gains the manifest location. */
function checked<T>(where: string, policy: T, compile: (policy: T) => unknown): T {
  try {
    compile(policy)
  } catch (err) {
    if (err instanceof UsageError) throw new UsageError('INVALID_MANIFEST', `${where}: ${err.message}`, {cause: err})
    throw err
  }
  return policy
}

/** The pod template of a workload manifest, or undefined for other kinds. */
function workloadTemplate(object: KubeObject): PodTemplate | undefined {
  const spec = (object as {spec?: {template?: PodTemplate; jobTemplate?: {spec?: {template?: PodTemplate}}}}).spec
  switch (`${object.apiVersion}:${object.kind}`) {
    case 'apps/v1:Deployment':
    case 'apps/v1:StatefulSet':
    case 'apps/v1:DaemonSet':
    case 'apps/v1:ReplicaSet':
    case 'batch/v1:Job':
      return spec?.template ?? {}
    case 'batch/v1:CronJob':
      return spec?.jobTemplate?.spec?.template ?? {}
    default:
      return undefined
  }
}
