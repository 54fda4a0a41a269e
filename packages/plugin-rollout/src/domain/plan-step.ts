import {BugError} from '@kubeline/core'
import {canaryDeployment, isCanaryOf, promotedTemplate} from './canary-deployment.js'
import {availableReplicas, describeAvailability, hasExceededProgressDeadline, isSettledAt, specReplicas} from './deployment-readiness.js'
import type {Deployment} from './rollout-objects.js'
import type {AnalysisOutcome, ReleaseAction, ReleaseObservation, ReleasePlan} from './release-plan-types.js'
import type {ReleasePhase, ReleaseState} from './release-state.js'
import {scaleTowardSplit} from './scale-toward-split.js'
import {splitReplicas} from './split-replicas.js'
import type {ReplicaSplit} from './split-replicas.js'
import {deploymentSurgeBudget} from './surge-budget.js'
import {canaryReplicasForTraffic} from './traffic-split.js'

// Transitions that need no write follow each other in one call; a plan never needs more than a handful.
const MAX_TRANSITIONS = 16

/**
 * The release state machine: from the recorded state and what the cluster looks like now, the next
 * state and the actions that move the cluster toward it. Pure and idempotent: calling it again with the
 * same observation gives the same plan, so a driver killed at any point resumes by calling it again.
 *
 * Progressing, per step: scale (reach the step's weight) -> pause (timed or manual) -> analyze (the
 * gate, if any) -> next step. The final 100 % step is the promotion: the stable Deployment takes the
 * canary template at its original replicas and the canary is removed, so stable is never scaled to 0.
 * Aborting: router weight to 0, stable back to its original replicas (within its surge budget), then
 * the canary is removed. A canary Deployment not made for this release is never touched.
 */
export function planStep(state: ReleaseState, observation: ReleaseObservation): ReleasePlan {
  let current = state
  let analysis = observation.analysis
  const notices: ReleaseAction[] = []
  for (let round = 0; round < MAX_TRANSITIONS; round++) {
    const plan = planOnce(current, {...observation, analysis})
    if (plan.consumedAnalysis) analysis = undefined
    notices.push(...plan.actions.filter((action) => action.kind === 'abort'))
    const work = plan.actions.filter((action) => action.kind !== 'abort')
    if (work.length > 0) return {state: plan.state, actions: [...notices, ...work]}
    current = plan.state
  }
  throw new BugError(`release plan did not settle after ${MAX_TRANSITIONS} transitions (phase ${current.phase}, stage ${current.stage})`)
}

interface PlanRound extends ReleasePlan {
  consumedAnalysis?: boolean
}

function planOnce(state: ReleaseState, observed: ReleaseObservation): PlanRound {
  const canary = ownCanary(state, observed)
  switch (state.phase) {
    case 'Healthy':
    case 'Aborted':
      return {state, actions: [...(canary ? [{kind: 'removeCanary'} as const] : []), {kind: 'done', phase: state.phase}]}
    case 'Degraded':
      return {state, actions: [{kind: 'done', phase: 'Degraded'}]}
    case 'Aborting':
      return planAbort(state, observed, canary)
    case 'Promoting':
      return planPromotion(state, observed, canary)
    default:
      return planProgress(state, observed, canary)
  }
}

function planProgress(state: ReleaseState, observed: ReleaseObservation, canary: Deployment | undefined): PlanRound {
  if (observed.canary && !canary) {
    const degraded = recordChange({...state, phase: 'Degraded', message: `Deployment ${observed.canary.metadata.name} exists but was not created for this release; rename or delete it, then retry`}, observed, 'degraded')
    return {state: degraded, actions: [{kind: 'done', phase: 'Degraded'}]}
  }
  if (state.userPaused) return {state: withPhase(state, 'Paused'), actions: [{kind: 'pause', reason: 'paused by a user: run resume to continue'}]}
  if (!canary) return {state: withPhase(state, 'Progressing'), actions: [{kind: 'createCanary', deployment: canaryDeployment(observed.stable, state.canaryTemplate)}]}
  if (hasExceededProgressDeadline(canary)) return beginAbort(state, observed, `canary ${canary.metadata.name} exceeded its progress deadline`)
  switch (state.stage) {
    case 'scale': {
      const actions = reachWeight(state, observed, canary)
      if (actions.length > 0) return {state: withPhase(state, 'Progressing'), actions}
      return {state: recordChange({...state, stage: 'pause', pauseStartedAt: observed.now}, observed, `reached ${state.desiredWeight}%`), actions: []}
    }
    case 'pause':
      return planPause(state, observed)
    case 'analyze':
      return planAnalysis(state, observed, observed.analysis)
  }
}

