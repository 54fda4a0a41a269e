import {baseUnitValue, compareCodeUnits, type KubeObject, type Quantity} from '@kubeline/core'
import type {Pod} from './kubernetes-objects.js'
import {podUsageList, type PodUsageOptions} from './pod-usage.js'
import type {ResourceList} from './resource-list.js'

export interface WorkloadRef {
  kind: string
  namespace: string
  name: string
}

export interface Consumer extends WorkloadRef {
  /** Pods of this workload that charge the resource. */
  pods: number
  used: string
  /** Base units (millicores, bytes, counts). */
  usedValue: number
}

type OwnerReference = NonNullable<KubeObject['metadata']['ownerReferences']>[number]

const MAX_OWNER_DEPTH = 10

/** The owner lookup topConsumers walks: objects by metadata.uid (ReplicaSets, Deployments, Jobs, CronJobs…). */
export function ownerLookupFrom(objects: readonly KubeObject[]): Map<string, KubeObject> {
  return new Map(objects.filter((object) => object.metadata.uid !== undefined).map((object) => [object.metadata.uid!, object]))
}

/**
 * The workload a pod belongs to: follow the controller ownerReference (else the first
 * one) up through the lookup: Pod → ReplicaSet → Deployment, Pod → Job → CronJob,
 * StatefulSet, DaemonSet. An owner missing from the lookup ends the walk at its
 * reference; a pod without owners is its own workload.
 */
export function owningWorkload(pod: KubeObject, ownerLookup: ReadonlyMap<string, KubeObject>): WorkloadRef {
  const namespace = pod.metadata.namespace ?? ''
  let ref: WorkloadRef = {kind: pod.kind, namespace, name: pod.metadata.name ?? ''}
  let current: KubeObject | undefined = pod
  for (let depth = 0; current !== undefined && depth < MAX_OWNER_DEPTH; depth++) {
    const owner = controllerOf(current)
    if (owner === undefined) break
    ref = {kind: owner.kind, namespace, name: owner.name}
    current = ownerLookup.get(owner.uid)
  }
  return ref
}

/**
 * The `n` workloads charging most of each resource, by the pod evaluator's rules
 * (podUsage: terminal pods and pods past their deletion grace charge no compute).
 * Sorted by usage, largest first, then kind/namespace/name; workloads charging zero are left out.
 */
export function topConsumers(
  pods: readonly Pod[],
  ownerLookup: ReadonlyMap<string, KubeObject>,
  resources: readonly string[],
  n: number,
  options: PodUsageOptions = {},
): Record<string, Consumer[]> {
  const totals = new WorkloadUsageTotals(resources)
  for (const pod of pods) totals.add(owningWorkload(pod, ownerLookup), podUsageList(pod, options))
  return totals.top(n)
}

/** topConsumers one pod at a time: per workload, the sum of each resource and the pods charging it. */
export class WorkloadUsageTotals {
  private readonly totals = new Map<string, {ref: WorkloadRef; usage: Map<string, {used: Quantity; pods: number}>}>()

  constructor(readonly resources: readonly string[]) {}

  /** `usage` is the pod's podUsageList. */
  add(ref: WorkloadRef, usage: ResourceList): void {
    const key = `${ref.kind}/${ref.namespace}/${ref.name}`
    const entry = this.totals.get(key) ?? {ref, usage: new Map()}
    this.totals.set(key, entry)
    for (const resource of this.resources) {
      const used = usage[resource]
      if (used === undefined) continue
      const sum = entry.usage.get(resource)
      entry.usage.set(resource, {used: sum === undefined ? used : sum.used.add(used), pods: (sum?.pods ?? 0) + 1})
    }
  }

  /** The n largest per resource, largest first, then kind/namespace/name; workloads charging zero are left out. */
  top(n: number): Record<string, Consumer[]> {
    return Object.fromEntries(this.resources.map((resource) => [resource, ranked([...this.totals.values()], resource).slice(0, n)]))
  }
}

function ranked(entries: {ref: WorkloadRef; usage: Map<string, {used: Quantity; pods: number}>}[], resource: string): Consumer[] {
  return entries
    .flatMap(({ref, usage}) => {
      const total = usage.get(resource)
      if (total === undefined || total.used.sign() <= 0) return []
      return [{...ref, pods: total.pods, used: total.used.toString(), usedValue: baseUnitValue(total.used, resource), exact: total.used}]
    })
    .sort((a, b) => b.exact.cmp(a.exact) || compareRefs(a, b))
    .map(({exact: _exact, ...consumer}) => consumer)
}

function compareRefs(a: WorkloadRef, b: WorkloadRef): number {
  return compareCodeUnits(`${a.kind}/${a.namespace}/${a.name}`, `${b.kind}/${b.namespace}/${b.name}`)
}

function controllerOf(object: KubeObject): OwnerReference | undefined {
  const owners = object.metadata.ownerReferences ?? []
  return owners.find((owner) => owner.controller === true) ?? owners[0]
}
