import {RESOURCES} from '@kubeline/core'
import type {KubeClient} from '@kubeline/core'
import {specReplicas} from '../domain/deployment-readiness.js'
import type {ReleaseAction} from '../domain/release-plan-types.js'
import {stateAnnotationPatch} from '../domain/release-state.js'
import type {ReleaseState} from '../domain/release-state.js'
import {adjustHpaBounds} from './hpa-guard.js'
import type {DeploymentObject, ReleaseObjects} from './release-objects.js'
import type {TrafficRouter} from './traffic-router.js'

/**
 * Carry out the writes of one plan: the stable Deployment in ONE merge patch (state annotations plus
 * replicas or the promoted template) guarded by its resourceVersion, and the canary's create, scale or
 * delete. Sides that grow are written before sides that shrink, so capacity never dips below the plan.
 * With a router, the route's weight, the canary Service and Ingress / backendRef go with the canary's
 * create, the weight and the end of the release; with `--hpa adjust`, the HPA's bounds follow the stable's
 * replicas (written before them). Returns whether anything was written. A 409 propagates: the caller
 * re-reads and plans again.
 */
export async function applyReleasePlan(kube: KubeClient, observed: ReleaseObjects, state: ReleaseState, actions: ReleaseAction[], router?: TrafficRouter): Promise<boolean> {
  const stableSpec: Record<string, unknown> = {}
  let canaryWrite: (() => Promise<void>) | undefined
  let canaryGrows = false
  let stableTarget: number | undefined
  let routeWrite: (() => Promise<void>) | undefined
  let ended = false
  const namespace = observed.stable.metadata.namespace
  for (const action of actions) {
    if (action.kind === 'scale') {
      if (action.stable !== specReplicas(observed.stable)) stableSpec.replicas = action.stable
      stableTarget = action.stable
      if (observed.canary && action.canary !== specReplicas(observed.canary)) {
        canaryGrows = action.canary > specReplicas(observed.canary)
        canaryWrite = scaleCanary(kube, observed.canary, action.canary)
      }
    } else if (action.kind === 'promote') {
      Object.assign(stableSpec, {replicas: action.replicas, template: action.template})
      stableTarget = action.replicas
      routeWrite = router?.beforePromotion
    } else if (action.kind === 'createCanary') {
      canaryGrows = false
      const deployment = {...action.deployment, apiVersion: 'apps/v1', kind: 'Deployment', metadata: {...action.deployment.metadata, namespace}}
      canaryWrite = async () => {
        await router?.prepare(observed.stable)
        await kube.create(RESOURCES.deployments, deployment, {namespace})
      }
    } else if (action.kind === 'removeCanary') {
      canaryWrite = async () => kube.delete(RESOURCES.deployments, state.canaryName, {namespace}).catch(ignoreNotFound)
    } else if (action.kind === 'setWeight') {
      routeWrite = async () => router?.setWeight(action.weight)
    } else if (action.kind === 'done' && action.phase !== 'Degraded') {
      ended = true
      stableTarget = state.originalReplicas
    }
  }
  if (state.hpa && stableTarget !== undefined) await adjustHpaBounds(kube, namespace as string, state.hpa, stableTarget, state.originalReplicas)
  if (routeWrite) await routeWrite()
  if (canaryWrite && canaryGrows) await canaryWrite()
  const stableWritten = await patchStable(kube, observed, state, stableSpec)
  if (canaryWrite && !canaryGrows) await canaryWrite()
  // Idempotent: also when a driver killed after deleting the canary finds the release ended.
  if (ended) await router?.remove()
  return stableWritten || canaryWrite !== undefined || routeWrite !== undefined
}

/** Write the state (and spec fields) to the stable Deployment when either differs from what is there. */
export async function patchStable(kube: KubeClient, observed: ReleaseObjects, state: ReleaseState | undefined, spec: Record<string, unknown> = {}): Promise<boolean> {
  const {stable} = observed
  const annotations = stateAnnotationPatch(state)
  const current = stable.metadata.annotations ?? {}
  const stateChanged = Object.entries(annotations).some(([key, value]) => (current[key] ?? null) !== value)
  if (!stateChanged && Object.keys(spec).length === 0) return false
  const patch = {metadata: {resourceVersion: stable.metadata.resourceVersion, annotations}, ...(Object.keys(spec).length > 0 ? {spec} : {})}
  await kube.patch(RESOURCES.deployments, stable.metadata.name, patch, {namespace: stable.metadata.namespace})
  return true
}

function scaleCanary(kube: KubeClient, canary: DeploymentObject, replicas: number): () => Promise<void> {
  const patch = {metadata: {resourceVersion: canary.metadata.resourceVersion}, spec: {replicas}}
  return async () => void (await kube.patch(RESOURCES.deployments, canary.metadata.name, patch, {namespace: canary.metadata.namespace}))
}

function ignoreNotFound(err: unknown): void {
  if ((err as {code?: string}).code !== 'NOT_FOUND') throw err
}
