import {RESOURCES, UsageError} from '@kubeline/core'
import type {KubeClient} from '@kubeline/core'
import {GREEN_TRACK, greenDeployment} from '../domain/bluegreen.js'
import {sideSelector} from '../domain/bluegreen-release.js'
import type {BlueGreenState} from '../domain/bluegreen-release.js'
import {TRACK_LABEL} from '../domain/canary-deployment.js'
import {canaryService, serviceSelectsPods} from '../domain/canary-service.js'
import {specReplicas} from '../domain/deployment-readiness.js'
import {applyImageOverrides} from '../domain/image-override.js'
import type {ImageOverride} from '../domain/image-override.js'
import {requireStartable} from '../domain/release-commands.js'
import {decodeState} from '../domain/release-state.js'
import {unpinnedSelector} from '../domain/stable-service-pin.js'
import {templateHash} from '../domain/template-hash.js'
import {patchSelector, stablePodTemplateHash} from './canary-service-objects.js'
import type {ServiceObject} from './canary-service-objects.js'
import {patchBlueGreen, readBlueGreenObjects} from './bluegreen-objects.js'
import type {BlueGreenObjects} from './bluegreen-objects.js'
import {isConflict} from './release-objects.js'
import {waitForGreen} from './wait-for-bluegreen.js'

export interface StartBlueGreenInput {
  name: string
  namespace: string
  images: ImageOverride[]
  service: string
  previewService?: string
  actor: string
  timeoutMs: number
  onProgress?: (line: string) => void
}

/** Rounds of start when a write meets a 409: each re-reads everything and carries on. */
const CONFLICT_ROUNDS = 5

/**
 * `bluegreen start`: record the release, pin the active Service to the blue pods, create the full-size
 * green Deployment (and the preview Service), and wait until green is available. Running it again with
 * the same images carries on where it stopped, which is also how a 409 on one of its writes is met;
 * bad input fails before anything is written (exit 2).
 */
export async function startBlueGreen(kube: KubeClient, input: StartBlueGreenInput): Promise<BlueGreenObjects> {
  for (let round = 1; ; round++) {
    try {
      return await startRound(kube, input)
    } catch (err) {
      if (!isConflict(err) || round >= CONFLICT_ROUNDS) throw err
    }
  }
}

async function startRound(kube: KubeClient, input: StartBlueGreenInput): Promise<BlueGreenObjects> {
  const {name, namespace} = input
  const observed = await readBlueGreenObjects(kube, name, namespace)
  const {stable} = observed
  if (!observed.state) requireStartable(stable)
  const canaryRelease = decodeState(stable.metadata.annotations)
  if (canaryRelease && !['Healthy', 'Aborted'].includes(canaryRelease.phase)) {
    throw new UsageError('INVALID_ARGUMENT', `Deployment ${name} has a canary release in phase ${canaryRelease.phase}`, {fix: 'Promote or abort it first.'})
  }
  const service = await kube.get<ServiceObject>(RESOURCES.services, input.service, {namespace})
  const serviceSelector = unpinnedSelector(service.spec.selector ?? {})
  if (!serviceSelectsPods({...service, spec: {selector: serviceSelector}}, stable.spec.template.metadata?.labels)) {
    throw new UsageError('INVALID_ARGUMENT', `Service ${input.service} does not select the pods of Deployment ${name}`, {fix: 'Pass the Service in front of the Deployment with --service.'})
  }
  const green = greenDeployment(stable, applyImageOverrides(stable.spec.template, input.images, name), serviceSelector)
  const hash = templateHash(green.spec.template)
  const state = observed.state ?? (await newState(kube, input, observed, green.spec.template, hash, serviceSelector))
  if (observed.state && (observed.state.greenTemplateHash !== hash || observed.state.service !== input.service)) {
    throw new UsageError('INVALID_ARGUMENT', `Deployment ${name} already has a blue/green release (green ${observed.state.green}, ${observed.state.active} serves)`, {
      fix: 'Run switch, rollback or finish on it first.',
    })
  }
  if (!observed.state) await patchBlueGreen(kube, stable, state)
  if (state.active === 'blue' && !state.promotionApplied) await patchSelector(kube, service, sideSelector(state, 'blue'))
  if (!observed.green) await kube.create(RESOURCES.deployments, {...green, apiVersion: 'apps/v1', kind: 'Deployment', metadata: {...green.metadata, namespace}}, {namespace})
  if (input.previewService && !(await kube.find(RESOURCES.services, input.previewService, {namespace}))) {
    const preview = canaryService({...service, spec: {...service.spec, selector: serviceSelector}}, GREEN_TRACK)
    await kube.create(RESOURCES.services, {...preview, metadata: {...preview.metadata, name: input.previewService, namespace}} as ServiceObject, {namespace})
  }
  return await waitForGreen(kube, name, namespace, specReplicas(stable), input)
}

async function newState(kube: KubeClient, input: StartBlueGreenInput, observed: BlueGreenObjects, greenTemplate: BlueGreenState['greenTemplate'], hash: string, serviceSelector: Record<string, string>): Promise<BlueGreenState> {
  const greenName = `${input.name}-${GREEN_TRACK}`
  if (observed.green && observed.green.metadata.labels?.[TRACK_LABEL] !== GREEN_TRACK) {
    throw new UsageError('INVALID_ARGUMENT', `Deployment ${greenName} exists and was not made by kubectl rollout-canary`, {fix: `Rename or delete ${greenName}: the release creates it.`})
  }
  if (input.previewService && (await kube.find(RESOURCES.services, input.previewService, {namespace: input.namespace}))) {
    throw new UsageError('INVALID_ARGUMENT', `Service ${input.previewService} already exists`, {fix: 'Name a new Service with --preview-service: the release creates it.'})
  }
  const now = new Date()
  return {
    green: greenName,
    service: input.service,
    ...(input.previewService ? {previewService: input.previewService} : {}),
    serviceSelector,
    bluePodTemplateHash: await stablePodTemplateHash(kube, input.namespace, observed.stable),
    greenTemplate,
    greenTemplateHash: hash,
    active: 'blue',
    promotionApplied: false,
    lastChange: {at: now, by: input.actor, what: 'start'},
  }
}
