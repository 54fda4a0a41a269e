import {UsageError} from '@kubeline/core'
import {BLUEGREEN_ANNOTATION} from './bluegreen-release.js'
import {CANARY_OF_ANNOTATION, canaryName, canaryTemplate, isCanaryOf} from './canary-deployment.js'
import type {PauseSpec} from './canary-steps.js'
import {specReplicas} from './deployment-readiness.js'
import type {Deployment, PodTemplateSpec} from './rollout-objects.js'
import type {AnalysisPolicy, ReleasePhase, ReleaseState, TrafficMode} from './release-state.js'
import {templateHash} from './template-hash.js'

/** Who and when, for the state's lastChange. */
export interface ChangeContext {
  now: Date
  actor: string
}

export interface StartReleaseInput extends ChangeContext {
  stable: Deployment
  /** The release recorded on the stable Deployment, if any. */
  existing: ReleaseState | undefined
  /** The Deployment that already has the canary's name, if any. */
  canary?: Deployment
  /** The new pod template (from --image overrides or -f). */
  template: PodTemplateSpec
  /** The selector of the Service in front of the stable Deployment. */
  serviceSelector: Record<string, string>
  steps: number[]
  pause: PauseSpec
  traffic: TrafficMode
  analysis?: AnalysisPolicy
}

const FINISHED: readonly ReleasePhase[] = ['Healthy', 'Aborted']

/**
 * The state `start` records. Refuses (exit 2) while another release (canary or blue/green) is unfinished,
 * on a paused Deployment or a release's own canary (see requireStartable), on one at 0 replicas, and when
 * the canary's name is taken by a Deployment this release did not make.
 */
export function startRelease(input: StartReleaseInput): ReleaseState {
  const {stable, existing} = input
  const name = stable.metadata.name
  if (existing && !FINISHED.includes(existing.phase)) {
    throw new UsageError('INVALID_ARGUMENT', `Deployment ${name} already has a release in phase ${existing.phase}`, {
      fix: `Run resume, promote or abort on ${name} first.`,
    })
  }
  requireNoBlueGreenRelease(stable)
  requireStartable(stable)
  const replicas = specReplicas(stable)
  if (replicas < 1) throw new UsageError('INVALID_ARGUMENT', `Deployment ${name} has 0 replicas: there is no traffic to split`, {fix: `Scale ${name} up first.`})
  const template = canaryTemplate(stable, input.template, input.serviceSelector)
  const hash = templateHash(template)
  if (input.canary && !isCanaryOf(input.canary, name, hash)) refuseTakenCanaryName(input.canary, name, existing !== undefined)
  const first = input.steps[0] ?? 100
  return {
    version: 1,
    traffic: input.traffic,
    steps: input.steps,
    stepIndex: 0,
    stage: 'scale',
    stepStartedAt: input.now,
    desiredWeight: first,
    pause: input.pause,
    userPaused: false,
    originalReplicas: replicas,
    canaryName: canaryName(name),
    canaryTemplate: template,
    canaryTemplateHash: hash,
    phase: first === 100 ? 'Promoting' : 'Progressing',
    message: '',
    ...(input.analysis ? {analysis: input.analysis} : {}),
    analysisFailures: 0,
    promotionApplied: false,
    ...(existing?.lock ? {lock: existing.lock} : {}),
    lastChange: {at: input.now, by: input.actor, what: 'start'},
  }
}

/** `pause`: holds the release wherever it is until `resume`. */
export function pauseRelease(state: ReleaseState, context: ChangeContext): ReleaseState {
  requirePhase(state, ['Progressing', 'Paused'], 'pause')
  return changed({...state, userPaused: true, phase: 'Paused'}, context, 'pause')
}

/**
 * `resume`: lifts a user pause and ends the current step pause (like Argo's plain promote of a pause step).
 * A release that ended (Healthy, Aborted) is left as it is: the driver then removes what a driver cut off
 * after recording the end left behind (the canary, a router's objects).
 */
export function resumeRelease(state: ReleaseState, context: ChangeContext): ReleaseState {
  if (FINISHED.includes(state.phase)) return state
  requirePhase(state, ['Progressing', 'Paused', 'Promoting', 'Aborting'], 'resume')
  const stage = state.stage === 'pause' ? 'analyze' : state.stage
  const phase = state.phase === 'Paused' ? 'Progressing' : state.phase
  return changed({...state, userPaused: false, stage, phase}, context, 'resume')
}

/**
 * `set-weight W`: drive to W (0-99) now, lifting a user's pause; then the step's pause, and the steps
 * continue from the first one above W. 100 is the promotion, as `promote --full`.
 */
export function setReleaseWeight(state: ReleaseState, weight: number, context: ChangeContext): ReleaseState {
  requirePhase(state, ['Progressing', 'Paused'], 'set-weight')
  if (!Number.isInteger(weight) || weight < 0 || weight > 100) {
    throw new UsageError('INVALID_ARGUMENT', `invalid weight ${weight}: set-weight takes a whole percentage from 0 to 100`)
  }
  if (weight === 100) return {...promoteRelease(state, true, context), lastChange: {at: context.now, by: context.actor, what: 'set-weight 100%: promotion'}}
  return changed({...state, desiredWeight: weight, stage: 'scale', stepStartedAt: context.now, pauseStartedAt: undefined, userPaused: false, phase: 'Progressing'}, context, `set-weight ${weight}%`)
}

