import {KubelineError, UsageError} from '@kubeline/core'
import {GREEN_TRACK, POD_TEMPLATE_HASH_LABEL, activeSelector, scaleDownDue} from './bluegreen.js'
import {TRACK_LABEL, isCanaryOf, promotedTemplate} from './canary-deployment.js'
import {isSettledAt, specReplicas} from './deployment-readiness.js'
import type {ChangeContext} from './release-commands.js'
import type {ReleaseChange} from './release-state.js'
import type {Deployment, PodTemplateSpec} from './rollout-objects.js'

/** The annotation on the stable (blue) Deployment that records a blue/green release, as one JSON document. */
export const BLUEGREEN_ANNOTATION = 'kubeline.dev/bluegreen'

export type BlueGreenSide = 'blue' | 'green'

/** Everything `switch`, `rollback` and `finish` need, from any machine. */
export interface BlueGreenState {
  /** The `<stable>-green` Deployment. */
  green: string
  /** The Service users reach; its selector is moved between the sides. */
  service: string
  /** A Service on the green pods only, for testing green before the switch. */
  previewService?: string
  /** The active Service's own selector, given back when the release ends. */
  serviceSelector: Record<string, string>
  /** The stable ReplicaSet's pod-template-hash: how the active Service selects blue pods only. */
  bluePodTemplateHash: string
  greenTemplate: PodTemplateSpec
  greenTemplateHash: string
  active: BlueGreenSide
  /** When the active side last changed: `finish` waits `--scale-down-delay` after it. */
  switchedAt?: Date
  /** True once the stable Deployment carries the green template (written with this state). */
  promotionApplied: boolean
  lastChange: ReleaseChange
}

/** What `finish` does next; the services layer applies it and plans again. */
export type BlueGreenFinishStep =
  | {kind: 'wait'; reason: string; until?: Date}
  /** Green served: the stable Deployment takes the green template (same patch as the state). */
  | {kind: 'promote'; template: PodTemplateSpec; replicas: number}
  | {kind: 'selectService'; selector: Record<string, string>}
  /** Delete the green Deployment and the preview Service. */
  | {kind: 'removeGreen'}
  /** Remove the release's annotation: finished. */
  | {kind: 'done'}

export interface BlueGreenObservation {
  stable: Deployment
  green?: Deployment
  /** The active Service's selector now. */
  serviceSelector: Record<string, string>
  now: Date
  actor: string
  scaleDownDelayMs: number
}

/** The selector that sends the active Service's traffic to one side. */
export function sideSelector(state: BlueGreenState, side: BlueGreenSide): Record<string, string> {
  return activeSelector(state.serviceSelector, side, state.bluePodTemplateHash)
}

/**
 * `switch` (to green) and `rollback` (to blue): the active side in the state; the Service follows in one
 * patch. Switching to green needs every green pod available. Once finishing has begun, the sides no
 * longer move.
 */
export function moveActiveSide(state: BlueGreenState, side: BlueGreenSide, green: Deployment | undefined, replicas: number, context: ChangeContext): BlueGreenState {
  if (state.promotionApplied) throw new UsageError('INVALID_ARGUMENT', 'cannot switch sides: finish has begun (the stable Deployment runs the green template)', {fix: 'Run finish again to complete it.'})
  if (side === 'green' && !isSettledAt(green, replicas)) {
    throw new UsageError('INVALID_ARGUMENT', `cannot switch to green: ${state.green} is not fully available (${green?.status?.availableReplicas ?? 0}/${replicas})`, {
      fix: `Wait for it (kubectl rollout status deployment/${state.green}), then switch.`,
    })
  }
  if (state.active === side) return state
  return {...state, active: side, switchedAt: context.now, lastChange: {at: context.now, by: context.actor, what: side === 'green' ? 'switch' : 'rollback'}}
}

/**
 * `finish`: wait until `--scale-down-delay` has passed since the last switch (none if never switched), then retire the side that
 * does not serve. Green serves: the stable Deployment takes the green template at its replicas, and once
 * it is available the Service gets its own selector back (new stable pods and green pods alike) and
 * green is deleted. Blue serves (never switched, or rolled back): green is deleted, then the Service gets
 * its own selector back. The stable Deployment is never scaled to 0.
 */
