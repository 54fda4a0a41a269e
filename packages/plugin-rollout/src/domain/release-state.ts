import {KubelineError} from '@kubeline/core'
import {formatPause, parsePause, parseSteps} from './canary-steps.js'
import type {PauseSpec} from './canary-steps.js'
import type {PodTemplateSpec} from './rollout-objects.js'
import {templateHash} from './template-hash.js'
import {encodeAnalysisRecord, readAnalysisGates, readAnalysisRecord} from './analysis-annotations.js'
import type {AnalysisGate, AnalysisRecord} from './analysis-gates.js'
import {parseHpaRecord} from './hpa-bounds.js'
import type {HpaRecord} from './hpa-bounds.js'
import {parseTrafficRoute} from './traffic-route.js'
import type {TrafficRoute} from './traffic-route.js'

/** How the weight reaches users: by replica share, an nginx canary Ingress, or HTTPRoute backend weights. */
export type TrafficMode = 'replicas' | 'nginx' | 'gateway'
export const TRAFFIC_MODES: readonly TrafficMode[] = ['replicas', 'nginx', 'gateway']

/**
 * Progressing: moving toward the current step. Paused: a step pause or a user's `pause`.
 * Promoting: the canary template is being copied into the stable Deployment. Aborting: on the way back
 * to stable only. Aborted/Healthy: finished. Degraded: needs a human (see the message).
 */
export type ReleasePhase = 'Progressing' | 'Paused' | 'Promoting' | 'Aborting' | 'Aborted' | 'Healthy' | 'Degraded'
export const RELEASE_PHASES: readonly ReleasePhase[] = ['Progressing', 'Paused', 'Promoting', 'Aborting', 'Aborted', 'Healthy', 'Degraded']

/** Where the current step is: reaching its weight, pausing after it, or waiting for the analysis gate. */
export type StepStage = 'scale' | 'pause' | 'analyze'
const STEP_STAGES: readonly StepStage[] = ['scale', 'pause', 'analyze']

export interface ReleaseLock {
  holder: string
  expiresAt: Date
}

export interface ReleaseChange {
  at: Date
  by: string
  what: string
}

/** Flagger-style gate settings that must survive a resume from another machine. */
export interface AnalysisPolicy {
  failureLimit: number
  intervalMs: number
  /** What the driver runs at each gate; the state machine only counts the outcomes. */
  gates?: AnalysisGate[]
}

/** Everything a later invocation, from any machine, needs to carry on. */
export interface ReleaseState {
  version: 1
  traffic: TrafficMode
  /** nginx and gateway: the route and Services the weight is set on. */
  route?: TrafficRoute
  /** `--hpa adjust`: the stable Deployment's HPA and its original bounds. */
  hpa?: HpaRecord
  /** Weights in percent; the last one is always 100 (the promotion). */
  steps: number[]
  stepIndex: number
  stage: StepStage
  stepStartedAt: Date
  /** The weight being driven toward: steps[stepIndex], a `set-weight` value, or 0 while aborting. */
  desiredWeight: number
  pause: PauseSpec
  pauseStartedAt?: Date
  /** Set by `pause`, cleared by `resume`: stops progress whatever the stage. */
  userPaused: boolean
  /** The stable Deployment's spec.replicas before the release: restored on promote and abort. */
  originalReplicas: number
  canaryName: string
  /** Kept so that a crash before the canary exists, and `retry` after abort, can recreate it. */
  canaryTemplate: PodTemplateSpec
  canaryTemplateHash: string
  phase: ReleasePhase
  message: string
  analysis?: AnalysisPolicy
  analysisFailures: number
  /** The latest analysis round, shown by status. */
  lastAnalysis?: AnalysisRecord
  /** True once the stable Deployment carries the canary template (same write as this state). */
  promotionApplied: boolean
  lock?: ReleaseLock
  lastChange: ReleaseChange
}

const PREFIX = 'kubeline.dev/rollout-'

/** Every annotation key the state may use, so a caller can remove them all. */
export const RELEASE_ANNOTATION_KEYS = [
  'version', 'traffic', 'steps', 'step-index', 'stage', 'step-started-at', 'weight', 'pause', 'pause-started-at',
  'user-paused', 'original-replicas', 'canary', 'canary-template', 'canary-template-hash', 'phase', 'message',
  'analysis', 'analysis-failures', 'analysis-last', 'promotion-applied', 'lock-holder', 'lock-expires-at', 'changed-at', 'changed-by', 'change',
  'router', 'hpa',
].map((field) => PREFIX + field)

