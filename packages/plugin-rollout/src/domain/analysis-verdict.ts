import {UsageError} from '@kubeline/core'

/** Flagger's thresholdRange plus its `threshold` (here failureLimit): failed checks before the release aborts. */
export interface AnalysisThresholds {
  min?: number
  max?: number
  failureLimit: number
}

/**
 * One check: the values of one instant query (a Prometheus vector), or for `--check CMD` a single
 * 1 (exit 0) or 0 value against min 1.
 */
export type AnalysisSample = readonly number[]

export interface SampleOutcome {
  passed: boolean
  value?: number
  reason: string
}

/**
 * Flagger's check (pkg/controller/scheduler_metrics.go, pkg/metrics/providers/prometheus.go): no value
 * or NaN is a failure ("no values found": the canary probably gets no traffic); several series leave the
 * last one, as the provider's loop does; a value below min or above max fails; the bounds themselves pass.
 */
export function evaluateSample(sample: AnalysisSample, {min, max}: Omit<AnalysisThresholds, 'failureLimit'>): SampleOutcome {
  const value = sample.at(-1)
  if (value === undefined) return {passed: false, reason: 'no values found'}
  if (Number.isNaN(value)) return {passed: false, value, reason: 'no values found (NaN)'}
  if (min !== undefined && value < min) return {passed: false, value, reason: `${value} < min ${min}`}
  if (max !== undefined && value > max) return {passed: false, value, reason: `${value} > max ${max}`}
  return {passed: true, value, reason: `${value} within ${describeRange(min, max)}`}
}

export interface AnalysisVerdict {
  /** pending: no check yet; passed: the latest check passed; failing: it failed but the limit is not reached; abort: limit reached. */
  verdict: 'pending' | 'passed' | 'failing' | 'abort'
  failures: number
  last?: SampleOutcome
}

/**
 * The verdict over the checks of a release so far, in order. Failed checks accumulate and are not reset
 * by a passing one (Flagger's status.failedChecks); reaching failureLimit aborts even if a later check passed.
 */
export function analysisVerdict(samples: readonly AnalysisSample[], thresholds: AnalysisThresholds): AnalysisVerdict {
  requireThresholds(thresholds)
  const outcomes = samples.map((sample) => evaluateSample(sample, thresholds))
  const failures = outcomes.filter((outcome) => !outcome.passed).length
  const last = outcomes.at(-1)
  if (failures >= thresholds.failureLimit) return {verdict: 'abort', failures, last}
  if (!last) return {verdict: 'pending', failures}
  return {verdict: last.passed ? 'passed' : 'failing', failures, last}
}

/** Exit 2 unless failureLimit is a whole number >= 1 and min/max give a non-empty range. */
export function requireThresholds({min, max, failureLimit}: AnalysisThresholds): void {
  if (!Number.isInteger(failureLimit) || failureLimit < 1) {
    throw new UsageError('INVALID_FLAG', `invalid --failure-limit ${failureLimit}: must be a whole number, 1 or more`)
  }
  if (min === undefined && max === undefined) throw new UsageError('INVALID_FLAG', 'an analysis needs --min or --max (or both)')
  if (min !== undefined && max !== undefined && min > max) throw new UsageError('INVALID_FLAG', `invalid range: --min ${min} is above --max ${max}`)
}

function describeRange(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return `[${min}, ${max}]`
  return min === undefined ? `max ${max}` : `min ${min}`
}
