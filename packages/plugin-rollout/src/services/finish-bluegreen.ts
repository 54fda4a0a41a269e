import {RESOURCES} from '@kubeline/core'
import type {KubeClient} from '@kubeline/core'
import {GREEN_TRACK} from '../domain/bluegreen.js'
import {planBlueGreenFinish, sameSelector} from '../domain/bluegreen-release.js'
import type {BlueGreenFinishStep, BlueGreenState} from '../domain/bluegreen-release.js'
import {TRACK_LABEL} from '../domain/canary-deployment.js'
import {patchBlueGreen, readBlueGreenObjects, requireBlueGreen} from './bluegreen-objects.js'
import type {BlueGreenObjects} from './bluegreen-objects.js'
import {patchSelector} from './canary-service-objects.js'
import {isConflict} from './release-objects.js'
import {blueGreenTimeout} from './wait-for-bluegreen.js'
import {waitForChange} from './wait-for-change.js'

export interface FinishBlueGreenOptions {
  name: string
  namespace: string
  scaleDownDelayMs: number
  timeoutMs: number
  actor: string
  onProgress?: (line: string) => void
}

/**
 * `bluegreen finish`: read, plan (planBlueGreenFinish), write one thing, again, until the release is
 * removed from the Deployment. Waits use watches on both Deployments, or a timer for the scale-down
 * delay; a 409 costs a round. Killed at any point, running it again converges.
 */
export async function finishBlueGreen(kube: KubeClient, options: FinishBlueGreenOptions): Promise<{objects: BlueGreenObjects; finished: BlueGreenState}> {
  const {name, namespace} = options
  const deadline = options.timeoutMs > 0 ? Date.now() + options.timeoutMs : undefined
  let lastReason = ''
  for (;;) {
    const observed = await readBlueGreenObjects(kube, name, namespace)
    const recorded = requireBlueGreen(observed)
    const {state, step} = planBlueGreenFinish(recorded, {
      stable: observed.stable,
      ...(observed.green ? {green: observed.green} : {}),
      serviceSelector: observed.service?.spec.selector ?? recorded.serviceSelector,
      now: new Date(),
      actor: options.actor,
      scaleDownDelayMs: options.scaleDownDelayMs,
    })
    if (step.kind !== 'wait' && step.kind !== lastReason) options.onProgress?.(describe(step, state))
    try {
      if (step.kind !== 'wait') {
        await apply(kube, observed, state, step)
        if (step.kind === 'done') return {objects: await readBlueGreenObjects(kube, name, namespace), finished: state}
        lastReason = step.kind
        continue
      }
    } catch (err) {
      if (isConflict(err)) continue
      throw err
    }
    if (step.reason !== lastReason) options.onProgress?.(step.reason)
    lastReason = step.reason
    if (deadline !== undefined && Date.now() >= deadline) throw blueGreenTimeout(options.timeoutMs, step.reason)
    const until = Math.min(step.until?.getTime() ?? Date.now() + 30_000, deadline ?? Infinity)
    const watched = [observed.stable, ...(observed.green ? [observed.green] : [])].map((deployment) => ({name: deployment.metadata.name, resourceVersion: deployment.metadata.resourceVersion}))
    await waitForChange(kube, namespace, watched, new Date(until))
  }
}

async function apply(kube: KubeClient, observed: BlueGreenObjects, state: BlueGreenState, step: Exclude<BlueGreenFinishStep, {kind: 'wait'}>): Promise<void> {
  const namespace = observed.stable.metadata.namespace as string
  switch (step.kind) {
    case 'promote':
      return await patchBlueGreen(kube, observed.stable, state, {replicas: step.replicas, template: step.template})
    case 'selectService':
      if (observed.service) await patchSelector(kube, observed.service, step.selector)
      return
    case 'removeGreen': {
      // The preview first: once green is gone the plan no longer asks for this step.
      const preview = state.previewService ? await kube.find(RESOURCES.services, state.previewService, {namespace}) : undefined
      if (preview?.metadata.labels?.[TRACK_LABEL] === GREEN_TRACK) await kube.delete(RESOURCES.services, state.previewService as string, {namespace})
      return await kube.delete(RESOURCES.deployments, state.green, {namespace})
    }
    case 'done':
      return await patchBlueGreen(kube, observed.stable, undefined)
  }
}

function describe(step: Exclude<BlueGreenFinishStep, {kind: 'wait'}>, state: BlueGreenState): string {
  switch (step.kind) {
    case 'promote':
      return 'green served: the stable Deployment takes the green template'
    case 'selectService':
      return sameSelector(step.selector, state.serviceSelector) ? `Service ${state.service} back to its own selector` : `Service ${state.service} to ${state.active}, as recorded`
    case 'removeGreen':
      return `removing ${state.green}${state.previewService ? ` and Service ${state.previewService}` : ''}`
    case 'done':
      return 'blue/green release finished'
  }
}