function planPause(state: ReleaseState, observed: ReleaseObservation): PlanRound {
  const startedAt = state.pauseStartedAt ?? observed.now
  const paused = withPhase({...state, pauseStartedAt: startedAt}, 'Paused')
  if (state.pause.kind === 'manual') return {state: paused, actions: [{kind: 'pause', reason: `paused at ${state.desiredWeight}%: run resume to continue`}]}
  const until = new Date(startedAt.getTime() + state.pause.ms)
  if (observed.now.getTime() >= until.getTime()) return {state: {...state, stage: 'analyze', phase: 'Progressing'}, actions: []}
  return {state: paused, actions: [{kind: 'pause', reason: `paused at ${state.desiredWeight}%`, until}]}
}

function planAnalysis(state: ReleaseState, observed: ReleaseObservation, outcome: AnalysisOutcome | undefined): PlanRound {
  if (!state.analysis) return advance(state, observed)
  if (!outcome) return {state: withPhase(state, 'Progressing'), actions: [{kind: 'analyze', step: state.stepIndex}]}
  if (outcome.passed) return {...advance({...state, message: ''}, observed), consumedAnalysis: true}
  const failures = state.analysisFailures + 1
  const {failureLimit, intervalMs} = state.analysis
  const message = `analysis failed (${failures}/${failureLimit}): ${outcome.reason}`
  if (failures >= failureLimit) return {...beginAbort({...state, analysisFailures: failures}, observed, message), consumedAnalysis: true}
  const failing = recordChange({...state, analysisFailures: failures, message}, observed, 'analysis failed')
  return {state: failing, actions: [{kind: 'analyze', step: state.stepIndex, notBefore: new Date(observed.now.getTime() + intervalMs)}], consumedAnalysis: true}
}

/** On to the first later step above the current weight (a `set-weight` may have jumped past some). */
function advance(state: ReleaseState, observed: ReleaseObservation): PlanRound {
  const found = state.steps.findIndex((weight, index) => index > state.stepIndex && weight > state.desiredWeight)
  const stepIndex = found === -1 ? state.steps.length - 1 : found
  const weight = state.steps[stepIndex] ?? 100
  const common = {stepIndex, stage: 'scale' as const, stepStartedAt: observed.now, pauseStartedAt: undefined}
  if (weight === 100) {
    return {state: recordChange({...state, ...common, desiredWeight: 100, phase: 'Promoting', promotionApplied: false}, observed, 'promotion started'), actions: []}
  }
  const what = `step ${stepIndex + 1}/${state.steps.length}: ${weight}%`
  return {state: recordChange({...state, ...common, desiredWeight: weight, phase: 'Progressing'}, observed, what), actions: []}
}

/** The actions still needed to stand at the desired weight, settled; none once there. */
function reachWeight(state: ReleaseState, observed: ReleaseObservation, canary: Deployment): ReleaseAction[] {
  if (state.traffic !== 'replicas') return reachRoutedWeight(state, observed, canary)
  const {stable} = observed
  const replicas = state.originalReplicas
  const weight = state.desiredWeight
  const budget = deploymentSurgeBudget(stable, replicas)
  const current = {canary: specReplicas(canary), stable: specReplicas(stable)}
  const target = splitReplicas({replicas, weight, maxSurge: budget.maxSurge})
  if (sameSplit(current, target)) {
    return isSettledAt(canary, target.canary) && isSettledAt(stable, target.stable) ? [] : [waitForPods(stable, canary, target)]
  }
  const next = scaleTowardSplit({replicas, weight, budget, stable: sideOf(stable), canary: sideOf(canary)})
  return sameSplit(next, current) ? [waitForPods(stable, canary, current)] : [{kind: 'scale', ...next}]
}

/**
 * With a router, pods first and traffic second when the weight goes up; traffic first when it goes down.
 * Stable stays at N throughout.
 */
function reachRoutedWeight(state: ReleaseState, observed: ReleaseObservation, canary: Deployment): ReleaseAction[] {
  const {stable} = observed
  const weight = state.desiredWeight
  const traffic = observed.traffic ?? {weight: 0, accepted: true}
  const routed = Math.round(traffic.weight)
  if (weight < routed) return [{kind: 'setWeight', weight}]
  if (routed === weight && !traffic.accepted) return [{kind: 'wait', reason: `waiting for the router to accept weight ${weight}%`}]
  const target = {canary: canaryReplicasForTraffic(state.originalReplicas, weight), stable: state.originalReplicas}
  if (!sameSplit({canary: specReplicas(canary), stable: specReplicas(stable)}, target)) return [{kind: 'scale', ...target}]
  if (!isSettledAt(canary, target.canary) || !isSettledAt(stable, target.stable)) return [waitForPods(stable, canary, target)]
  return routed === weight ? [] : [{kind: 'setWeight', weight}]
}

