import {KubelineError, RESOURCES, labelSelectorFromObject} from '@kubeline/core'
import type {KubeObject, LabelSelectorObject} from '@kubeline/core'
import type {EndpointRef} from '../domain/evaluate-traffic.js'
import type {PodObject} from '../domain/kube-objects.js'
import type {EndpointSpec} from './endpoint-spec.js'
import {workloadKindOf} from './endpoint-spec.js'
import type {LoadedCluster} from './load-cluster.js'
import type {WorkloadKind} from './manifest-cluster.js'
import {workloadKey} from './manifest-cluster.js'

const WORKLOAD_RESOURCES = {
  deployment: RESOURCES.deployments,
  statefulset: RESOURCES.statefulsets,
  daemonset: RESOURCES.daemonsets,
  replicaset: RESOURCES.replicasets,
  job: RESOURCES.jobs,
  cronjob: RESOURCES.cronjobs,
} as const satisfies Record<WorkloadKind, unknown>

type WorkloadSpec = Extract<EndpointSpec, {kind: 'workload'}>

/**
 * The source and destination pods (or addresses) of a connection. The same live workload on both
 * sides is its first pod to its second (when it has two): "may its pods reach each other?" is not
 * a pod's traffic to itself. A workload `-f` defines has one representative pod only.
 */
export async function resolveConnection(cluster: LoadedCluster, from: EndpointSpec, to: EndpointSpec): Promise<[EndpointRef, EndpointRef]> {
  if (from.kind === 'workload' && to.kind === 'workload' && sameWorkload(from, to) && !cluster.representativePods.has(workloadKey(from.namespace, from.workload, from.name))) {
    const [first = '', second = first] = await podsOfWorkload(cluster, from)
    return [{namespace: from.namespace, name: first}, {namespace: from.namespace, name: second}]
  }
  return await Promise.all([resolveEndpoint(cluster, from), resolveEndpoint(cluster, to)])
}

function sameWorkload(a: WorkloadSpec, b: WorkloadSpec): boolean {
  return a.namespace === b.namespace && a.workload === b.workload && a.name === b.name
}

/**
 * The pod (or address) the engine evaluates for `--from`/`--to`. A workload is its representative
 * pod when `-f` defines it, else the first pod (by name) of its own from `-f` (a cluster dump), else
 * the first its live selector matches; a live CronJob has no selector of its own, so only its `-f` form resolves.
 */
async function resolveEndpoint(cluster: LoadedCluster, spec: EndpointSpec): Promise<EndpointRef> {
  switch (spec.kind) {
    case 'ip':
      return {ip: spec.ip}
    case 'pod': {
      const ref = {namespace: spec.namespace ?? cluster.namespace, name: spec.name}
      requireUnfinished(cluster, ref)
      if (spec.namespace !== undefined) requirePodOrSuggestWorkload(cluster, ref)
      return ref
    }
    case 'workload': {
      const representative = cluster.representativePods.get(workloadKey(spec.namespace, spec.workload, spec.name))
      if (representative !== undefined) return {namespace: spec.namespace, name: representative}
      const [first = ''] = await podsOfWorkload(cluster, spec)
      return {namespace: spec.namespace, name: first}
    }
  }
}

function requireUnfinished(cluster: LoadedCluster, pod: {namespace: string; name: string}): void {
  const finished = cluster.finishedPods.find((object) => object.metadata.namespace === pod.namespace && object.metadata.name === pod.name)
  if (finished === undefined) return
  throw new KubelineError('NOT_FOUND', `pod "${pod.name}" in namespace "${pod.namespace}" has finished (${finished.status?.phase ?? ''}): a finished pod has no network, so no policy applies to it`, {
    fix: 'Name a running pod, or the workload that runs it again.',
  })
}

/**
 * `deploy/web` is kubectl's KIND/NAME, but here it reads as pod "web" of namespace "deploy"; when
 * there is no such pod, the message names the workload that was probably meant (`ns/deploy/web`).
 */
