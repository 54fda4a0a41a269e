import {UsageError} from '@kubeline/core'
import {POD_TEMPLATE_HASH_LABEL} from './bluegreen.js'
import {serviceSelectsPods} from './canary-service.js'
import type {ObjectMetadata, Service} from './rollout-objects.js'

const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision'

/** The few fields of a ReplicaSet that tell which Deployment owns it and which revision it is. */
export interface OwnedReplicaSet {
  metadata: ObjectMetadata & {ownerReferences?: {kind: string; name: string; uid?: string}[]}
}

/**
 * With a traffic router the canary pods still carry the stable Service's selector labels (promotion needs
 * them), so the stable Service would send them part of the stable share as well. While a routed release
 * runs, the stable Service is pinned to the stable ReplicaSet's pods by pod-template-hash, as Argo Rollouts
 * does; it is unpinned before the stable Deployment takes the new template, and when the release ends.
 */
export function pinnedSelector(selector: Record<string, string>, podTemplateHash: string): Record<string, string> {
  return {...selector, [POD_TEMPLATE_HASH_LABEL]: podTemplateHash}
}

/** The selector without the pin (the user's own selector). */
export function unpinnedSelector(selector: Record<string, string>): Record<string, string> {
  const {[POD_TEMPLATE_HASH_LABEL]: _pin, ...rest} = selector
  return rest
}

/** The pod-template-hash of the newest ReplicaSet a Deployment owns (its current template), if it has one yet. */
export function currentPodTemplateHash(deploymentName: string, replicaSets: readonly OwnedReplicaSet[]): string | undefined {
  const owned = replicaSets.filter((set) => set.metadata.ownerReferences?.some((owner) => owner.kind === 'Deployment' && owner.name === deploymentName))
  const newest = owned.reduce<OwnedReplicaSet | undefined>((best, set) => (best && revisionOf(best) >= revisionOf(set) ? best : set), undefined)
  return newest?.metadata.labels?.[POD_TEMPLATE_HASH_LABEL]
}

/**
 * The one Service, among those a route sends traffic to, that selects the stable pods. `routeName`
 * ("Ingress shop") names the route in the error when there is none, or more than one.
 */
export function stableServiceAmong(services: readonly Service[], podLabels: Record<string, string> | undefined, routeName: string, deploymentName: string): Service {
  const selecting = services.filter((service) => serviceSelectsPods(service, podLabels))
  if (selecting.length === 1) return selecting[0] as Service
  const listed = services.map((service) => service.metadata.name).join(', ') || 'none that exist'
  const problem = selecting.length === 0 ? 'routes to no Service that selects' : 'routes to several Services that select'
  throw new UsageError('INVALID_ARGUMENT', `${routeName} ${problem} the pods of Deployment ${deploymentName} (its Services: ${listed})`, {
    fix: `Name the route whose backend is the one Service in front of ${deploymentName}.`,
  })
}

function revisionOf(set: OwnedReplicaSet): number {
  return Number(set.metadata.annotations?.[REVISION_ANNOTATION] ?? 0)
}
