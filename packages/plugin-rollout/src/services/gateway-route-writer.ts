import {RESOURCES} from '@kubeline/core'
import type {KubeClient, KubeObject} from '@kubeline/core'
import {httpRouteAccepted, httpRouteCanaryWeight, httpRouteWithCanaryBackend, httpRouteWithWeights, httpRouteWithoutCanaryBackend} from '../domain/gateway-weights.js'
import type {HTTPRoute} from '../domain/rollout-objects.js'
import type {TrafficRoute} from '../domain/traffic-route.js'
import type {RouteWriter} from './traffic-router.js'

type HTTPRouteObject = HTTPRoute & KubeObject

/**
 * `--traffic gateway`: the weights of the stable and canary backendRefs of the user's HTTPRoute, both in
 * one patch of `spec.rules` guarded by the resourceVersion. A change counts once every parent Gateway
 * reports Accepted and ResolvedRefs for the route's new generation, unless the release was started with
 * `--route-status ignore` (no controller writes status).
 */
export function gatewayRouteWriter(kube: KubeClient, namespace: string, route: Extract<TrafficRoute, {mode: 'gateway'}>): RouteWriter {
  const backends = {stableService: route.stableService, canaryService: route.canaryService}
  let last: HTTPRouteObject | undefined
  const read = async (): Promise<HTTPRouteObject> => (last = await kube.get<HTTPRouteObject>(RESOURCES.httproutes, route.httpRoute, {namespace}))
  const writeRules = async (current: HTTPRouteObject, next: HTTPRoute): Promise<void> => {
    if (JSON.stringify(next.spec.rules) === JSON.stringify(current.spec.rules)) return
    await kube.patch(RESOURCES.httproutes, route.httpRoute, {metadata: {resourceVersion: current.metadata.resourceVersion}, spec: {rules: next.spec.rules}}, {namespace})
  }
  return {
    async observe() {
      const current = await read()
      const accepted = route.routeStatus === 'ignore' || httpRouteAccepted(current).accepted
      return {weight: httpRouteCanaryWeight(current, backends) ?? 0, accepted}
    },
    async create() {
      const current = await read()
      await writeRules(current, httpRouteWithCanaryBackend(current, backends))
    },
    async setWeight(weight) {
      const current = await read()
      // With the canary backendRef put back first if someone removed it: still one patch.
      await writeRules(current, httpRouteWithWeights(httpRouteWithCanaryBackend(current, backends), backends, weight))
    },
    async remove() {
      const current = await read()
      await writeRules(current, httpRouteWithoutCanaryBackend(current, backends))
    },
    watched: () => ({type: RESOURCES.httproutes, name: route.httpRoute, ...(last?.metadata.resourceVersion === undefined ? {} : {resourceVersion: last.metadata.resourceVersion})}),
  }
}
