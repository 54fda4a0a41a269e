import {describe, expect, test} from 'vitest'
import {analysisVerdict, evaluateSample} from './analysis-verdict.js'

describe('evaluateSample', () => {
  test.each([
    {name: 'empty vector fails', sample: [], range: {min: 99}, want: {passed: false, reason: 'no values found'}},
    {name: 'NaN fails', sample: [Number.NaN], range: {min: 99}, want: {passed: false, value: Number.NaN, reason: 'no values found (NaN)'}},
    {name: 'below min fails', sample: [98.5], range: {min: 99}, want: {passed: false, value: 98.5, reason: '98.5 < min 99'}},
    {name: 'min itself passes', sample: [99], range: {min: 99}, want: {passed: true, value: 99, reason: '99 within min 99'}},
    {name: 'above max fails', sample: [501], range: {max: 500}, want: {passed: false, value: 501, reason: '501 > max 500'}},
    {name: 'max itself passes', sample: [500], range: {max: 500}, want: {passed: true, value: 500, reason: '500 within max 500'}},
    {name: 'inside a range', sample: [0.5], range: {min: 0, max: 1}, want: {passed: true, value: 0.5, reason: '0.5 within [0, 1]'}},
    {name: 'several series: the last counts', sample: [10, 100], range: {min: 99}, want: {passed: true, value: 100, reason: '100 within min 99'}},
    {name: 'Infinity above max', sample: [Number.POSITIVE_INFINITY], range: {max: 1}, want: {passed: false, value: Number.POSITIVE_INFINITY, reason: 'Infinity > max 1'}},
    {name: 'negative below min 0', sample: [-1], range: {min: 0}, want: {passed: false, value: -1, reason: '-1 < min 0'}},
  ])('$name', ({sample, range, want}) => expect(evaluateSample(sample, range)).toEqual(want))
})

describe('analysisVerdict', () => {
  const good = [99.9]
  const bad = [90]
  test.each([
    {name: 'no checks yet', samples: [], limit: 2, verdict: 'pending', failures: 0},
    {name: 'one pass', samples: [good], limit: 1, verdict: 'passed', failures: 0},
    {name: 'limit 1: first failure aborts', samples: [bad], limit: 1, verdict: 'abort', failures: 1},
    {name: 'limit 3: one failure keeps going', samples: [bad], limit: 3, verdict: 'failing', failures: 1},
    {name: 'failure then pass: passed, failure remembered', samples: [bad, good], limit: 3, verdict: 'passed', failures: 1},
    {name: 'failures accumulate across passes', samples: [bad, good, bad, good, bad], limit: 3, verdict: 'abort', failures: 3},
    {name: 'empty results count as failures', samples: [[], [], good], limit: 2, verdict: 'abort', failures: 2},
    {name: 'NaN counts as a failure', samples: [[Number.NaN]], limit: 2, verdict: 'failing', failures: 1},
    {name: 'all good, long run', samples: [good, good, good, good], limit: 1, verdict: 'passed', failures: 0},
  ])('$name', ({samples, limit, verdict, failures}) => {
    const got = analysisVerdict(samples, {min: 99, failureLimit: limit})
    expect(got.verdict).toBe(verdict)
    expect(got.failures).toBe(failures)
  })

  test.each([
    {name: 'limit 0', thresholds: {min: 1, failureLimit: 0}, message: /invalid --failure-limit 0/},
    {name: 'fractional limit', thresholds: {min: 1, failureLimit: 1.5}, message: /invalid --failure-limit 1.5/},
    {name: 'no bounds', thresholds: {failureLimit: 1}, message: /needs --min or --max/},
    {name: 'min above max', thresholds: {min: 5, max: 1, failureLimit: 1}, message: /--min 5 is above --max 1/},
  ])('rejects $name', ({thresholds, message}) => {
    expect(() => analysisVerdict([], thresholds)).toThrow(message)
  })
})