export function planBlueGreenFinish(state: BlueGreenState, observed: BlueGreenObservation): {state: BlueGreenState; step: BlueGreenFinishStep} {
  // A switch or rollback killed between recording the side and moving the Service: follow the record first,
  // so that removing or promoting a side never takes away the pods the Service still sends traffic to.
  if (servesOtherSide(state, observed.serviceSelector)) return {state, step: {kind: 'selectService', selector: sideSelector(state, state.active)}}
  const {switchedAt} = state
  if (!state.promotionApplied && switchedAt && !scaleDownDue(switchedAt, observed.scaleDownDelayMs, observed.now)) {
    const due = new Date(switchedAt.getTime() + observed.scaleDownDelayMs)
    return {state, step: {kind: 'wait', reason: `scale-down delay: ${state.active} serves, the other side goes at ${due.toISOString()}`, until: due}}
  }
  const green = observed.green && isCanaryOf(observed.green, observed.stable.metadata.name, state.greenTemplateHash) ? observed.green : undefined
  const selectorIsOwn = sameSelector(observed.serviceSelector, state.serviceSelector)
  if (state.active === 'blue') {
    if (green) return {state, step: {kind: 'removeGreen'}}
    return selectorIsOwn ? {state, step: {kind: 'done'}} : {state, step: {kind: 'selectService', selector: state.serviceSelector}}
  }
  const replicas = specReplicas(observed.stable)
  if (!state.promotionApplied) {
    const promoted = {...state, promotionApplied: true, lastChange: {at: observed.now, by: observed.actor, what: 'finish: stable takes the green template'}}
    return {state: promoted, step: {kind: 'promote', template: promotedTemplate(state.greenTemplate), replicas}}
  }
  if (!isSettledAt(observed.stable, replicas)) return {state, step: {kind: 'wait', reason: `waiting for ${observed.stable.metadata.name} to be available with the green template`}}
  if (!selectorIsOwn) return {state, step: {kind: 'selectService', selector: state.serviceSelector}}
  return green ? {state, step: {kind: 'removeGreen'}} : {state, step: {kind: 'done'}}
}

/** The Service sends traffic to the side the record does not name (before promotion: after it, both sides are one template). */
function servesOtherSide(state: BlueGreenState, selector: Record<string, string>): boolean {
  const onGreen = selector[TRACK_LABEL] === GREEN_TRACK
  const onBlue = !onGreen && selector[POD_TEMPLATE_HASH_LABEL] === state.bluePodTemplateHash
  return state.active === 'blue' ? onGreen : !state.promotionApplied && onBlue
}

export function encodeBlueGreen(state: BlueGreenState): string {
  return JSON.stringify(state)
}

/** The blue/green release recorded on a Deployment, or undefined; an unreadable record is an error (exit 2), never ignored. */
export function decodeBlueGreen(annotations: Record<string, string> | undefined): BlueGreenState | undefined {
  const text = annotations?.[BLUEGREEN_ANNOTATION]
  if (text === undefined) return undefined
  let value: Record<string, unknown> | undefined
  try {
    const parsed: unknown = JSON.parse(text)
    value = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined
  } catch {
    value = undefined
  }
  const strings = ['green', 'service', 'bluePodTemplateHash', 'greenTemplateHash'].every((key) => typeof value?.[key] === 'string' && value[key] !== '')
  const change = value?.lastChange as Record<string, unknown> | undefined
  const valid =
    value !== undefined &&
    strings &&
    ['blue', 'green'].includes(value.active as string) &&
    typeof value.promotionApplied === 'boolean' &&
    isStringMap(value.serviceSelector) &&
    typeof value.greenTemplate === 'object' &&
    (value.previewService === undefined || typeof value.previewService === 'string') &&
    (value.switchedAt === undefined || isTime(value.switchedAt)) &&
    isTime(change?.at) &&
    typeof change?.by === 'string' &&
    typeof change.what === 'string'
  if (!valid) {
    throw new KubelineError('INVALID_OBJECT', `corrupt blue/green state: annotation ${BLUEGREEN_ANNOTATION} is unreadable`, {
      fix: `Restore the annotation, or remove it (kubectl annotate deploy NAME ${BLUEGREEN_ANNOTATION}-) and clean up by hand.`,
    })
  }
  const record = value as unknown as BlueGreenState & {switchedAt?: string; lastChange: {at: string}}
  return {
    ...record,
    ...(record.switchedAt === undefined ? {} : {switchedAt: new Date(record.switchedAt)}),
    lastChange: {...record.lastChange, at: new Date(record.lastChange.at)},
  }
}

function isStringMap(value: unknown): boolean {
  return value !== null && typeof value === 'object' && Object.values(value).every((entry) => typeof entry === 'string')
}

function isTime(value: unknown): boolean {
  return typeof value === 'string' && !Number.isNaN(new Date(value).getTime())
}

export function sameSelector(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a)
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key])
}
