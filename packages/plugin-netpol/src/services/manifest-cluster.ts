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
  /**
   * `namespace/kind/name` of each other workload from `-f` -> the names of the `-f` pods that belong
   * to it (sorted; finished ones too), empty when it runs none (`replicas: 0`).
   */
  workloadPods: Map<string, string[]>
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

type OwnerReference = {kind: string; name: string; uid?: string}

/** A workload read from `-f`, before it is given a representative pod or its own pods. */
interface WorkloadManifest {
  kind: WorkloadKind
  namespace: string
  name: string
  uid?: string
  ownerReferences: readonly OwnerReference[]
  template: PodTemplate
  /** False when its spec runs no pod at all (`replicas: 0`, a Job's `parallelism: 0`). */
  runsPods: boolean
}

/**
 * Sorts `-f` objects into what the engine reads. Objects without a namespace go to
 * `defaultNamespace` (as `kubectl apply -f` does). A workload becomes one pod from its template,
 * named `<name>-<kind>` (`web-deployment`), unless the `-f` objects already hold its pods (a
 * cluster dump: see `representWorkloads`) or it runs none; kinds that do not affect a verdict (Service,
 * ConfigMap, ...) are ignored. Each policy is compiled here so an invalid one is reported with
 * its file and line; a NetworkPolicy's unknown fields and mistyped values are refused here too.
 */
export function manifestCluster(sourced: readonly SourcedObject[], defaultNamespace: string): ManifestCluster {
  const objects = emptyClusterObjects()
  const workloads: WorkloadManifest[] = []
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
        const {uid, ownerReferences = []} = object.metadata
        const kind = object.kind.toLowerCase() as WorkloadKind
        workloads.push({kind, namespace, name, ...(uid === undefined ? {} : {uid}), ownerReferences, template: workload, runsPods: runsPods(spec)})
      }
    }
  }
  const {representatives, representativePods, workloadPods} = representWorkloads(workloads, objects.pods)
  objects.pods.push(...representatives)
  return {objects, representativePods, workloadPods}
}

/**
 * Gives each workload one representative pod, except: a workload the `-f` pods belong to (through
 * their ownerReferences, up the chain pod -> ReplicaSet -> Deployment, pod -> Job -> CronJob) is
 * those pods, as in the cluster; a workload owned by another `-f` workload (a Deployment's
 * ReplicaSet) is its owner's; one that runs no pod has none.
 */
function representWorkloads(sourced: readonly WorkloadManifest[], pods: readonly PodObject[]): Pick<ManifestCluster, 'representativePods' | 'workloadPods'> & {representatives: PodObject[]} {
  // The same workload in two -f files counts once: the later one wins, as for every other object.
  const workloads = [...new Map(sourced.map((workload) => [keyOf(workload), workload])).values()]
  const ownersOf = ownerIndex(workloads)
  const podsOf = new Map<WorkloadManifest, string[]>()
  for (const pod of pods) {
    const metadata = pod.metadata as PodObject['metadata'] & {ownerReferences?: readonly OwnerReference[]}
    for (const owner of ownersUpTheChain(ownersOf, metadata.namespace ?? '', metadata.ownerReferences ?? [])) {
      podsOf.set(owner, [...(podsOf.get(owner) ?? []), metadata.name])
    }
  }
  const representatives: PodObject[] = []
  const representativePods = new Map<string, string>()
  const workloadPods = new Map<string, string[]>()
  for (const workload of workloads) {
    const key = keyOf(workload)
    const owned = ownersOf(workload.namespace, workload.ownerReferences).length > 0
    if (podsOf.has(workload) || owned || !workload.runsPods) {
      workloadPods.set(key, (podsOf.get(workload) ?? []).sort())
      continue
    }
    const podName = `${workload.name}-${workload.kind}`
    representatives.push({metadata: {name: podName, namespace: workload.namespace, labels: workload.template.metadata?.labels ?? {}}, spec: workload.template.spec ?? {}})
    representativePods.set(key, podName)
  }
  return {representatives, representativePods, workloadPods}
}

function keyOf(workload: WorkloadManifest): string {
  return workloadKey(workload.namespace, workload.kind, workload.name)
}

type OwnersOf = (namespace: string, references: readonly OwnerReference[]) => WorkloadManifest[]

/**
 * The `-f` workloads an object of `namespace` with these owner references belongs to (owners live in
 * their dependent's namespace), by kind and name; when both have a uid it must match too, as a namesake
 * may be an older object. Indexed, as a dump can hold many thousands of pods.
 */
function ownerIndex(workloads: readonly WorkloadManifest[]): OwnersOf {
  const byName = new Map(workloads.map((workload) => [keyOf(workload), workload]))
  return (namespace, references) =>
    references.flatMap((ref) => {
      const named = byName.get(workloadKey(namespace, ref.kind.toLowerCase() as WorkloadKind, ref.name))
      if (named === undefined || (ref.uid !== undefined && named.uid !== undefined && ref.uid !== named.uid)) return []
      return [named]
    })
}

/** The `-f` workloads that own an object with these references, their owners, and so on. */
function ownersUpTheChain(ownersOf: OwnersOf, namespace: string, references: readonly OwnerReference[]): Set<WorkloadManifest> {
  const found = new Set<WorkloadManifest>()
  const pending = ownersOf(namespace, references)
  for (let owner = pending.pop(); owner !== undefined; owner = pending.pop()) {
    // A set, so owner references that form a loop end.
    if (found.has(owner)) continue
    found.add(owner)
    pending.push(...ownersOf(namespace, owner.ownerReferences))
  }
  return found
}

/** A Deployment, ReplicaSet or StatefulSet scaled to 0, or a Job with `parallelism: 0`, runs no pod (absent: 1). */
function runsPods(spec: {replicas?: unknown; parallelism?: unknown}): boolean {
  return spec.replicas !== 0 && spec.parallelism !== 0
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
