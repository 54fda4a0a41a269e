// A tiny in-memory cluster and driver for the release state machine: it applies plan actions the way
// the services layer must (the growing side first, the state in the same write as the stable
// Deployment), makes pods available on the next `wait`, and can "crash" after the first write of a round.
import {deploymentSurgeBudget} from '../surge-budget.js'
import {planStep} from '../plan-step.js'
import type {AnalysisOutcome, ReleaseAction} from '../release-plan-types.js'
import {decodeState, stateAnnotationPatch} from '../release-state.js'
import type {ReleaseState} from '../release-state.js'
import type {Deployment} from '../rollout-objects.js'

export interface SimCluster {
  stable: Deployment
  canary?: Deployment
  /** Router weight in percent (router modes). */
  weight: number
  now: Date
  /** Every (canary, stable) available count seen after a write, for capacity checks. */
  availability: {canary: number; stable: number}[]
  stableSpecs: number[]
}

export function simCluster(stable: Deployment, state: ReleaseState, now: Date): SimCluster {
  const cluster: SimCluster = {stable: structuredClone(stable), weight: 0, now, availability: [], stableSpecs: []}
  writeState(cluster, state)
  return cluster
}

export function readState(cluster: SimCluster): ReleaseState {
  const state = decodeState(cluster.stable.metadata.annotations)
  if (!state) throw new Error('no release state on the stable Deployment')
  return state
}

export function writeState(cluster: SimCluster, state: ReleaseState): void {
  const annotations: Record<string, string> = {...cluster.stable.metadata.annotations}
  for (const [key, value] of Object.entries(stateAnnotationPatch(state))) {
    if (value === null) delete annotations[key]
    else annotations[key] = value
  }
  cluster.stable.metadata.annotations = annotations
}

export interface DriveOptions {
  actor?: string
  maxRounds?: number
  /** Stop after the first write of this round (0-based), losing the rest of it. */
  crashAtRound?: number
  analysis?: (step: number) => AnalysisOutcome
  /** Pods of the canary never become available (a failing readiness probe). */
  canaryNeverReady?: boolean
}

export type DriveResult = 'Healthy' | 'Aborted' | 'Degraded' | 'paused' | 'crashed'

/** Run the plan loop until done, a manual pause, or the simulated crash. */
export function drive(cluster: SimCluster, options: DriveOptions = {}): DriveResult {
  let analysis: AnalysisOutcome | undefined
  for (let round = 0; round < (options.maxRounds ?? 400); round++) {
    const state = readState(cluster)
    const plan = planStep(state, {
      stable: cluster.stable,
      ...(cluster.canary ? {canary: cluster.canary} : {}),
      ...(state.traffic === 'replicas' ? {} : {traffic: {weight: cluster.weight, accepted: true}}),
      ...(analysis ? {analysis} : {}),
      now: cluster.now,
      actor: options.actor ?? 'driver',
    })
    analysis = undefined
    const writes = writesFor(cluster, plan.actions)
    const stableWrite = () => {
      writeState(cluster, plan.state)
      applyStableActions(cluster, plan.actions)
    }
    const ordered = stableGrows(cluster, plan.actions) ? [stableWrite, ...writes] : [...writes, stableWrite]
    const crashing = options.crashAtRound === round
    for (const write of crashing ? ordered.slice(0, 1) : ordered) {
      write()
      recordAvailability(cluster)
    }
    if (crashing) return 'crashed'
    for (const action of plan.actions) {
      switch (action.kind) {
        case 'wait':
          settle(cluster, options)
          break
        case 'pause':
          if (!action.until) return 'paused'
          cluster.now = action.until
          break
        case 'analyze':
          if (action.notBefore) cluster.now = action.notBefore
          analysis = options.analysis?.(action.step) ?? {passed: true, reason: 'ok'}
          break
        case 'done':
          return action.phase
        default:
          break
      }
    }
  }
  throw new Error('the release did not finish')
}

/** The writes to objects other than the stable Deployment, in action order. */
function writesFor(cluster: SimCluster, actions: ReleaseAction[]): (() => void)[] {
  return actions.flatMap((action): (() => void)[] => {
    switch (action.kind) {
      case 'createCanary':
        return [() => void (cluster.canary = {...structuredClone(action.deployment), metadata: {...action.deployment.metadata, generation: 1}, status: {observedGeneration: 0}})]
      case 'scale':
        return cluster.canary && cluster.canary.spec.replicas !== action.canary ? [() => scaleTo(cluster.canary, action.canary)] : []
      case 'setWeight':
        return [() => void (cluster.weight = action.weight)]
      case 'removeCanary':
        return [() => void (cluster.canary = undefined)]
      default:
        return []
    }
  })
}

function applyStableActions(cluster: SimCluster, actions: ReleaseAction[]): void {
  for (const action of actions) {
    if (action.kind === 'scale' && cluster.stable.spec.replicas !== action.stable) scaleTo(cluster.stable, action.stable)
    if (action.kind === 'promote') {
      cluster.stable.spec.template = structuredClone(action.template)
      cluster.stable.spec.replicas = action.replicas
      cluster.stable.metadata.generation = (cluster.stable.metadata.generation ?? 0) + 1
      cluster.stable.status = {...cluster.stable.status, updatedReplicas: 0}
    }
  }
  cluster.stableSpecs.push(cluster.stable.spec.replicas ?? 1)
}

function stableGrows(cluster: SimCluster, actions: ReleaseAction[]): boolean {
  return actions.some((action) => action.kind === 'scale' && action.stable > (cluster.stable.spec.replicas ?? 1))
}

/** Scaling down removes available pods at once; new pods become available only on settle(). */
function scaleTo(deployment: Deployment | undefined, replicas: number): void {
  if (!deployment) return
  deployment.spec.replicas = replicas
  deployment.metadata.generation = (deployment.metadata.generation ?? 0) + 1
  const status = deployment.status ?? {}
  const available = Math.min(status.availableReplicas ?? 0, replicas)
  deployment.status = {...status, availableReplicas: available, readyReplicas: available}
}

function settle(cluster: SimCluster, options: DriveOptions): void {
  for (const deployment of [cluster.stable, cluster.canary]) {
    if (!deployment) continue
    const replicas = deployment.spec.replicas ?? 1
    const ready = deployment === cluster.canary && options.canaryNeverReady ? 0 : replicas
    deployment.status = {
      replicas,
      updatedReplicas: replicas,
      readyReplicas: ready,
      availableReplicas: ready,
      observedGeneration: deployment.metadata.generation ?? 0,
      ...(ready < replicas ? {conditions: [{type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded'}]} : {}),
    }
  }
  cluster.now = new Date(cluster.now.getTime() + 5000)
}

function recordAvailability(cluster: SimCluster): void {
  cluster.availability.push({canary: cluster.canary?.status?.availableReplicas ?? 0, stable: cluster.stable.status?.availableReplicas ?? 0})
}

/** The least number of available pods the stable Deployment's own budget allows at N. */
export function minimumAvailable(cluster: SimCluster, replicas: number): number {
  return replicas - deploymentSurgeBudget(cluster.stable, replicas).maxUnavailable
}
