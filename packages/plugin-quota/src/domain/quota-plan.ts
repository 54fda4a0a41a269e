import {Quantity, baseUnitValue} from '@kubeline/core'
import type {KubeObject} from '@kubeline/core'
import {namespacedName, type ResourceQuota} from './kubernetes-objects.js'
import {planUsage, type PlanOptions, type PlannedObject, type UsagePlan} from './plan-usage.js'
import {withPlannedAdmissionPolicies} from './planned-admission-policies.js'
import {quotaFit} from './quota-fit.js'
import {recomputeQuotaUsed} from './recompute-quota-used.js'
import {formatResourceList, parseResourceList} from './resource-list.js'

export interface QuotaPlanLine {
  resource: string
  used: string
  requested: string
  after: string
  hard: string
  /** The same quantities in base units (millicores, bytes, counts). */
  usedValue: number
  requestedValue: number
  afterValue: number
  hardValue: number
  fits: boolean
  /** How much must be freed (or the limit raised) to fit; "0" when it fits. */
  shortfall: string
}

export interface QuotaPlanVerdict {
  namespace: string
  name: string
  fits: boolean
  /** One line per key the quota limits and the manifests change. */
  lines: QuotaPlanLine[]
  /** The API server's rejection, `exceeded quota: …`, when it does not fit. */
  message?: string
}

export interface QuotaPlan {
  /** True when nothing would be rejected: every quota fits and no LimitRange objects. */
  fits: boolean
  offline: boolean
  objects: PlannedObject[]
  delta: Record<string, string>
  quotas: QuotaPlanVerdict[]
  violations: UsagePlan['violations']
  notes: string[]
}

export interface QuotaPlanOptions extends PlanOptions {
  /** No cluster: quotas start empty unless their manifest carries status.used. */
  offline: boolean
}

/** What no client can see, so every plan says it. */
export const CLIENT_BLIND_SPOTS = [
  'not visible to a client, so not modelled: the API server admission config (limitedResources), mutating webhooks that change requests, and changes made by others before you apply',
]

/**
 * The verdict on applying `manifests` to a cluster holding `cluster` (ResourceQuotas,
 * LimitRanges, StorageClasses, Nodes, RuntimeClasses, the live versions of objects being replaced, and the
 * namespaces' pods, PVCs and services): planUsage's delta checked by quotaFit against each
 * quota. "Used" is status.used, as the API server compares against; keys status.used does not
 * report yet (a new quota) are recomputed from the objects, with a note, because the API
 * server would refuse them with "status unknown for quota" until its controller catches up.
 * Online, the ResourceQuotas, LimitRanges and RuntimeClasses among the manifests take effect before the other
 * objects' pods are admitted (withPlannedAdmissionPolicies); offline they are `cluster` already.
 */
export function quotaPlan(manifests: readonly KubeObject[], cluster: readonly KubeObject[], options: QuotaPlanOptions): QuotaPlan {
  const planned = options.offline ? cluster : withPlannedAdmissionPolicies(cluster, manifests)
  const usage = planUsage(manifests, planned, options)
  const quotas = planned.filter((object): object is ResourceQuota => object.kind === 'ResourceQuota' && object.apiVersion === 'v1')
  const notes: string[] = []
  const usedByQuota = Object.fromEntries(
    quotas.map((quota) => {
      const recomputed = recomputeQuotaUsed(quota, planned, {now: options.now})
      const reported = formatResourceList(parseResourceList(quota.status?.used))
      const missing = Object.keys(recomputed).filter((key) => !Object.hasOwn(reported, key))
      if (missing.length > 0 && !options.offline) {
        notes.push(`quota ${namespacedName(quota)}: status.used does not report ${missing.join(', ')} yet; recomputed from the namespace's objects (the API server refuses such keys with "status unknown for quota" until its quota controller syncs)`)
      }
      return [namespacedName(quota), {...recomputed, ...reported}]
    }),
  )
  const verdicts = quotaFit(quotas, usedByQuota, usage.deltaByQuota)
    .filter((fit) => fit.lines.length > 0)
    .map((fit): QuotaPlanVerdict => ({
      namespace: fit.namespace,
      name: fit.name,
      fits: fit.fits,
      lines: fit.lines.map(({resource, used, requested, after, limited, fits, shortfall}) => ({
        resource, used, requested, after, hard: limited,
        usedValue: valueOf(used, resource), requestedValue: valueOf(requested, resource), afterValue: valueOf(after, resource), hardValue: valueOf(limited, resource),
        fits, shortfall,
      })),
      ...(fit.message === undefined ? {} : {message: fit.message}),
    }))
  return {
    fits: verdicts.every((verdict) => verdict.fits) && usage.violations.length === 0,
    offline: options.offline,
    objects: usage.objects,
    delta: usage.delta,
    quotas: verdicts,
    violations: usage.violations,
    notes: [...new Set([...usage.notes, ...notes, ...CLIENT_BLIND_SPOTS])],
  }
}

function valueOf(quantity: string, resource: string): number {
  return baseUnitValue(Quantity.parse(quantity), resource)
}
