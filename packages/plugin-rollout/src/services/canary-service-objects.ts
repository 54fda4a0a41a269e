import {KubelineError, RESOURCES} from '@kubeline/core'
import type {KubeClient, KubeObject} from '@kubeline/core'
import {POD_TEMPLATE_HASH_LABEL} from '../domain/bluegreen.js'
import {CANARY_TRACK, TRACK_LABEL} from '../domain/canary-deployment.js'
import {canaryService} from '../domain/canary-service.js'
import type {Service} from '../domain/rollout-objects.js'
import {currentPodTemplateHash, pinnedSelector, unpinnedSelector} from '../domain/stable-service-pin.js'
import type {OwnedReplicaSet} from '../domain/stable-service-pin.js'
import type {TrafficRoute} from '../domain/traffic-route.js'
import type {DeploymentObject} from './release-objects.js'

export type ServiceObject = Service & KubeObject

/**
 * The Services of a routed release: the canary Service (created once, selecting canary pods only) and
 * the stable Service pinned to the stable pods while the release runs. Every function is idempotent: it
 * reads first and writes only what differs, guarded by the resourceVersion read.
 */
export async function prepareCanaryService(kube: KubeClient, namespace: string, route: TrafficRoute, stable: DeploymentObject): Promise<void> {
  const stableService = await kube.get<ServiceObject>(RESOURCES.services, route.stableService, {namespace})
  const selector = unpinnedSelector(stableService.spec.selector ?? {})
  if (!(await kube.find(RESOURCES.services, route.canaryService, {namespace}))) {
    const service = canaryService({...stableService, spec: {...stableService.spec, selector}})
    await kube.create(RESOURCES.services, {...service, metadata: {...service.metadata, namespace}} as ServiceObject, {namespace})
  }
  const hash = await stablePodTemplateHash(kube, namespace, stable)
  if (stableService.spec.selector?.[POD_TEMPLATE_HASH_LABEL] !== hash) await patchSelector(kube, stableService, pinnedSelector(selector, hash))
}

/** The stable Service back on the user's own selector: before promotion, and when the release ends. */
export async function unpinStableService(kube: KubeClient, namespace: string, route: TrafficRoute): Promise<void> {
  const stableService = await kube.find<ServiceObject>(RESOURCES.services, route.stableService, {namespace})
  const selector = stableService?.spec.selector ?? {}
  if (stableService && selector[POD_TEMPLATE_HASH_LABEL] !== undefined) await patchSelector(kube, stableService, unpinnedSelector(selector))
}

/** Delete the canary Service, if it is the one this tool made (it carries the canary track label). */
export async function removeCanaryService(kube: KubeClient, namespace: string, route: TrafficRoute): Promise<void> {
  const service = await kube.find<ServiceObject>(RESOURCES.services, route.canaryService, {namespace})
  if (service?.metadata.labels?.[TRACK_LABEL] === CANARY_TRACK) await kube.delete(RESOURCES.services, route.canaryService, {namespace})
}

/** The stable ReplicaSet's pod-template-hash, for a selector that picks the stable pods only. */
export async function stablePodTemplateHash(kube: KubeClient, namespace: string, stable: DeploymentObject): Promise<string> {
  const labelSelector = Object.entries(stable.spec.selector.matchLabels ?? {}).map(([key, value]) => `${key}=${value}`).join(',')
  const {items} = await kube.list<OwnedReplicaSet & KubeObject>(RESOURCES.replicasets, {namespace, labelSelector})
  const hash = currentPodTemplateHash(stable.metadata.name, items)
  if (hash === undefined) {
    throw new KubelineError('NOT_FOUND', `Deployment ${stable.metadata.name} has no ReplicaSet with a pod-template-hash yet`, {fix: 'Wait until the Deployment has rolled out, then resume.'})
  }
  return hash
}

/** Set a Service's selector in one guarded merge patch; keys to drop are sent as null (merge patches go key by key). */
export async function patchSelector(kube: KubeClient, service: ServiceObject, selector: Record<string, string>): Promise<void> {
  const dropped = Object.keys(service.spec.selector ?? {}).filter((key) => !(key in selector))
  const patch = {metadata: {resourceVersion: service.metadata.resourceVersion}, spec: {selector: {...selector, ...Object.fromEntries(dropped.map((key) => [key, null]))}}}
  await kube.patch(RESOURCES.services, service.metadata.name, patch, {namespace: service.metadata.namespace})
}
