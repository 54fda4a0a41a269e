import type {KubeClient} from '@kubeline/core'
import type {PauseSpec} from '../domain/canary-steps.js'
import {applyImageOverrides} from '../domain/image-override.js'
import type {ImageOverride} from '../domain/image-override.js'
import {startRelease} from '../domain/release-commands.js'
import type {ReleaseState} from '../domain/release-state.js'
import {recordReleaseChange} from './record-release-change.js'

export interface BeginReleaseInput {
  name: string
  namespace: string
  images: ImageOverride[]
  steps: number[]
  pause: PauseSpec
  actor: string
}

/**
 * `start`: record a new release (replica traffic) on the stable Deployment. Unknown Deployments and
 * containers, and a release already under way, fail here with nothing written.
 */
export async function beginRelease(kube: KubeClient, input: BeginReleaseInput): Promise<ReleaseState> {
  return await recordReleaseChange(kube, input.name, input.namespace, ({stable, state}) =>
    startRelease({
      stable,
      existing: state,
      template: applyImageOverrides(stable.spec.template, input.images, input.name),
      serviceSelector: {},
      steps: input.steps,
      pause: input.pause,
      traffic: 'replicas',
      now: new Date(),
      actor: input.actor,
    }),
  )
}
