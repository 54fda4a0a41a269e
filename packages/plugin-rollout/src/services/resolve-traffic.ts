import {KubelineError, RESOURCES} from '@kubeline/core'
import type {KubeClient, KubeObject} from '@kubeline/core'
import {CANARY_TRACK, TRACK_LABEL, canaryName} from '../domain/canary-deployment.js'
import {httpRouteServiceNames} from '../domain/gateway-weights.js'
import {ingressServiceNames} from '../domain/nginx-canary.js'
import type {Deployment, HTTPRoute, Ingress, Service} from '../domain/rollout-objects.js'
import {stableServiceAmong, unpinnedSelector} from '../domain/stable-service-pin.js'
import {trafficRoute} from '../domain/traffic-route.js'
import type {TrafficRequest, TrafficRoute} from '../domain/traffic-route.js'
import type {HpaRecord} from '../domain/hpa-bounds.js'
import type {TrafficMode} from '../domain/release-state.js'
import {guardHpa} from './hpa-guard.js'
import type {HpaPolicy} from './hpa-guard.js'

export interface ResolvedTraffic {
  route?: TrafficRoute
  /** The stable Service's selector: the canary pods carry it too (none in replica mode). */
  serviceSelector: Record<string, string>
}

/**
 * At `start`, before anything is written: the route the user named must exist (NOT_FOUND, exit 2), send
 * traffic to exactly one Service that selects the stable pods, and leave the names of the canary objects
 * free (or already made by this tool, from an earlier release of the same Deployment).
 */
export async function resolveTraffic(kube: KubeClient, stable: Deployment, request: TrafficRequest): Promise<ResolvedTraffic> {
  if (request.mode === 'replicas') return {serviceSelector: {}}
  const namespace = stable.metadata.namespace as string
  const [routeName, serviceNames] =
    request.mode === 'nginx'
      ? [`Ingress ${request.ingress}`, ingressServiceNames(await kube.get<Ingress & KubeObject>(RESOURCES.ingresses, request.ingress, {namespace}))]
      : [`HTTPRoute ${request.httpRoute}`, httpRouteServiceNames(await kube.get<HTTPRoute & KubeObject>(RESOURCES.httproutes, request.httpRoute, {namespace}))]
  const services = await Promise.all(serviceNames.map(async (name) => await kube.find<Service & KubeObject>(RESOURCES.services, name, {namespace})))
  const podLabels = stable.spec.template.metadata?.labels
  const stableService = stableServiceAmong(services.filter((service) => service !== undefined), podLabels, routeName, stable.metadata.name)
  const route = trafficRoute(request, stableService.metadata.name)
  await requireFreeName(kube, RESOURCES.services, route.canaryService, namespace)
  if (route.mode === 'nginx') await requireFreeName(kube, RESOURCES.ingresses, canaryName(route.ingress), namespace)
  return {route, serviceSelector: unpinnedSelector(stableService.spec.selector ?? {})}
}

async function requireFreeName(kube: KubeClient, type: typeof RESOURCES.services | typeof RESOURCES.ingresses, name: string, namespace: string): Promise<void> {
  const existing = await kube.find(type, name, {namespace})
  if (existing && existing.metadata.labels?.[TRACK_LABEL] !== CANARY_TRACK) {
    throw new KubelineError('INVALID_OBJECT', `${type.kind} ${name} exists and was not made by kubectl rollout-canary`, {fix: `Rename or delete ${type.kind} ${name}: the release creates it.`})
  }
}

/** What `start` records about traffic and autoscaling, resolved against the cluster before anything is written. */
export interface TrafficSetup {
  traffic: TrafficMode
  serviceSelector: Record<string, string>
  /** The state fields to record with the release. */
  recorded: {route?: TrafficRoute; hpa?: HpaRecord}
}

export async function trafficSetup(kube: KubeClient, name: string, namespace: string, request: TrafficRequest, hpaPolicy: HpaPolicy): Promise<TrafficSetup> {
  const stable = await kube.get<Deployment & KubeObject>(RESOURCES.deployments, name, {namespace})
  const {route, serviceSelector} = await resolveTraffic(kube, stable, request)
  const hpa = await guardHpa(kube, stable, request.mode, hpaPolicy)
  return {traffic: request.mode, serviceSelector, recorded: {...(route ? {route} : {}), ...(hpa ? {hpa} : {})}}
}
