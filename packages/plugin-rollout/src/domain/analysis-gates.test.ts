import {describe, expect, test} from 'vitest'
import {analysisDueAt, analysisRound, applyAnalysisRound, checkGateResult, gateLabel, prometheusGateResult} from './analysis-gates.js'
import type {AnalysisGate, AnalysisRecord, CheckExit, GateResult} from './analysis-gates.js'
import {at, releaseState} from './test-support/release-fixtures.js'

const prometheus = (range: {min?: number; max?: number}): Extract<AnalysisGate, {kind: 'prometheus'}> => ({
  kind: 'prometheus', url: 'http://prometheus:9090/', query: 'success_ratio', ...range, timeoutMs: 30_000,
})
const smoke: Extract<AnalysisGate, {kind: 'check'}> = {kind: 'check', command: './smoke.sh', timeoutMs: 5_000}

describe('prometheusGateResult: Flagger semantics (pkg/controller/scheduler_metrics.go)', () => {
  test.each([
    {name: 'empty vector: no values found', range: {min: 0.99}, sample: [], want: {passed: false, reason: 'no values found'}},
    {name: 'NaN: no values found, no value kept (no JSON form)', range: {min: 0.99}, sample: [Number.NaN], want: {passed: false, reason: 'no values found (NaN)'}},
    {name: 'min itself passes', range: {min: 0.99}, sample: [0.99], want: {passed: true, value: 0.99, reason: '0.99 within min 0.99'}},
    {name: 'just below min fails', range: {min: 0.99}, sample: [0.9899], want: {passed: false, value: 0.9899, reason: '0.9899 < min 0.99'}},
    {name: 'max itself passes', range: {max: 500}, sample: [500], want: {passed: true, value: 500, reason: '500 within max 500'}},
    {name: 'just above max fails', range: {max: 500}, sample: [500.1], want: {passed: false, value: 500.1, reason: '500.1 > max 500'}},
    {name: '+Inf above max fails without a value', range: {max: 1}, sample: [Number.POSITIVE_INFINITY], want: {passed: false, reason: 'Infinity > max 1'}},
    {name: 'inside [min, max]', range: {min: 0, max: 1}, sample: [0.5], want: {passed: true, value: 0.5, reason: '0.5 within [0, 1]'}},
    {name: 'several series: the last counts', range: {min: 1}, sample: [0, 2], want: {passed: true, value: 2, reason: '2 within min 1'}},
  ])('$name', ({range, sample, want}) => {
    expect(prometheusGateResult(prometheus(range), sample)).toEqual({gate: 'prometheus success_ratio', ...want})
  })

  test('a failed query is a failed check, not a crash', () => {
    expect(prometheusGateResult(prometheus({min: 1}), {error: 'bad_data: parse error'})).toEqual({gate: 'prometheus success_ratio', passed: false, reason: 'query failed: bad_data: parse error'})
  })
})

describe('checkGateResult', () => {
  test.each<{exit: CheckExit; passed: boolean; reason: string}>([
    {exit: {kind: 'exited', code: 0}, passed: true, reason: 'exit 0'},
    {exit: {kind: 'exited', code: 1}, passed: false, reason: 'exit 1'},
    {exit: {kind: 'exited', code: 137}, passed: false, reason: 'exit 137'},
    {exit: {kind: 'timedOut'}, passed: false, reason: 'timed out after 5s'},
    {exit: {kind: 'failedToStart', error: 'spawn /bin/sh ENOENT'}, passed: false, reason: 'could not run: spawn /bin/sh ENOENT'},
  ])('$exit.kind $exit.code', ({exit, passed, reason}) => {
    expect(checkGateResult(smoke, exit)).toEqual({gate: 'check ./smoke.sh', passed, reason})
  })
})

test('gateLabel shows the query or the command, never the URL', () => {
  expect(gateLabel(prometheus({min: 1}))).toBe('prometheus success_ratio')
  expect(gateLabel(smoke)).toBe('check ./smoke.sh')
})

const pass: GateResult = {gate: 'check a', passed: true, reason: 'exit 0'}
const fail: GateResult = {gate: 'prometheus q', passed: false, reason: 'no values found'}

describe('analysisRound', () => {
  test.each([
    {name: 'every gate passed', results: [pass, pass], passed: true},
    {name: 'one failed', results: [pass, fail], passed: false},
    {name: 'no gates: nothing failed', results: [], passed: true},
  ])('$name', ({results, passed}) => expect(analysisRound(results, 1, at(5))).toEqual({at: at(5), step: 1, passed, results}))
})

describe('applyAnalysisRound', () => {
  const failed: AnalysisRecord = {at: at(5), step: 1, passed: false, results: [pass, fail, {...fail, gate: 'check b', reason: 'exit 1'}]}
  test.each([
    {name: 'no round', state: {stage: 'analyze' as const, stepIndex: 1}, record: undefined, outcome: undefined},
    {name: 'a failed round at its step: the failed gates are the reason', state: {stage: 'analyze' as const, stepIndex: 1}, record: failed,
      outcome: {passed: false, reason: 'prometheus q: no values found; check b: exit 1'}},
    {name: 'a passed round', state: {stage: 'analyze' as const, stepIndex: 1}, record: {...failed, passed: true, results: [pass]}, outcome: {passed: true, reason: 'all gates passed'}},
    {name: 'a round of another step is dropped', state: {stage: 'analyze' as const, stepIndex: 2}, record: failed, outcome: undefined},
    {name: 'a round after someone moved the release on (stage scale) is dropped', state: {stage: 'scale' as const, stepIndex: 1}, record: failed, outcome: undefined},
  ])('$name', ({state, record, outcome}) => {
    const applied = applyAnalysisRound(releaseState(state), record)
    expect(applied.outcome).toEqual(outcome)
    expect(applied.state.lastAnalysis).toEqual(outcome ? record : undefined)
  })
})

describe('analysisDueAt: the interval after a failed round', () => {
  const analysis = {failureLimit: 3, intervalMs: 10_000}
  test.each([
    {name: 'no round yet: now', state: {analysis, stepIndex: 1}, want: at(100)},
    {name: 'after a failed round of this step: one interval later', state: {analysis, stepIndex: 1, lastAnalysis: {at: at(95), step: 1, passed: false, results: []}}, want: at(105)},
    {name: 'an interval long past: its end (in the past)', state: {analysis, stepIndex: 1, lastAnalysis: {at: at(50), step: 1, passed: false, results: []}}, want: at(60)},
    {name: 'after a passed round: now', state: {analysis, stepIndex: 1, lastAnalysis: {at: at(95), step: 1, passed: true, results: []}}, want: at(100)},
    {name: 'a failed round of an earlier step: now', state: {analysis, stepIndex: 2, lastAnalysis: {at: at(95), step: 1, passed: false, results: []}}, want: at(100)},
  ])('$name', ({state, want}) => expect(analysisDueAt(releaseState(state), at(100))).toEqual(want))
})