function requirePodOrSuggestWorkload(cluster: LoadedCluster, pod: {namespace: string; name: string}): void {
  const workload = workloadKindOf(pod.namespace)
  if (workload === undefined || cluster.state.pods.some((object) => object.metadata.namespace === pod.namespace && object.metadata.name === pod.name)) return
  throw new KubelineError('NOT_FOUND', `pod "${pod.name}" not found in namespace "${pod.namespace}"`, {
    fix: `For the ${workload}, give its namespace too: ${cluster.namespace}/${pod.namespace}/${pod.name}.`,
  })
}

/**
 * The running pods of a workload without a representative pod, sorted by name: its `-f` pods; when
 * `-f` holds none, the live pods its selector matches (offline: none). At least one, else NOT_FOUND.
 */
async function podsOfWorkload(cluster: LoadedCluster, spec: WorkloadSpec): Promise<string[]> {
  const fromManifests = cluster.workloadPods.get(workloadKey(spec.namespace, spec.workload, spec.name))
  if (fromManifests === undefined || (fromManifests.length === 0 && cluster.kube !== undefined)) return livePods(cluster, spec)
  const inNamespace = (pods: readonly PodObject[]) => pods.filter((pod) => pod.metadata.namespace === spec.namespace && fromManifests.includes(pod.metadata.name))
  return runningPods(spec, inNamespace(cluster.state.pods), inNamespace(cluster.finishedPods).length, 'Its manifest runs none (replicas: 0) and -f holds none of its pods: name a workload that runs pods.')
}

/** The live pods the workload's selector matches, sorted by name: at least one, else NOT_FOUND. */
async function livePods(cluster: LoadedCluster, spec: WorkloadSpec): Promise<string[]> {
  const where = `${spec.workload} "${spec.name}" in namespace "${spec.namespace}"`
  if (cluster.kube === undefined || spec.workload === 'cronjob') {
    throw new KubelineError('NOT_FOUND', `${where} not found in the -f manifests`, {fix: 'Pass the manifest that defines it with -f.'})
  }
  const workload = await cluster.kube.get<KubeObject & {spec?: {selector?: LabelSelectorObject}}>(WORKLOAD_RESOURCES[spec.workload], spec.name, {namespace: spec.namespace}).catch((err: unknown) => {
    // The namespace is part of the endpoint: the API error's "or pass -n" cannot help.
    if (!(err instanceof KubelineError && err.code === 'NOT_FOUND')) throw err
    throw new KubelineError('NOT_FOUND', `${spec.workload} "${spec.name}" not found in namespace "${spec.namespace}"`, {fix: `Check the name: kubectl get ${WORKLOAD_RESOURCES[spec.workload].resource} -n ${spec.namespace}`})
  })
  const selector = labelSelectorFromObject(workload.spec?.selector)
  const selected = (pods: readonly PodObject[]) => pods.filter((pod) => pod.metadata.namespace === spec.namespace && selector.matches(pod.metadata.labels ?? {}))
  return runningPods(spec, selected(cluster.state.pods), selected(cluster.finishedPods).length, 'Wait for its pods, or name a pod with ns/pod.')
}

/** The names of a workload's running pods, sorted: NOT_FOUND when there are none, saying when they all finished. */
function runningPods(spec: WorkloadSpec, running: readonly PodObject[], finished: number, fix: string): string[] {
  const where = `${spec.workload} "${spec.name}" in namespace "${spec.namespace}"`
  if (running.length > 0) return running.map((pod) => pod.metadata.name).sort()
  if (finished > 0) throw new KubelineError('NOT_FOUND', `${where} has no running pods: its ${finished} pod(s) finished, and a finished pod has no network`, {fix: 'Name a workload whose pods run.'})
  throw new KubelineError('NOT_FOUND', `${where} has no pods`, {fix})
}
