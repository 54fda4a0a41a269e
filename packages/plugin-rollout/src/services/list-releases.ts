import {KubelineError, RESOURCES} from '@kubeline/core'
import type {KubeClient, KubeObject, LabelSelector, ListOptions, ResourceType} from '@kubeline/core'
import {canaryName} from '../domain/canary-deployment.js'
import {httpRouteCanaryWeight} from '../domain/gateway-weights.js'
import {nginxCanaryWeight} from '../domain/nginx-canary.js'
import {decodeState} from '../domain/release-state.js'
import type {ReleaseState} from '../domain/release-state.js'
import {releaseStatus} from '../domain/release-status.js'
import type {ReleaseStatus} from '../domain/release-status.js'
import type {HTTPRoute, Ingress} from '../domain/rollout-objects.js'
import type {TrafficRoute} from '../domain/traffic-route.js'
import {requireTrafficRoute} from '../domain/traffic-route.js'
import type {DeploymentObject} from './release-objects.js'

export interface ReleaseListItem {
  namespace: string
  /** Undefined when the recorded state cannot be read; `problem` says why. */
  status?: ReleaseStatus
  name: string
  problem?: string
}

type Recorded = {stable: DeploymentObject; state: ReleaseState; route: TrafficRoute | undefined} | {stable: DeploymentObject; problem: string}

/** `namespace/name` -> object, for the route objects of routed releases. */
type RouteObjects = {ingresses: Map<string, Ingress>; httpRoutes: Map<string, HTTPRoute>}

/**
 * Every Deployment that records a release, in one namespace or all (those whose labels match `selector`),
 * with its status. One list request for Deployments, plus one for Ingresses when an nginx release is
 * listed and one for HTTPRoutes when a gateway release is, so that routed releases show the weight on
 * their route as `status` does.
 */
export async function listReleases(kube: KubeClient, options: {allNamespaces: boolean; selector?: LabelSelector}): Promise<ReleaseListItem[]> {
  const scope: ListOptions = options.allNamespaces ? {namespace: null} : {}
  const {items} = await kube.list<DeploymentObject>(RESOURCES.deployments, scope)
  const byKey = new Map(items.map((item) => [objectKey(item), item]))
  // The selector picks stable Deployments here, not in the request: their canaries need not match it.
  const selected = options.selector ? items.filter((item) => options.selector?.matches(item.metadata.labels ?? {})) : items
  const recorded = selected.flatMap(recordedRelease)
  const routes = await routeObjects(kube, scope, recorded)
  return recorded.map((release): ReleaseListItem => {
    const namespace = release.stable.metadata.namespace as string
    const name = release.stable.metadata.name
    if ('problem' in release) return {namespace, name, problem: release.problem}
    const canary = byKey.get(`${namespace}/${release.state.canaryName}`)
    return {namespace, name, status: releaseStatus(release.state, release.stable, canary, release.route && routedWeight(release.route, namespace, routes))}
  })
}

function recordedRelease(stable: DeploymentObject): Recorded[] {
  const annotations = stable.metadata.annotations ?? {}
  if (!Object.keys(annotations).some((key) => key.startsWith('kubeline.dev/rollout-'))) return []
  try {
    const state = decodeState(annotations)
    return state ? [{stable, state, route: requireTrafficRoute(state.traffic, state.route)}] : []
  } catch (err) {
    return [{stable, problem: (err as Error).message}]
  }
}

async function routeObjects(kube: KubeClient, scope: ListOptions, recorded: readonly Recorded[]): Promise<RouteObjects> {
  const modes = new Set(recorded.flatMap((release) => ('route' in release && release.route ? [release.route.mode] : [])))
  const [ingresses, httpRoutes] = await Promise.all([
    modes.has('nginx') ? listIfServed<Ingress & KubeObject>(kube, RESOURCES.ingresses, scope) : [],
    modes.has('gateway') ? listIfServed<HTTPRoute & KubeObject>(kube, RESOURCES.httproutes, scope) : [],
  ])
  return {ingresses: new Map(ingresses.map((ingress) => [objectKey(ingress), ingress])), httpRoutes: new Map(httpRoutes.map((route) => [objectKey(route), route]))}
}

/** The canary's share on the route, as the route writers observe it; undefined when the route object is gone. */
function routedWeight(route: TrafficRoute, namespace: string, routes: RouteObjects): number | undefined {
  if (route.mode === 'nginx') {
    const ingress = routes.ingresses.get(`${namespace}/${canaryName(route.ingress)}`)
    return ingress && nginxCanaryWeight(ingress)
  }
  const httpRoute = routes.httpRoutes.get(`${namespace}/${route.httpRoute}`)
  return httpRoute && (httpRouteCanaryWeight(httpRoute, route) ?? 0)
}

/** An API that is not served (no Gateway API CRDs) has no routes. */
async function listIfServed<T extends KubeObject>(kube: KubeClient, type: ResourceType, scope: ListOptions): Promise<T[]> {
  try {
    return (await kube.list<T>(type, scope)).items
  } catch (err) {
    if (err instanceof KubelineError && err.code === 'NOT_FOUND') return []
    throw err
  }
}

function objectKey(object: KubeObject): string {
  return `${object.metadata.namespace ?? ''}/${object.metadata.name}`
}