function planAbort(state: ReleaseState, observed: ReleaseObservation, canary: Deployment | undefined): PlanRound {
  const {stable} = observed
  const replicas = state.originalReplicas
  const current = {canary: specReplicas(canary), stable: specReplicas(stable)}
  const home = {canary: 0, stable: replicas}
  if (state.traffic !== 'replicas') {
    const traffic = observed.traffic ?? {weight: 0, accepted: true}
    if (Math.round(traffic.weight) !== 0) return {state, actions: [{kind: 'setWeight', weight: 0}]}
    if (!traffic.accepted) return {state, actions: [{kind: 'wait', reason: 'waiting for the router to accept weight 0%'}]}
    if (current.stable !== replicas) return {state, actions: [{kind: 'scale', canary: current.canary, stable: replicas}]}
  } else if (!sameSplit(current, home)) {
    const next = scaleTowardSplit({replicas, weight: 0, budget: deploymentSurgeBudget(stable, replicas), stable: sideOf(stable), canary: sideOf(canary)})
    return {state, actions: [sameSplit(next, current) ? waitForPods(stable, canary, current) : {kind: 'scale', ...next}]}
  }
  if (!isSettledAt(stable, replicas)) return {state, actions: [waitForPods(stable, canary, {canary: current.canary, stable: replicas})]}
  return finish(state, observed, canary, 'Aborted')
}

function planPromotion(state: ReleaseState, observed: ReleaseObservation, canary: Deployment | undefined): PlanRound {
  const replicas = state.originalReplicas
  if (!state.promotionApplied) {
    const applied = recordChange({...state, promotionApplied: true, message: ''}, observed, 'promotion applied')
    return {state: applied, actions: [{kind: 'promote', template: promotedTemplate(state.canaryTemplate), replicas}]}
  }
  if (!isSettledAt(observed.stable, replicas)) {
    return {state, actions: [{kind: 'wait', reason: `waiting for ${describeAvailability(observed.stable.metadata.name, observed.stable, replicas)} with the promoted template`}]}
  }
  if (state.traffic !== 'replicas' && Math.round(observed.traffic?.weight ?? 0) !== 0) return {state, actions: [{kind: 'setWeight', weight: 0}]}
  return finish(state, observed, canary, 'Healthy')
}

function finish(state: ReleaseState, observed: ReleaseObservation, canary: Deployment | undefined, phase: 'Healthy' | 'Aborted'): PlanRound {
  const done = recordChange({...state, phase, pauseStartedAt: undefined, ...(phase === 'Healthy' ? {message: ''} : {})}, observed, phase === 'Healthy' ? 'promoted' : 'aborted')
  return {state: done, actions: [...(canary ? [{kind: 'removeCanary'} as const] : []), {kind: 'done', phase}]}
}

function beginAbort(state: ReleaseState, observed: ReleaseObservation, reason: string): PlanRound {
  const aborting = recordChange({...state, phase: 'Aborting', desiredWeight: 0, message: reason, userPaused: false, pauseStartedAt: undefined}, observed, 'abort')
  return {state: aborting, actions: [{kind: 'abort', reason}]}
}

function ownCanary(state: ReleaseState, observed: ReleaseObservation): Deployment | undefined {
  const {canary, stable} = observed
  return canary && isCanaryOf(canary, stable.metadata.name, state.canaryTemplateHash) ? canary : undefined
}

function withPhase(state: ReleaseState, phase: ReleasePhase): ReleaseState {
  return state.phase === phase ? state : {...state, phase}
}

function recordChange(state: ReleaseState, observed: ReleaseObservation, what: string): ReleaseState {
  return {...state, lastChange: {at: observed.now, by: observed.actor, what}}
}

function sideOf(deployment: Deployment | undefined): {spec: number; available: number} {
  return {spec: specReplicas(deployment), available: availableReplicas(deployment)}
}

function sameSplit(a: ReplicaSplit, b: ReplicaSplit): boolean {
  return a.canary === b.canary && a.stable === b.stable
}

function waitForPods(stable: Deployment, canary: Deployment | undefined, wanted: ReplicaSplit): ReleaseAction {
  const canaryName = canary?.metadata.name ?? 'canary'
  return {kind: 'wait', reason: `waiting for pods: ${describeAvailability(canaryName, canary, wanted.canary)}, ${describeAvailability(stable.metadata.name, stable, wanted.stable)}`}
}
