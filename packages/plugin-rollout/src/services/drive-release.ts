import {KubelineError} from '@kubeline/core'
import type {KubeClient} from '@kubeline/core'
import {analysisDueAt, applyAnalysisRound} from '../domain/analysis-gates.js'
import type {AnalysisRecord} from '../domain/analysis-gates.js'
import {planStep} from '../domain/plan-step.js'
import type {ChangeContext} from '../domain/release-commands.js'
import type {ReleaseAction} from '../domain/release-plan-types.js'
import {acquireLock} from '../domain/release-lock.js'
import type {ReleaseState} from '../domain/release-state.js'
import {applyReleasePlan, patchStable} from './apply-release-plan.js'
import {isConflict, readReleaseObjects, requireState} from './release-objects.js'
import {runAnalysisGates} from './run-analysis-gates.js'
import {trafficRouterFor} from './traffic-router.js'
import type {TrafficRouter} from './traffic-router.js'
import type {ReleaseObjects} from './release-objects.js'
import {waitForChange} from './wait-for-change.js'
import {releaseProgressLine} from '../domain/release-progress-line.js'
import type {WatchedDeployment} from './wait-for-change.js'

/** The lock a driver holds while it works; renewed when half of it is left. */
export const LOCK_TTL_MS = 60_000

/**
 * `step`: stop at the next pause, or, with no pause to stop at, once the current step's weight is reached,
 * before moving on (commands without --wait).
 * `finish`: carry on through timed pauses to Healthy, Aborted or Degraded; stop at a manual pause.
 */
export type DriveMode = 'step' | 'finish'

export interface DriveOptions {
  name: string
  namespace: string
  mode: DriveMode
  /** 0: no limit. */
  timeoutMs: number
  actor: string
  /** Take the lock over from another holder (--force). */
  force?: boolean
  /** A user's change (set-weight, promote, ...), recorded in the same write as the first plan it leads to. */
  change?: (state: ReleaseState, context: ChangeContext) => ReleaseState
  onProgress?: (line: string) => void
}

/**
 * Drive a recorded release: read, plan, write, wait, again, until the mode's stopping point. Each round
 * reads fresh objects, so another driver or a user command writing in between (a 409 on our write)
 * only costs a round. Throws TIMEOUT (exit 1) when the time is up.
 */
export async function driveRelease(kube: KubeClient, options: DriveOptions): Promise<ReleaseObjects> {
  const {name, namespace, actor} = options
  const deadline = options.timeoutMs > 0 ? new Date(Date.now() + options.timeoutMs) : undefined
  let drivenStep: number | undefined
  let lastReason = ''
  let change = options.change
  let round: AnalysisRecord | undefined
  for (;;) {
    const observed = await readReleaseObjects(kube, name, namespace)
    const now = new Date()
    const requested = change ? change(requireState(observed), {now, actor}) : requireState(observed)
    const {state: recorded, outcome} = applyAnalysisRound(withLock(requested, now, options), round)
    const router = trafficRouterFor(kube, namespace, recorded)
    const traffic = await router?.observe()
    const plan = planStep(recorded, {stable: observed.stable, ...(observed.canary ? {canary: observed.canary} : {}), ...(outcome ? {analysis: outcome} : {}), ...(traffic ? {traffic} : {}), now, actor})
    const work = plan.actions.find((action) => action.kind !== 'abort') as ReleaseAction
    if (options.mode === 'step' && drivenStep !== undefined && plan.state.stepIndex !== drivenStep) {
      return await letGo(kube, observed, actor)
    }
    if (['createCanary', 'scale', 'wait'].includes(work.kind) && plan.state.phase === 'Progressing') drivenStep = plan.state.stepIndex
    for (const action of plan.actions) if (action.kind === 'abort') options.onProgress?.(releaseProgressLine(action, name, plan.state))
    const stop = stopsHere(work, options.mode)
    let written: boolean
    try {
      // Stopping here: the lock goes in the same write, not one more.
      written = await applyReleasePlan(kube, observed, stop ? withoutLockOf(plan.state, actor) : plan.state, plan.actions, router)
    } catch (err) {
      if (isConflict(err)) continue
      throw err
    }
    change = undefined
    round = undefined
    if (stop) return await letGo(kube, await readReleaseObjects(kube, name, namespace), actor)
    const reason = releaseProgressLine(work, name, plan.state)
    if (reason !== lastReason) options.onProgress?.(reason)
    lastReason = reason
    if (deadline && Date.now() >= deadline.getTime()) throw timedOut(options.timeoutMs, reason)
    if (written) continue
    if (work.kind === 'analyze' && analysisDueAt(plan.state, new Date()) <= new Date()) {
      round = await runAnalysisGates(plan.state, {namespace, deployment: name}, (line) => options.onProgress?.(line))
      continue
    }
    const until = work.kind === 'pause' && work.until ? work.until : work.kind === 'analyze' ? analysisDueAt(plan.state, new Date()) : new Date(Date.now() + 30_000)
    const stopAt = deadline && deadline < until ? deadline : until
    await waitForChange(kube, namespace, watchedOf(observed, plan.state, router), stopAt)
  }
}

