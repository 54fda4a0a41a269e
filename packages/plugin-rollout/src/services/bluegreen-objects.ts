import {KubelineError, RESOURCES} from '@kubeline/core'
import type {KubeClient} from '@kubeline/core'
import {BLUEGREEN_ANNOTATION, decodeBlueGreen, encodeBlueGreen} from '../domain/bluegreen-release.js'
import type {BlueGreenState} from '../domain/bluegreen-release.js'
import {canaryName} from '../domain/canary-deployment.js'
import type {ServiceObject} from './canary-service-objects.js'
import type {DeploymentObject} from './release-objects.js'

/** The blue (stable) Deployment, its recorded blue/green release, the green Deployment and the active Service, read fresh. */
export interface BlueGreenObjects {
  stable: DeploymentObject
  state?: BlueGreenState
  green?: DeploymentObject
  service?: ServiceObject
}

export async function readBlueGreenObjects(kube: KubeClient, name: string, namespace: string): Promise<BlueGreenObjects> {
  const stable = await kube.get<DeploymentObject>(RESOURCES.deployments, name, {namespace})
  const state = decodeBlueGreen(stable.metadata.annotations)
  const green = await kube.find<DeploymentObject>(RESOURCES.deployments, state?.green ?? canaryName(name, 'green'), {namespace})
  const service = state ? await kube.find<ServiceObject>(RESOURCES.services, state.service, {namespace}) : undefined
  return {stable, ...(state ? {state} : {}), ...(green ? {green} : {}), ...(service ? {service} : {})}
}

/** The recorded blue/green release, or NOT_FOUND (exit 2) naming the Deployment. */
export function requireBlueGreen(objects: BlueGreenObjects): BlueGreenState {
  if (objects.state) return objects.state
  const name = objects.stable.metadata.name
  throw new KubelineError('NOT_FOUND', `Deployment ${name} has no blue/green release`, {fix: `Start one with: kubectl rollout-canary bluegreen start ${name} --image CONTAINER=IMAGE --service SERVICE`})
}

/** Record the state (or, with undefined, remove it) on the blue Deployment, with spec fields in the same patch, guarded by the resourceVersion read. */
export async function patchBlueGreen(kube: KubeClient, stable: DeploymentObject, state: BlueGreenState | undefined, spec?: Record<string, unknown>): Promise<void> {
  const patch = {metadata: {resourceVersion: stable.metadata.resourceVersion, annotations: {[BLUEGREEN_ANNOTATION]: state ? encodeBlueGreen(state) : null}}, ...(spec ? {spec} : {})}
  await kube.patch(RESOURCES.deployments, stable.metadata.name, patch, {namespace: stable.metadata.namespace})
}
