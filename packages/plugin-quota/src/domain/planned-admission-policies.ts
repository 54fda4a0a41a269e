import type {KubeObject} from '@kubeline/core'
import {namespacedName, type ResourceQuota} from './kubernetes-objects.js'
import {isRuntimeClass} from './runtime-class-overhead.js'

/**
 * The cluster as the manifests' pods will meet it: the ResourceQuotas, LimitRanges and RuntimeClasses
 * among the manifests replace the live ones of the same namespace and name, or join them. Helm installs
 * quotas and LimitRanges before any workload, and the pods of a Deployment or Job are created by
 * controllers after the apply, so they are admitted against the new ones. A replaced quota keeps its live status.used
 * (what is charged does not change) under the manifest's hard limits; a new quota joins as written,
 * without status, so its usage is recomputed from the namespace's objects (quotaPlan).
 */
export function withPlannedAdmissionPolicies(cluster: readonly KubeObject[], manifests: readonly KubeObject[]): KubeObject[] {
  const planned = new Map(manifests.filter(isAdmissionPolicy).map((policy) => [policyKey(policy), policy]))
  const replaced = cluster.map((object) => {
    const manifest = isAdmissionPolicy(object) ? planned.get(policyKey(object)) : undefined
    if (manifest === undefined) return object
    planned.delete(policyKey(object))
    return manifest.kind === 'ResourceQuota' ? replacedQuota(object as ResourceQuota, manifest as ResourceQuota) : {...manifest}
  })
  return [...replaced, ...planned.values()]
}

function replacedQuota(live: ResourceQuota, manifest: ResourceQuota): ResourceQuota {
  return {...manifest, status: {hard: manifest.spec?.hard ?? {}, used: live.status?.used ?? {}}}
}

function isAdmissionPolicy(object: KubeObject): boolean {
  return (object.apiVersion === 'v1' && (object.kind === 'ResourceQuota' || object.kind === 'LimitRange')) || isRuntimeClass(object)
}

function policyKey(object: KubeObject): string {
  return `${object.kind} ${namespacedName(object)}`
}
