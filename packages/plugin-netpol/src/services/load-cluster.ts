import {KubelineError, RESOURCES, readManifests} from '@kubeline/core'
import type {KubeClient, KubeObject, ResourceType} from '@kubeline/core'
import {appliedOnTop, objectKey} from '../domain/applied-on-top.js'
import {hasFinished} from '../domain/finished-pod.js'
import type {ClusterState, PodObject} from '../domain/kube-objects.js'
import type {ClusterObjects} from './manifest-cluster.js'
import {emptyClusterObjects, manifestCluster} from './manifest-cluster.js'

/** Where the cluster state comes from: `--offline` never connects (no kubeconfig needed). */
export interface ClusterSource {
  files: readonly string[]
  offline: boolean
  /** -n, when given. */
  namespace?: string
  connect: () => Promise<KubeClient>
}

/** The state to evaluate, plus what `--from`/`--to` need to resolve workloads. */
export interface LoadedCluster {
  state: ClusterState
  /** The namespace of -n / the context / "default" ("default" offline). */
  namespace: string
  representativePods: ReadonlyMap<string, string>
  /** The other `-f` workloads -> their `-f` pods (a cluster dump), empty when they run none. */
  workloadPods: ReadonlyMap<string, readonly string[]>
  /** Pods left out of `state` because they finished (Succeeded, Failed), so that naming one can say so. */
  finishedPods: readonly PodObject[]
  /** Absent with --offline. */
  kube?: KubeClient
}

/**
 * Reads the live cluster (every namespace: policies anywhere may decide a verdict) and puts the
 * `-f` objects on top, as `kubectl apply` would: an object with the same kind, namespace and name
 * replaces the live one, others are added. Finished pods (completed Jobs) are left out: no network. AdminNetworkPolicy, BaselineAdminNetworkPolicy and
 * ClusterNetworkPolicy are read when the API serves them; a NOT_FOUND means they are not installed.
 */
export async function loadCluster(source: ClusterSource): Promise<LoadedCluster> {
  const kube = source.offline ? undefined : await source.connect()
  const namespace = kube?.namespace ?? source.namespace ?? 'default'
  const sourced = source.files.length > 0 ? await readManifests([...source.files], {validateBuiltIns: true, requireNames: true}) : []
  const manifests = manifestCluster(sourced, namespace)
  const live = kube ? await liveObjects(kube) : emptyClusterObjects()
  const pods = applied(live.pods, manifests.objects.pods)
  const state: ClusterState = {
    namespaces: applied(live.namespaces, manifests.objects.namespaces),
    pods: pods.filter((pod) => !hasFinished(pod)),
    networkPolicies: applied(live.networkPolicies, manifests.objects.networkPolicies),
    adminNetworkPolicies: applied(live.adminNetworkPolicies, manifests.objects.adminNetworkPolicies),
    baselineAdminNetworkPolicies: applied(live.baselineAdminNetworkPolicies, manifests.objects.baselineAdminNetworkPolicies),
    clusterNetworkPolicies: applied(live.clusterNetworkPolicies, manifests.objects.clusterNetworkPolicies),
  }
  return {state, namespace, representativePods: manifests.representativePods, workloadPods: manifests.workloadPods, finishedPods: pods.filter(hasFinished), ...(kube ? {kube} : {})}
}

async function liveObjects(kube: KubeClient): Promise<ClusterObjects> {
  const [namespaces, pods, networkPolicies, adminNetworkPolicies, baselineAdminNetworkPolicies, clusterNetworkPolicies] = await Promise.all([
    listAll(kube, RESOURCES.namespaces),
    listAll(kube, RESOURCES.pods),
    listAll(kube, RESOURCES.networkpolicies),
    listIfServed(kube, RESOURCES.adminnetworkpolicies),
    listIfServed(kube, RESOURCES.baselineadminnetworkpolicies),
    listIfServed(kube, RESOURCES.clusternetworkpolicies),
  ])
  // The API's objects carry every field the engine's minimal shapes read.
  return {namespaces, pods, networkPolicies, adminNetworkPolicies, baselineAdminNetworkPolicies, clusterNetworkPolicies} as unknown as ClusterObjects
}

async function listAll(kube: KubeClient, type: ResourceType): Promise<KubeObject[]> {
  return (await kube.list(type, {namespace: null})).items
}

async function listIfServed(kube: KubeClient, type: ResourceType): Promise<KubeObject[]> {
  try {
    return await listAll(kube, type)
  } catch (err) {
    if (err instanceof KubelineError && err.code === 'NOT_FOUND') return []
    throw err
  }
}

/**
 * `live` with `changes` applied (a later -f object replaces an earlier one of the same namespace and
 * name too). Sorted by namespace and name, so explanations list policies in the same order live and offline.
 */
function applied<T extends {metadata: {name: string; namespace?: string}}>(live: readonly T[], changes: readonly T[]): T[] {
  return appliedOnTop(live, changes).sort((a, b) => (objectKey(a) < objectKey(b) ? -1 : objectKey(a) > objectKey(b) ? 1 : 0))
}
