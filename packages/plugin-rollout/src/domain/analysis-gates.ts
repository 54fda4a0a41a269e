import {evaluateSample} from './analysis-verdict.js'
import type {AnalysisSample} from './analysis-verdict.js'
import type {AnalysisOutcome} from './release-plan-types.js'
import type {ReleaseState} from './release-state.js'

/**
 * A check run at the end of each step (after its pause), before the next step or the promotion.
 * Stored in the release state, so a `resume` from another machine runs the same gates.
 */
export type AnalysisGate =
  /** An instant query (Prometheus HTTP API /api/v1/query); its value must lie within [min, max]. */
  | {kind: 'prometheus'; url: string; query: string; min?: number; max?: number; timeoutMs: number}
  /** A command run by /bin/sh; exit 0 passes. */
  | {kind: 'check'; command: string; timeoutMs: number}

/** One gate's result in one analysis round. */
export interface GateResult {
  gate: string
  passed: boolean
  value?: number
  reason: string
}

/** The latest analysis round, recorded in the state and shown by `status`. */
export interface AnalysisRecord {
  at: Date
  /** 0-based index of the step the round ended. */
  step: number
  passed: boolean
  results: GateResult[]
}

/** How a check command ended. */
export type CheckExit = {kind: 'exited'; code: number} | {kind: 'timedOut'} | {kind: 'failedToStart'; error: string}

/** What a user reads for a gate: the query or the command, never the server's URL (it may carry secrets in its path). */
export function gateLabel(gate: AnalysisGate): string {
  return gate.kind === 'prometheus' ? `prometheus ${gate.query}` : `check ${gate.command}`
}

/** A Prometheus gate's result from the query's values, or from the reason the query failed (a failed check, as in Flagger). */
export function prometheusGateResult(gate: Extract<AnalysisGate, {kind: 'prometheus'}>, sample: AnalysisSample | {error: string}): GateResult {
  if ('error' in sample) return {gate: gateLabel(gate), passed: false, reason: `query failed: ${sample.error}`}
  const outcome = evaluateSample(sample, {...(gate.min === undefined ? {} : {min: gate.min}), ...(gate.max === undefined ? {} : {max: gate.max})})
  // NaN and infinities have no JSON form: the reason carries them.
  const value = outcome.value !== undefined && Number.isFinite(outcome.value) ? {value: outcome.value} : {}
  return {gate: gateLabel(gate), passed: outcome.passed, ...value, reason: outcome.reason}
}

export function checkGateResult(gate: Extract<AnalysisGate, {kind: 'check'}>, exit: CheckExit): GateResult {
  const label = gateLabel(gate)
  switch (exit.kind) {
    case 'exited':
      return {gate: label, passed: exit.code === 0, reason: exit.code === 0 ? 'exit 0' : `exit ${exit.code}`}
    case 'timedOut':
      return {gate: label, passed: false, reason: `timed out after ${gate.timeoutMs / 1000}s`}
    case 'failedToStart':
      return {gate: label, passed: false, reason: `could not run: ${exit.error}`}
  }
}

/** A round passes when every gate passed. */
export function analysisRound(results: GateResult[], step: number, at: Date): AnalysisRecord {
  return {at, step, passed: results.every((result) => result.passed), results}
}

/**
 * A round run by the driver, applied to the release it was run for: recorded as the latest round and
 * turned into the outcome planStep takes. A round of another step or stage (someone promoted or
 * aborted meanwhile) is dropped.
 */
export function applyAnalysisRound(state: ReleaseState, record: AnalysisRecord | undefined): {state: ReleaseState; outcome?: AnalysisOutcome} {
  if (!record || state.stage !== 'analyze' || record.step !== state.stepIndex) return {state}
  const failed = record.results.filter((result) => !result.passed)
  const reason = record.passed ? 'all gates passed' : failed.map((result) => `${result.gate}: ${result.reason}`).join('; ')
  return {state: {...state, lastAnalysis: record}, outcome: {passed: record.passed, reason}}
}

/**
 * When the next round may run: after a failed round of the same step, one interval after it (Flagger's
 * analysis interval); otherwise now. Read from the recorded round, so a resume elsewhere keeps the pace.
 */
export function analysisDueAt(state: ReleaseState, now: Date): Date {
  const last = state.lastAnalysis
  if (!last || last.passed || last.step !== state.stepIndex || !state.analysis) return now
  return new Date(last.at.getTime() + state.analysis.intervalMs)
}
