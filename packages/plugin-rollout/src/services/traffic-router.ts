import type {KubeClient} from '@kubeline/core'
import type {TrafficObservation} from '../domain/release-plan-types.js'
import type {ReleaseState} from '../domain/release-state.js'
import {requireTrafficRoute} from '../domain/traffic-route.js'
import {prepareCanaryService, removeCanaryService, unpinStableService} from './canary-service-objects.js'
import {gatewayRouteWriter} from './gateway-route-writer.js'
import {nginxRouteWriter} from './nginx-route-writer.js'
import type {DeploymentObject} from './release-objects.js'
import type {WatchedDeployment} from './wait-for-change.js'

/** The object that carries a routed release's weight: one implementation per traffic mode. */
export interface RouteWriter {
  /** The canary's share on the route now, and whether the router has taken it up. Read fresh. */
  observe(): Promise<TrafficObservation>
  /** The canary Ingress, or the canary backendRef on the route, at weight 0; nothing when already there. */
  create(): Promise<void>
  /** The weight in ONE write of the route object. */
  setWeight(weight: number): Promise<void>
  /** Everything back to the stable Service only; nothing when already so. */
  remove(): Promise<void>
  /** The route object to watch while waiting for a controller to accept a change, if any. */
  watched(): WatchedDeployment | undefined
}

/** What the driver does with a routed release's traffic, besides the Deployments. */
export interface TrafficRouter extends Omit<RouteWriter, 'create' | 'remove'> {
  /** createCanary: the canary Service, the stable Service pinned to the stable pods, the route at weight 0. */
  prepare(stable: DeploymentObject): Promise<void>
  /** Before the stable Deployment takes the new template: the stable Service selects all of its pods again. */
  beforePromotion(): Promise<void>
  /** The release ended: route back to stable only, canary Service deleted, stable Service unpinned. */
  remove(): Promise<void>
}

/** The router of a recorded release; undefined in replica mode. Idempotent throughout, so a resumed driver repeats safely. */
export function trafficRouterFor(kube: KubeClient, namespace: string, state: ReleaseState): TrafficRouter | undefined {
  const route = requireTrafficRoute(state.traffic, state.route)
  if (!route) return undefined
  const writer = route.mode === 'nginx' ? nginxRouteWriter(kube, namespace, route) : gatewayRouteWriter(kube, namespace, route)
  return {
    observe: async () => await writer.observe(),
    setWeight: async (weight) => await writer.setWeight(weight),
    watched: () => writer.watched(),
    async prepare(stable) {
      await prepareCanaryService(kube, namespace, route, stable)
      await writer.create()
    },
    beforePromotion: async () => await unpinStableService(kube, namespace, route),
    async remove() {
      await writer.remove()
      await removeCanaryService(kube, namespace, route)
      await unpinStableService(kube, namespace, route)
    },
  }
}