function stopsHere(work: ReleaseAction, mode: DriveMode): boolean {
  if (work.kind === 'done') return true
  if (work.kind === 'pause') return mode === 'step' || work.until === undefined
  return false
}

/** The recorded state with our lock: kept while more than half is left, else renewed; refused if someone else holds it. */
function withLock(state: ReleaseState, now: Date, {actor, force = false, onProgress}: DriveOptions): ReleaseState {
  const current = state.lock
  if (current?.holder === actor && current.expiresAt.getTime() - now.getTime() > LOCK_TTL_MS / 2) return state
  const decision = acquireLock(state, actor, now, LOCK_TTL_MS, force)
  if (decision.kind === 'takenOver') onProgress?.(`took the lock over from ${decision.previous.holder} (--force)`)
  if (decision.kind === 'refused') {
    throw new KubelineError('CONFLICT', `the release is being driven by ${decision.holder} (lock held until ${decision.until.toISOString()})`, {
      fix: 'Wait for that command to finish or for its lock to expire, or take the lock over with --force.',
    })
  }
  return {...state, lock: decision.lock}
}

function withoutLockOf(state: ReleaseState, actor: string): ReleaseState {
  if (state.lock?.holder !== actor) return state
  const {lock: _lock, ...unlocked} = state
  return unlocked
}

/** Drop our lock from the recorded state, so that someone else can drive at once. */
async function letGo(kube: KubeClient, observed: ReleaseObjects, actor: string): Promise<ReleaseObjects> {
  const state = observed.state
  if (state?.lock?.holder !== actor) return observed
  try {
    await patchStable(kube, observed, withoutLockOf(state, actor))
  } catch (err) {
    if (!isConflict(err)) throw err
  }
  return await readReleaseObjects(kube, observed.stable.metadata.name, observed.stable.metadata.namespace as string)
}

/** Both Deployments, and the route while a router's status may change (a Gateway controller accepting a weight). */
function watchedOf(observed: ReleaseObjects, state: ReleaseState, router: TrafficRouter | undefined): WatchedDeployment[] {
  const route = router?.watched()
  return [
    ...(route ? [route] : []),
    {name: observed.stable.metadata.name, resourceVersion: observed.stable.metadata.resourceVersion},
    {name: state.canaryName, ...(observed.canary ? {resourceVersion: observed.canary.metadata.resourceVersion} : {})},
  ]
}

function timedOut(timeoutMs: number, reason: string): KubelineError {
  return new KubelineError('TIMEOUT', `timed out after ${timeoutMs / 1000}s: ${reason}`, {fix: 'The release is recorded on the Deployment: run status to see it, resume --wait to carry on, or abort.'})
}