export const RELEASE_STATE_VERSION = '1'

export function encodeState(state: ReleaseState): Record<string, string> {
  const fields: Record<string, string | undefined> = {
    version: RELEASE_STATE_VERSION,
    traffic: state.traffic,
    router: state.route && JSON.stringify(state.route),
    hpa: state.hpa && JSON.stringify(state.hpa),
    steps: state.steps.join(','),
    'step-index': String(state.stepIndex),
    stage: state.stage,
    'step-started-at': state.stepStartedAt.toISOString(),
    weight: String(state.desiredWeight),
    pause: formatPause(state.pause),
    'pause-started-at': state.pauseStartedAt?.toISOString(),
    'user-paused': state.userPaused ? 'true' : undefined,
    'original-replicas': String(state.originalReplicas),
    canary: state.canaryName,
    'canary-template': JSON.stringify(state.canaryTemplate),
    'canary-template-hash': state.canaryTemplateHash,
    phase: state.phase,
    message: state.message === '' ? undefined : state.message,
    analysis: state.analysis && JSON.stringify(state.analysis),
    'analysis-failures': String(state.analysisFailures),
    'analysis-last': state.lastAnalysis && encodeAnalysisRecord(state.lastAnalysis),
    'promotion-applied': state.promotionApplied ? 'true' : undefined,
    'lock-holder': state.lock?.holder,
    'lock-expires-at': state.lock?.expiresAt.toISOString(),
    'changed-at': state.lastChange.at.toISOString(),
    'changed-by': state.lastChange.by,
    change: state.lastChange.what,
  }
  return Object.fromEntries(Object.entries(fields).flatMap(([field, value]) => (value === undefined ? [] : [[PREFIX + field, value]])))
}

/** A JSON merge patch for metadata.annotations: the new state, with null deleting the keys it no longer uses. */
export function stateAnnotationPatch(state: ReleaseState | undefined): Record<string, string | null> {
  const encoded = state ? encodeState(state) : {}
  return Object.fromEntries(RELEASE_ANNOTATION_KEYS.map((key) => [key, encoded[key] ?? null]))
}

/**
 * The release recorded on a stable Deployment, or undefined when there is none. Anything present but
 * unreadable is an error naming the annotation, never a silent default: acting on a half-read state
 * could scale the wrong side.
 */
export function decodeState(annotations: Record<string, string> | undefined): ReleaseState | undefined {
  const read = new AnnotationReader(annotations ?? {})
  const version = read.optional('version')
  if (version === undefined) {
    const stray = RELEASE_ANNOTATION_KEYS.find((key) => annotations?.[key] !== undefined)
    if (stray) throw corrupt(`annotation ${stray} is present but ${PREFIX}version is missing`)
    return undefined
  }
  if (version !== RELEASE_STATE_VERSION) {
    throw corrupt(`annotation ${PREFIX}version is "${version}"; this kubectl-rollout_canary understands version ${RELEASE_STATE_VERSION}`)
  }
  const steps = read.parsed('steps', (text) => {
    const parsed = parseSteps(text)
    return parsed.length === text.split(',').length ? parsed : undefined
  })
  const canaryTemplate = read.parsed('canary-template', parseTemplate)
  const canaryTemplateHash = read.required('canary-template-hash')
  if (templateHash(canaryTemplate) !== canaryTemplateHash) {
    throw corrupt(`annotation ${PREFIX}canary-template does not match ${PREFIX}canary-template-hash "${canaryTemplateHash}"`)
  }
  const stepIndex = read.parsed('step-index', (text) => wholeNumber(text, steps.length - 1))
  const lockHolder = read.optional('lock-holder')
  return {
    version: 1,
    traffic: read.oneOf('traffic', TRAFFIC_MODES),
    route: read.optionalParsed('router', parseTrafficRoute),
    hpa: read.optionalParsed('hpa', parseHpaRecord),
    steps,
    stepIndex,
    stage: read.oneOf('stage', STEP_STAGES),
    stepStartedAt: read.parsed('step-started-at', parseTime),
    desiredWeight: read.parsed('weight', (text) => wholeNumber(text, 100)),
    pause: read.parsed('pause', (text) => parsePause(text)),
    pauseStartedAt: read.optionalParsed('pause-started-at', parseTime),
    userPaused: read.flag('user-paused'),
    originalReplicas: read.parsed('original-replicas', (text) => positiveNumber(text)),
    canaryName: read.required('canary'),
    canaryTemplate,
    canaryTemplateHash,
    phase: read.oneOf('phase', RELEASE_PHASES),
    message: read.optional('message') ?? '',
    analysis: read.optionalParsed('analysis', parseAnalysisPolicy),
    analysisFailures: read.parsed('analysis-failures', (text) => wholeNumber(text, Number.MAX_SAFE_INTEGER)),
    lastAnalysis: read.optionalParsed('analysis-last', readAnalysisRecord),
    promotionApplied: read.flag('promotion-applied'),
    ...(lockHolder === undefined ? {} : {lock: {holder: lockHolder, expiresAt: read.parsed('lock-expires-at', parseTime)}}),
    lastChange: {at: read.parsed('changed-at', parseTime), by: read.required('changed-by'), what: read.required('change')},
  }
}

