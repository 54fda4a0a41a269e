import type {KubeClient} from '@kubeline/core'
import type {PauseSpec} from '../domain/canary-steps.js'
import {applyImageOverrides} from '../domain/image-override.js'
import type {ImageOverride} from '../domain/image-override.js'
import {startRelease} from '../domain/release-commands.js'
import type {PodTemplateSpec} from '../domain/rollout-objects.js'
import type {AnalysisPolicy, ReleaseState} from '../domain/release-state.js'
import {recordReleaseChange} from './record-release-change.js'
import type {TrafficRequest} from '../domain/traffic-route.js'
import type {HpaPolicy} from './hpa-guard.js'
import {trafficSetup} from './resolve-traffic.js'

export interface BeginReleaseInput {
  name: string
  namespace: string
  /** The canary's pod template: the stable one with new images (--image), or one given whole (-f). */
  canary: {images: ImageOverride[]} | {template: PodTemplateSpec}
  steps: number[]
  pause: PauseSpec
  actor: string
  /** Default: replica traffic. */
  traffic?: TrafficRequest
  /** Default: refuse an autoscaled Deployment in replica mode. */
  hpa?: HpaPolicy
  /** The gates, stored in the state so that any later driver runs them. */
  analysis?: AnalysisPolicy
}

/**
 * `start`: record a new release on the stable Deployment. Unknown Deployments, containers and routes, a
 * refused HPA, a release already under way, a paused Deployment and a canary name taken, fail here with
 * nothing written.
 */
export async function beginRelease(kube: KubeClient, input: BeginReleaseInput): Promise<ReleaseState> {
  const setup = await trafficSetup(kube, input.name, input.namespace, input.traffic ?? {mode: 'replicas'}, input.hpa ?? 'refuse')
  return await recordReleaseChange(kube, input.name, input.namespace, ({stable, canary, state}) => ({
    ...startRelease({
      stable,
      existing: state,
      ...(canary ? {canary} : {}),
      template: 'template' in input.canary ? input.canary.template : applyImageOverrides(stable.spec.template, input.canary.images, input.name),
      serviceSelector: setup.serviceSelector,
      steps: input.steps,
      pause: input.pause,
      traffic: setup.traffic,
      ...(input.analysis ? {analysis: input.analysis} : {}),
      now: new Date(),
      actor: input.actor,
    }),
    ...setup.recorded,
  }))
}
