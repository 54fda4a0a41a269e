import {KubelineError, RESOURCES} from '@kubeline/core'
import type {KubeClient, KubeObject} from '@kubeline/core'
import {canaryName} from '../domain/canary-deployment.js'
import type {Deployment} from '../domain/rollout-objects.js'
import {decodeState} from '../domain/release-state.js'
import type {ReleaseState} from '../domain/release-state.js'
import {trafficRouterFor} from './traffic-router.js'

/** A Deployment as the API returns it: the domain's typed fields plus everything else. */
export type DeploymentObject = Deployment & KubeObject

/** The stable Deployment, its canary (if any) and the release recorded on the stable, read fresh. */
export interface ReleaseObjects {
  stable: DeploymentObject
  canary?: DeploymentObject
  state?: ReleaseState
  /** nginx and gateway: the canary's share on the route, in percent (undefined when the route is gone). */
  routedWeight?: number
}

export async function readReleaseObjects(kube: KubeClient, name: string, namespace: string): Promise<ReleaseObjects> {
  const stable = await kube.get<DeploymentObject>(RESOURCES.deployments, name, {namespace})
  const state = decodeState(stable.metadata.annotations)
  const canary = await kube.find<DeploymentObject>(RESOURCES.deployments, state?.canaryName ?? canaryName(name), {namespace})
  const routedWeight = state ? await readRoutedWeight(kube, namespace, state) : undefined
  return {stable, ...(canary ? {canary} : {}), ...(state ? {state} : {}), ...(routedWeight === undefined ? {} : {routedWeight})}
}

async function readRoutedWeight(kube: KubeClient, namespace: string, state: ReleaseState): Promise<number | undefined> {
  try {
    return (await trafficRouterFor(kube, namespace, state)?.observe())?.weight
  } catch (err) {
    if ((err as {code?: string}).code === 'NOT_FOUND') return undefined
    throw err
  }
}

/** The recorded release, or a NOT_FOUND error (exit 2) naming the Deployment. */
export function requireState(objects: ReleaseObjects): ReleaseState {
  if (objects.state) return objects.state
  const name = objects.stable.metadata.name
  throw new KubelineError('NOT_FOUND', `Deployment ${name} has no release`, {fix: `Start one with: kubectl rollout-canary start ${name} --image CONTAINER=IMAGE`})
}

/** True for a 409 from the API server: someone wrote first, so re-read and plan again. */
export function isConflict(err: unknown): boolean {
  return err instanceof KubelineError && err.code === 'CONFLICT'
}
