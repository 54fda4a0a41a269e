import {UsageError} from '@kubeline/core'
import {canaryDeployment, TRACK_LABEL} from './canary-deployment.js'
import {specReplicas} from './deployment-readiness.js'
import type {Deployment, PodTemplateSpec, Service} from './rollout-objects.js'

export const GREEN_TRACK = 'green'
/** The label the Deployment controller puts on every pod of a ReplicaSet. */
export const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash'

/**
 * The full-size `<stable>-green` Deployment. Its pods carry the Service's selector labels (so that
 * `finish` can hand them back to the original selector) plus `kubeline.dev/track: green`; the active
 * Service must therefore be pinned to blue (blueSelector) before green is created.
 */
export function greenDeployment(stable: Deployment, template: PodTemplateSpec, serviceSelector: Record<string, string>): Deployment {
  return canaryDeployment(stable, template, {serviceSelector, replicas: specReplicas(stable), track: GREEN_TRACK})
}

export type ActiveSide = 'blue' | 'green' | 'both'

/**
 * The active Service's selector for a side, from its original selector. A Service selector cannot say
 * "no track label", so blue is pinned by the stable ReplicaSet's pod-template-hash instead; green is
 * selected by its track; `both` is the original selector (used once stable runs the green template).
 */
export function activeSelector(original: Record<string, string>, side: ActiveSide, bluePodTemplateHash?: string): Record<string, string> {
  const {[TRACK_LABEL]: _track, [POD_TEMPLATE_HASH_LABEL]: _hash, ...base} = original
  if (side === 'both') return base
  if (side === 'green') return {...base, [TRACK_LABEL]: GREEN_TRACK}
  if (!bluePodTemplateHash) throw new UsageError('INVALID_ARGUMENT', 'cannot select the blue side: the stable ReplicaSet has no pod-template-hash yet')
  return {...base, [POD_TEMPLATE_HASH_LABEL]: bluePodTemplateHash}
}

/** Which side the Service sends traffic to now, judged from its selector. */
export function activeSide(service: Service): ActiveSide {
  const selector = service.spec.selector ?? {}
  if (selector[TRACK_LABEL] === GREEN_TRACK) return 'green'
  return selector[POD_TEMPLATE_HASH_LABEL] === undefined ? 'both' : 'blue'
}

/** When the side no longer serving may be removed: `--scale-down-delay` after the switch. */
export function scaleDownDue(switchedAt: Date, delayMs: number, now: Date): boolean {
  return now.getTime() >= switchedAt.getTime() + delayMs
}
