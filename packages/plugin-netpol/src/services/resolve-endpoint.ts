import {KubelineError, RESOURCES, labelSelectorFromObject} from '@kubeline/core'
import type {KubeObject, LabelSelectorObject} from '@kubeline/core'
import type {EndpointRef} from '../domain/evaluate-traffic.js'
import type {EndpointSpec} from './endpoint-spec.js'
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

/**
 * The pod (or address) the engine evaluates for `--from`/`--to`. A workload is its representative
 * pod when `-f` defines it, else the first pod (by name) its live selector matches; a live CronJob
 * has no selector of its own, so only its `-f` form resolves.
 */
export async function resolveEndpoint(cluster: LoadedCluster, spec: EndpointSpec): Promise<EndpointRef> {
  switch (spec.kind) {
    case 'ip':
      return {ip: spec.ip}
    case 'pod':
      return {namespace: spec.namespace ?? cluster.namespace, name: spec.name}
    case 'workload': {
      const representative = cluster.representativePods.get(workloadKey(spec.namespace, spec.workload, spec.name))
      if (representative !== undefined) return {namespace: spec.namespace, name: representative}
      return {namespace: spec.namespace, name: await firstLivePod(cluster, spec)}
    }
  }
}

async function firstLivePod(cluster: LoadedCluster, spec: Extract<EndpointSpec, {kind: 'workload'}>): Promise<string> {
  const where = `${spec.workload} "${spec.name}" in namespace "${spec.namespace}"`
  if (cluster.kube === undefined || spec.workload === 'cronjob') {
    throw new KubelineError('NOT_FOUND', `${where} not found in the -f manifests`, {fix: 'Pass the manifest that defines it with -f.'})
  }
  const workload = await cluster.kube.get<KubeObject & {spec?: {selector?: LabelSelectorObject}}>(WORKLOAD_RESOURCES[spec.workload], spec.name, {namespace: spec.namespace})
  const selector = labelSelectorFromObject(workload.spec?.selector)
  const pods = cluster.state.pods
    .filter((pod) => pod.metadata.namespace === spec.namespace && selector.matches(pod.metadata.labels ?? {}))
    .map((pod) => pod.metadata.name)
    .sort()
  const first = pods[0]
  if (first === undefined) throw new KubelineError('NOT_FOUND', `${where} has no pods`, {fix: 'Wait for its pods, or name a pod with ns/pod.'})
  return first
}
