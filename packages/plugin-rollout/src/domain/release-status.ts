import {gateLabel} from './analysis-gates.js'
import {isCanaryOf} from './canary-deployment.js'
import type {AnalysisRecord} from './analysis-gates.js'
import {availableReplicas, specReplicas} from './deployment-readiness.js'
import type {Deployment} from './rollout-objects.js'
import type {ReleaseChange, ReleasePhase, ReleaseState, TrafficMode} from './release-state.js'
import {actualWeight} from './traffic-split.js'

export interface SideStatus {
  name: string
  replicas: number
  ready: number
  available: number
  images: string[]
}

/** What `status` shows and `-o json` emits (kind RolloutCanaryStatus). */
export interface ReleaseStatus {
  deployment: string
  phase: ReleasePhase
  message: string
  traffic: TrafficMode
  /** 1-based for people: "step 2 of 4". */
  step: number
  steps: number
  desiredWeight: number
  /** Replica mode: available canary over all available pods; router modes: what the router reports. */
  actualWeight: number
  stable: SideStatus
  canary?: SideStatus
  analysisFailures: number
  /** The gates of a gated release, their failure limit, and the latest round's results. */
  analysis?: AnalysisStatus
  pausedUntil?: Date
  lastChange: ReleaseChange
}

export interface AnalysisStatus {
  failureLimit: number
  gates: string[]
  last?: AnalysisRecord
}

/** The status of a release from its state and the objects as they are now (`found`: the Deployment with the canary's name). */
export function releaseStatus(state: ReleaseState, stable: Deployment, found: Deployment | undefined, routedWeight?: number): ReleaseStatus {
  // A Deployment with the canary's name that this release did not make is not its canary.
  const canary = found && isCanaryOf(found, stable.metadata.name, state.canaryTemplateHash) ? found : undefined
  const pausedUntil = state.pause.kind === 'duration' && state.pauseStartedAt && state.phase === 'Paused' && !state.userPaused
    ? new Date(state.pauseStartedAt.getTime() + state.pause.ms)
    : undefined
  return {
    deployment: stable.metadata.name,
    phase: state.phase,
    message: state.message,
    traffic: state.traffic,
    step: state.stepIndex + 1,
    steps: state.steps.length,
    desiredWeight: state.desiredWeight,
    actualWeight: currentWeight(state, stable, canary, routedWeight),
    stable: sideStatus(stable),
    ...(canary ? {canary: sideStatus(canary)} : {}),
    analysisFailures: state.analysisFailures,
    ...(state.analysis ? {analysis: analysisStatus(state)} : {}),
    ...(pausedUntil ? {pausedUntil} : {}),
    lastChange: state.lastChange,
  }
}

export type WatchTarget = 'healthy' | 'paused'
export type WatchOutcome = 'reached' | 'failed' | 'waiting'

/**
 * `status --watch --until healthy|paused`: reached (exit 0) at Healthy, or at Paused when asked for;
 * failed (exit 3) at Aborted or Degraded; otherwise keep watching. Waiting for `paused` also ends
 * at Healthy: a release that finished will never pause again.
 */
export function watchOutcome(phase: ReleasePhase, until: WatchTarget): WatchOutcome {
  if (phase === 'Aborted' || phase === 'Degraded') return 'failed'
  if (phase === 'Healthy' || (until === 'paused' && phase === 'Paused')) return 'reached'
  return 'waiting'
}

/**
 * The canary's share of the traffic now. Once promoted (Healthy) the new template serves everything:
 * 100, as Argo Rollouts shows past the last step, not the 0 % of a canary that no longer exists.
 */
function currentWeight(state: ReleaseState, stable: Deployment, canary: Deployment | undefined, routedWeight: number | undefined): number {
  if (state.phase === 'Healthy') return 100
  return state.traffic === 'replicas' ? actualWeight(availableReplicas(canary), availableReplicas(stable)) : Math.round(routedWeight ?? 0)
}

function analysisStatus({analysis, lastAnalysis}: ReleaseState): AnalysisStatus {
  return {failureLimit: analysis?.failureLimit ?? 0, gates: (analysis?.gates ?? []).map(gateLabel), ...(lastAnalysis ? {last: lastAnalysis} : {})}
}

/** Replicas, readiness and images of one side (also blue/green's). */
export function sideStatus(deployment: Deployment): SideStatus {
  return {
    name: deployment.metadata.name,
    replicas: specReplicas(deployment),
    ready: deployment.status?.readyReplicas ?? 0,
    available: availableReplicas(deployment),
    images: (deployment.spec.template.spec?.containers ?? []).map((container) => container.image ?? ''),
  }
}