/** `set-weight`'s argument: a whole percentage, 0-100 (exit 2 otherwise). */
export function parseWeight(text: string): number {
  if (!/^\d+$/.test(text.trim()) || Number(text) > 100) {
    throw new UsageError('INVALID_ARGUMENT', `invalid weight "${text}": set-weight takes a whole percentage from 0 to 100`, {fix: 'For example: set-weight web 30'})
  }
  return Number(text)
}

/**
 * `promote`: skip what is left of the current step (its pause and gate) and go on to the next one.
 * `promote --full`: go straight to the promotion.
 */
export function promoteRelease(state: ReleaseState, full: boolean, context: ChangeContext): ReleaseState {
  requirePhase(state, ['Progressing', 'Paused', 'Promoting'], 'promote')
  if (state.phase === 'Promoting') return state
  const next = full ? -1 : state.steps.findIndex((weight, index) => index > state.stepIndex && weight > state.desiredWeight)
  const stepIndex = next === -1 ? state.steps.length - 1 : next
  const weight = state.steps[stepIndex] ?? 100
  const common = {stepIndex, desiredWeight: weight, stage: 'scale' as const, stepStartedAt: context.now, pauseStartedAt: undefined, userPaused: false}
  if (weight === 100) return changed({...state, ...common, phase: 'Promoting', promotionApplied: false}, context, full ? 'promote --full' : 'promote')
  return changed({...state, ...common, phase: 'Progressing'}, context, 'promote')
}

/**
 * `abort`: back to stable only. Not possible once the stable Deployment runs the canary template:
 * the old template is gone from the cluster, so finishing the promotion is the only safe way on.
 */
export function abortRelease(state: ReleaseState, reason: string, context: ChangeContext): ReleaseState {
  if (state.phase === 'Aborting' || state.phase === 'Aborted') return state
  requirePhase(state, ['Progressing', 'Paused', 'Promoting', 'Degraded'], 'abort')
  if (state.phase === 'Promoting' && state.promotionApplied) {
    throw new UsageError('INVALID_ARGUMENT', 'cannot abort: the stable Deployment already runs the canary template', {fix: 'Run resume to finish the promotion, then roll back with a new release.'})
  }
  return changed({...state, phase: 'Aborting', desiredWeight: 0, message: reason, userPaused: false, pauseStartedAt: undefined}, context, 'abort')
}

/** `retry`: after an abort, start over from the first step with the same canary template. */
export function retryRelease(state: ReleaseState, context: ChangeContext): ReleaseState {
  requirePhase(state, ['Aborted', 'Degraded'], 'retry')
  const first = state.steps[0] ?? 100
  return changed(
    {...state, stepIndex: 0, desiredWeight: first, stage: 'scale', stepStartedAt: context.now, pauseStartedAt: undefined, userPaused: false, analysisFailures: 0, lastAnalysis: undefined, promotionApplied: false, message: '', phase: first === 100 ? 'Promoting' : 'Progressing'},
    context,
    'retry',
  )
}

/** A canary release (start, retry) on a Deployment whose Service a blue/green release has pinned would get no traffic. */
export function requireNoBlueGreenRelease(stable: Deployment): void {
  const name = stable.metadata.name
  if (stable.metadata.annotations?.[BLUEGREEN_ANNOTATION] !== undefined) {
    throw new UsageError('INVALID_ARGUMENT', `Deployment ${name} has a blue/green release under way`, {fix: `Finish it first: kubectl rollout-canary bluegreen finish ${name}`})
  }
}

/**
 * A Deployment a canary or blue/green release can run on: not paused, since a paused Deployment never
 * rolls out the promoted template; and not a release's own canary (or green), whose own canary the
 * owning release would orphan, still carrying the labels its Service selects.
 */
export function requireStartable(stable: Deployment): void {
  const name = stable.metadata.name
  if (stable.spec['paused'] === true) {
    throw new UsageError('INVALID_ARGUMENT', `Deployment ${name} is paused (spec.paused): its rollouts do not progress`, {
      fix: `Resume it first: kubectl rollout resume deployment/${name}${stable.metadata.namespace ? ` -n ${stable.metadata.namespace}` : ''}`,
    })
  }
  const owner = stable.metadata.annotations?.[CANARY_OF_ANNOTATION]
  if (owner !== undefined) {
    throw new UsageError('INVALID_ARGUMENT', `Deployment ${name} belongs to a release of ${owner} (annotation ${CANARY_OF_ANNOTATION})`, {
      fix: `Run the release on ${owner} instead.`,
    })
  }
}

/** `DEPLOY-canary` exists and is not this release's: a leftover of the recorded release (resume removes it), or a stranger. */
function refuseTakenCanaryName(canary: Deployment, name: string, recorded: boolean): never {
  const taken = canary.metadata.name
  if (recorded && canary.metadata.annotations?.[CANARY_OF_ANNOTATION] === name) {
    throw new UsageError('INVALID_ARGUMENT', `Deployment ${taken} is left over from the previous release of ${name}`, {
      fix: `Run kubectl rollout-canary resume ${name}: it removes what the previous release left, then start again.`,
    })
  }
  throw new UsageError('INVALID_ARGUMENT', `Deployment ${taken} exists and was not made for this release`, {fix: `Rename or delete Deployment ${taken}: the release creates it.`})
}

function requirePhase(state: ReleaseState, allowed: readonly ReleasePhase[], command: string): void {
  if (!allowed.includes(state.phase)) {
    throw new UsageError('INVALID_ARGUMENT', `cannot ${command} a release in phase ${state.phase} (allowed in ${allowed.join(', ')})`)
  }
}

function changed(state: ReleaseState, {now, actor}: ChangeContext, what: string): ReleaseState {
  return {...state, lastChange: {at: now, by: actor, what}}
}
