import {rollingUpdateBudget, scaledValueFromIntOrPercent} from '@kubeline/core'
import type {KubeObject, RollingUpdate} from '@kubeline/core'
import type {PersistentVolumeClaim, Pod, PodSpec} from './kubernetes-objects.js'

/** How a workload turns into pods, read from its spec with the API's defaults. */
export interface WorkloadPods {
  /** The pod every replica is created from (namespace set, template labels/annotations kept). */
  pod: Pod
  /** Pods at steady state. */
  replicas: number
  /** Extra new pods that may exist beside the old ones during a rolling update (0: replace, no overlap). */
  surge: number
  /** Objects the workload creates besides pods, e.g. the ReplicaSet of a Deployment or the Job of a CronJob. */
  children: KubeObject[]
  /** PersistentVolumeClaims per replica (StatefulSet volumeClaimTemplates), namespaced. */
  claimsPerReplica: PersistentVolumeClaim[]
  /** Caveats for people: unbounded CronJob concurrency, unknown node count. */
  notes: string[]
}

export interface WorkloadOptions {
  /** Nodes a DaemonSet runs on; undefined means unknown (no pods counted, with a note). */
  nodeCount?: number
}

interface WorkloadSpec {
  replicas?: number
  parallelism?: number
  completions?: number
  suspend?: boolean
  concurrencyPolicy?: string
  template?: {metadata?: KubeObject['metadata']; spec?: PodSpec}
  jobTemplate?: {metadata?: KubeObject['metadata']; spec?: WorkloadSpec}
  strategy?: {type?: string; rollingUpdate?: RollingUpdate}
  updateStrategy?: {type?: string; rollingUpdate?: RollingUpdate}
  volumeClaimTemplates?: PersistentVolumeClaim[]
}

/**
 * The pods a workload object asks for (undefined for objects that create no pods):
 * - Pod: itself;
 * - Deployment: `replicas` (default 1); a RollingUpdate (the default) may run maxSurge
 *   (default 25%, rounded up) extra pods, Recreate none; it creates a ReplicaSet. Its rolling
 *   update is checked as the API server would (INVALID_MANIFEST naming the field);
 * - ReplicaSet, ReplicationController: `replicas`; StatefulSet: `replicas`, replaced one by
 *   one, plus its volumeClaimTemplates per replica;
 * - DaemonSet: one pod per node (`nodeCount`), maxSurge (default 0) against the node count,
 *   rounded up (upstream daemonset util SurgeCount);
 * - Job: `parallelism` (default 1) capped by `completions`, none when suspended;
 * - CronJob: one Job from jobTemplate, none when suspended; concurrencyPolicy Allow (the
 *   default) lets runs overlap without bound, which a note says.
 */
export function workloadPods(object: KubeObject, namespace: string, options: WorkloadOptions = {}): WorkloadPods | undefined {
  const spec = (object.spec ?? {}) as WorkloadSpec
  const group = object.apiVersion.split('/')[0]
  const kind = group === 'v1' ? object.kind : `${object.kind}.${group}`
  switch (kind) {
    case 'Pod':
      return {...base(asPod(object.metadata, object.spec as PodSpec, namespace)), replicas: 1}
    case 'ReplicationController':
    case 'ReplicaSet.apps':
      return {...base(templatePod(spec, namespace)), replicas: spec.replicas ?? 1}
    case 'Deployment.apps':
      return deploymentPods(object, spec, namespace)
    case 'StatefulSet.apps':
      return {...base(templatePod(spec, namespace)), replicas: spec.replicas ?? 1, claimsPerReplica: claimTemplates(spec, namespace)}
    case 'DaemonSet.apps':
      return daemonSetPods(spec, namespace, options.nodeCount)
    case 'Job.batch':
      return {...base(templatePod(spec, namespace)), replicas: jobParallelism(spec)}
    case 'CronJob.batch':
      return cronJobPods(object, spec, namespace)
    default:
      return undefined
  }
}

function deploymentPods(object: KubeObject, spec: WorkloadSpec, namespace: string): WorkloadPods {
  const replicas = spec.replicas ?? 1
  const rolling = spec.strategy?.type !== 'Recreate'
  const rollingUpdate = spec.strategy?.rollingUpdate
  const withDefaults = {maxSurge: rollingUpdate?.maxSurge ?? '25%', maxUnavailable: rollingUpdate?.maxUnavailable ?? '25%'}
  const surge = rolling ? rollingUpdateBudget(withDefaults, replicas, 'spec.strategy.rollingUpdate').maxSurge : 0
  const replicaSet = child('apps/v1', 'ReplicaSet', object, namespace)
  return {...base(templatePod(spec, namespace)), replicas, surge, children: [replicaSet]}
}

function daemonSetPods(spec: WorkloadSpec, namespace: string, nodeCount: number | undefined): WorkloadPods {
  const nodes = nodeCount ?? 0
  const rollingUpdate = spec.updateStrategy?.type === 'OnDelete' ? undefined : spec.updateStrategy?.rollingUpdate
  const surge = rollingUpdate?.maxSurge === undefined ? 0 : scaledValueFromIntOrPercent(rollingUpdate.maxSurge, nodes, true, 'spec.updateStrategy.rollingUpdate.maxSurge')
  const notes = nodeCount === undefined ? ['DaemonSet pods not counted: the number of nodes is unknown (pass the node count)'] : []
  return {...base(templatePod(spec, namespace)), replicas: nodes, surge, notes}
}

function cronJobPods(object: KubeObject, spec: WorkloadSpec, namespace: string): WorkloadPods {
  const jobSpec = spec.jobTemplate?.spec ?? {}
  // Suspended, the controller starts no Job (a Job started by hand is an object of its own).
  if (spec.suspend) return base(templatePod(jobSpec, namespace))
  const job = child('batch/v1', 'Job', object, namespace)
  const policy = spec.concurrencyPolicy ?? 'Allow'
  const notes = policy === 'Allow' ? [`CronJob ${object.metadata.name ?? ''}: concurrencyPolicy Allow lets runs overlap, so usage is not bounded; counted as one Job`] : []
  return {...base(templatePod(jobSpec, namespace)), replicas: jobParallelism(jobSpec), children: [job], notes}
}

function jobParallelism(spec: WorkloadSpec): number {
  if (spec.suspend) return 0
  const parallelism = spec.parallelism ?? 1
  return spec.completions === undefined ? parallelism : Math.min(parallelism, spec.completions)
}

function base(pod: Pod): WorkloadPods {
  return {pod, replicas: 0, surge: 0, children: [], claimsPerReplica: [], notes: []}
}

function templatePod(spec: WorkloadSpec, namespace: string): Pod {
  return asPod(spec.template?.metadata ?? {}, spec.template?.spec ?? {}, namespace)
}

function asPod(metadata: KubeObject['metadata'], spec: PodSpec | undefined, namespace: string): Pod {
  return {apiVersion: 'v1', kind: 'Pod', metadata: {...metadata, namespace}, spec: spec ?? {}}
}

function child(apiVersion: string, kind: string, owner: KubeObject, namespace: string): KubeObject {
  return {apiVersion, kind, metadata: {name: owner.metadata.name, namespace}}
}

function claimTemplates(spec: WorkloadSpec, namespace: string): PersistentVolumeClaim[] {
  return (spec.volumeClaimTemplates ?? []).map((claim) => ({
    ...claim,
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: {...(claim.metadata ?? {}), namespace},
  }))
}
