import type {KubeObject} from '@kubeline/core'
import {withDefaultStorageClass} from './default-storage-class.js'
import type {LimitRange, PersistentVolumeClaim, Pod} from './kubernetes-objects.js'
import {applyLimitRangeDefaults} from './limit-range-defaults.js'
import {objectUsageList} from './object-usage.js'
import {podUsageList} from './pod-usage.js'
import {NO_KNOWN_RUNTIME_CLASSES, runtimeClassAdmission, type KnownRuntimeClasses} from './runtime-class-overhead.js'
import {addResourceLists, maxResourceLists, scaleResourceList, subtractResourceLists, type ResourceList} from './resource-list.js'
import {workloadPods} from './workload-pods.js'

/** What the API server would charge for one version of a manifest object, after admission's mutations. */
export interface UsageModel {
  /** Objects charged once each: the object itself, its children (ReplicaSet, Job), new PVCs. */
  charged: KubeObject[]
  /** The pod each replica is created from, LimitRange defaults and RuntimeClass overhead applied; undefined for objects without pods. */
  pod?: Pod
  replicas: number
  surge: number
  notes: string[]
}

export interface AdmissionContext {
  limitRanges: readonly LimitRange[]
  defaultStorageClass: string | undefined
  nodeCount?: number
  /** Names of the PersistentVolumeClaims that exist in the namespace: a StatefulSet reuses them. */
  existingClaimNames?: ReadonlySet<string>
  /** For the overhead a pod's RuntimeClass adds; none known when absent. */
  runtimeClasses?: KnownRuntimeClasses
}

/**
 * The model of an object in `namespace`. StatefulSet claims are charged only for ordinals
 * from `claimsFromOrdinal` on (existing claims outlive updates and are already charged), and
 * only when no claim of their name (`<template>-<set>-<ordinal>`, as the StatefulSet
 * controller names them) exists: claims retained after a scale-down are reused.
 */
export function usageModel(object: KubeObject, namespace: string, context: AdmissionContext, claimsFromOrdinal = 0): UsageModel {
  const placed = {...object, metadata: {...object.metadata, namespace}}
  if (placed.apiVersion === 'v1' && placed.kind === 'PersistentVolumeClaim') {
    return {charged: [withDefaultStorageClass(placed as PersistentVolumeClaim, context.defaultStorageClass)], replicas: 0, surge: 0, notes: []}
  }
  const workload = workloadPods(placed, namespace, {nodeCount: context.nodeCount})
  if (workload === undefined) return {charged: [placed], replicas: 0, surge: 0, notes: []}
  const ordinals = Array.from({length: Math.max(0, workload.replicas - claimsFromOrdinal)}, (_, index) => claimsFromOrdinal + index)
  const isNew = (claim: PersistentVolumeClaim, ordinal: number) => !context.existingClaimNames?.has(`${claim.metadata.name ?? ''}-${placed.metadata.name ?? ''}-${ordinal}`)
  const claims = ordinals.flatMap((ordinal) =>
    workload.claimsPerReplica.filter((claim) => isNew(claim, ordinal)).map((claim) => withDefaultStorageClass(claim, context.defaultStorageClass)),
  )
  const self = placed.kind === 'Pod' && placed.apiVersion === 'v1' ? [] : [placed]
  const defaulted = applyLimitRangeDefaults(workload.pod, context.limitRanges)
  // A refused pod is charged as it is: its refusal is among the plan's violations (runtimeClassAdmission again).
  const admission = runtimeClassAdmission(defaulted, context.runtimeClasses ?? NO_KNOWN_RUNTIME_CLASSES)
  return {
    charged: [...self, ...workload.children, ...claims],
    pod: 'pod' in admission ? admission.pod : defaulted,
    replicas: workload.replicas,
    surge: workload.surge,
    notes: 'note' in admission && admission.note !== undefined ? [...workload.notes, admission.note] : workload.notes,
  }
}

/** Steady-state usage of a model, counting only what `matches` accepts (a quota's scopes). */
export function steadyUsage(model: UsageModel, matches: (object: KubeObject) => boolean, now?: Date): ResourceList {
  return addResourceLists(chargedUsage(model, matches, now), scaleResourceList(podUsageOf(model, matches, now), model.replicas))
}

/**
 * The change in usage from `current` (undefined: the object is new) to `next`, at the
 * worst moment of the rollout. With surge, old pods (o <= current replicas) and new pods
 * (n <= next replicas) coexist with o + n <= next replicas + surge; the worst case per key
 * is at a vertex of that region: (min(cur, next+surge), the rest new) or (min(cur, surge),
 * all new), and never below the current usage. Without surge (Recreate, StatefulSet,
 * DaemonSet default) pods are replaced, so the peak is max(current, next) per key.
 */
export function peakDelta(current: UsageModel | undefined, next: UsageModel, matches: (object: KubeObject) => boolean, now?: Date): ResourceList {
  if (current === undefined) return steadyUsage(next, matches, now)
  const fixed = subtractResourceLists(chargedUsage(next, matches, now), chargedUsage(current, matches, now))
  const oldPod = podUsageOf(current, matches, now)
  const newPod = podUsageOf(next, matches, now)
  const mix = (olds: number, news: number): ResourceList => addResourceLists(scaleResourceList(oldPod, olds), scaleResourceList(newPod, news))
  const running = mix(current.replicas, 0)
  let peak = maxResourceLists(running, mix(0, next.replicas))
  if (next.surge > 0) {
    const ceiling = next.replicas + next.surge
    const mostOld = Math.min(current.replicas, ceiling)
    peak = [mix(mostOld, Math.min(next.replicas, ceiling - mostOld)), mix(Math.min(current.replicas, next.surge), next.replicas)].reduce(maxResourceLists, peak)
  }
  return addResourceLists(fixed, subtractResourceLists(peak, running))
}

function chargedUsage(model: UsageModel, matches: (object: KubeObject) => boolean, now?: Date): ResourceList {
  return model.charged.filter(matches).map((object) => objectUsageList(object, {now})).reduce(addResourceLists, {})
}

function podUsageOf(model: UsageModel, matches: (object: KubeObject) => boolean, now?: Date): ResourceList {
  return model.pod !== undefined && matches(model.pod) ? podUsageList(model.pod, {now}) : {}
}
