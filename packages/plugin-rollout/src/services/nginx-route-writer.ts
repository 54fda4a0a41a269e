import {RESOURCES} from '@kubeline/core'
import type {KubeClient, KubeObject} from '@kubeline/core'
import {canaryName} from '../domain/canary-deployment.js'
import {nginxCanaryAnnotations, nginxCanaryIngress, nginxCanaryWeight} from '../domain/nginx-canary.js'
import type {Ingress} from '../domain/rollout-objects.js'
import type {TrafficRoute} from '../domain/traffic-route.js'
import type {RouteWriter} from './traffic-router.js'

type IngressObject = Ingress & KubeObject

/**
 * `--traffic nginx`: the canary Ingress `<ingress>-canary`, cloned from the main one, carries the weight
 * in its `canary-weight` annotation. ingress-nginx reports no status for it, so a write is taken as applied.
 */
export function nginxRouteWriter(kube: KubeClient, namespace: string, route: Extract<TrafficRoute, {mode: 'nginx'}>): RouteWriter {
  const name = canaryName(route.ingress)
  const read = async () => await kube.find<IngressObject>(RESOURCES.ingresses, name, {namespace})
  const options = {stableService: route.stableService, canaryService: route.canaryService, ...(route.weightTotal === undefined ? {} : {weightTotal: route.weightTotal})}
  const create = async (weight: number): Promise<void> => {
    const main = await kube.get<IngressObject>(RESOURCES.ingresses, route.ingress, {namespace})
    const ingress = nginxCanaryIngress(main, {...options, weight})
    await kube.create(RESOURCES.ingresses, {...ingress, metadata: {...ingress.metadata, namespace}} as IngressObject, {namespace})
  }
  return {
    async observe() {
      const canary = await read()
      return {weight: canary ? nginxCanaryWeight(canary) : 0, accepted: true}
    },
    async create() {
      if (!(await read())) await create(0)
    },
    async setWeight(weight) {
      const canary = await read()
      // Deleted by someone mid-release: made again, at the weight.
      if (!canary) return await create(weight)
      const patch = {metadata: {resourceVersion: canary.metadata.resourceVersion, annotations: nginxCanaryAnnotations({...options, weight})}}
      await kube.patch(RESOURCES.ingresses, name, patch, {namespace})
    },
    async remove() {
      if (await read()) await kube.delete(RESOURCES.ingresses, name, {namespace})
    },
    watched: () => undefined,
  }
}