class AnnotationReader {
  constructor(private readonly annotations: Record<string, string>) {}

  optional(field: string): string | undefined {
    return this.annotations[PREFIX + field]
  }

  required(field: string): string {
    const value = this.optional(field)
    if (value === undefined || value === '') throw corrupt(`annotation ${PREFIX}${field} is missing`)
    return value
  }

  parsed<T>(field: string, parse: (text: string) => T | undefined): T {
    const text = this.required(field)
    let value: T | undefined
    try {
      value = parse(text)
    } catch {
      value = undefined
    }
    if (value === undefined) throw corrupt(`annotation ${PREFIX}${field} has an unreadable value "${text}"`)
    return value
  }

  optionalParsed<T>(field: string, parse: (text: string) => T | undefined): T | undefined {
    return this.optional(field) === undefined ? undefined : this.parsed(field, parse)
  }

  oneOf<T extends string>(field: string, allowed: readonly T[]): T {
    return this.parsed(field, (text) => allowed.find((candidate) => candidate === text))
  }

  flag(field: string): boolean {
    const text = this.optional(field)
    if (text === undefined) return false
    if (text !== 'true') throw corrupt(`annotation ${PREFIX}${field} has an unreadable value "${text}"`)
    return true
  }
}

function wholeNumber(text: string, max: number): number | undefined {
  const value = Number(text)
  return /^\d+$/.test(text) && value <= max ? value : undefined
}

function positiveNumber(text: string): number | undefined {
  const value = wholeNumber(text, Number.MAX_SAFE_INTEGER)
  return value === undefined || value === 0 ? undefined : value
}

function parseTime(text: string): Date | undefined {
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(text)) return undefined
  const date = new Date(text)
  return Number.isNaN(date.getTime()) ? undefined : date
}

function parseTemplate(text: string): PodTemplateSpec | undefined {
  const value: unknown = JSON.parse(text)
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as PodTemplateSpec) : undefined
}

function parseAnalysisPolicy(text: string): AnalysisPolicy | undefined {
  const value: unknown = JSON.parse(text)
  if (value === null || typeof value !== 'object') return undefined
  const {failureLimit, intervalMs, gates} = value as Record<string, unknown>
  const valid = Number.isInteger(failureLimit) && (failureLimit as number) >= 1 && Number.isInteger(intervalMs) && (intervalMs as number) >= 0
  const readGates = gates === undefined ? undefined : readAnalysisGates(gates)
  if (!valid || (gates !== undefined && !readGates)) return undefined
  return {failureLimit: failureLimit as number, intervalMs: intervalMs as number, ...(readGates ? {gates: readGates} : {})}
}

function corrupt(detail: string): KubelineError {
  return new KubelineError('INVALID_OBJECT', `corrupt release state: ${detail}`, {
    fix: `Restore the ${PREFIX}* annotations on the Deployment, or remove them all (kubectl annotate deploy NAME ${PREFIX}version-) and start again.`,
  })
}
