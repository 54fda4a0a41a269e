import type {Deployment, PodTemplateSpec} from './rollout-objects.js'
import type {ReleaseState} from './release-state.js'

/** What a traffic router gives the canary now (nginx canary Ingress / HTTPRoute weights), in percent. */
export interface TrafficObservation {
  weight: number
  /** False while the router has not confirmed the last change (HTTPRoute status); nginx: always true. */
  accepted: boolean
}

/** The result of the check an earlier plan asked for with {kind: 'analyze'}. */
export interface AnalysisOutcome {
  passed: boolean
  reason: string
}

/** Everything the plan looks at: read fresh from the API before each call. */
export interface ReleaseObservation {
  stable: Deployment
  /** The Deployment named state.canaryName, if it exists. */
  canary?: Deployment
  /** Router modes only. */
  traffic?: TrafficObservation
  analysis?: AnalysisOutcome
  now: Date
  /** Who is driving (user@host, CI job): recorded as the author of state changes. */
  actor: string
}

/**
 * The next things to do, in order. The services layer applies them and calls planStep again with a fresh
 * observation. Writing `state` and the stable Deployment's part of an action must be ONE patch of the
 * stable Deployment (annotations + spec), guarded by its resourceVersion: that is what makes a crash at
 * any point resumable.
 */
export type ReleaseAction =
  /** Create this Deployment (and, with a router, the canary Service and Ingress / backendRef at weight 0). */
  | {kind: 'createCanary'; deployment: Deployment}
  | {kind: 'scale'; canary: number; stable: number}
  /** Router modes: set the canary's traffic weight in percent. */
  | {kind: 'setWeight'; weight: number}
  /** Nothing to write: watch the Deployments (and route) until something changes. */
  | {kind: 'wait'; reason: string}
  /** Run the analysis gate (not before `notBefore`) and call planStep with its outcome. */
  | {kind: 'analyze'; step: number; notBefore?: Date}
  /** A step pause: until a time, or (no `until`) until someone runs `resume`. */
  | {kind: 'pause'; reason: string; until?: Date}
  /** Copy this template into the stable Deployment and set its replicas, in the same patch as the state. */
  | {kind: 'promote'; template: PodTemplateSpec; replicas: number}
  /** Delete the canary Deployment and, with a router, its Service and Ingress / backendRef. */
  | {kind: 'removeCanary'}
  /** A notice: the release is being aborted for this reason (report it; exit 3 once Aborted). */
  | {kind: 'abort'; reason: string}
  | {kind: 'done'; phase: 'Healthy' | 'Aborted' | 'Degraded'}

export interface ReleasePlan {
  state: ReleaseState
  actions: ReleaseAction[]
}
