import {describe, expect, test} from 'vitest'
import type {ProbeResult} from './live-probe.js'
import {liveResult, mismatchReason, needsRetry, probeStatus, probeSummary} from './live-probe.js'

const result = (expected: 'allow' | 'deny', live: ProbeResult['live']): ProbeResult => ({
  from: 'x/a',
  to: 'x/b',
  address: '10.0.0.2',
  port: 80,
  protocol: 'TCP',
  expected,
  live,
  status: probeStatus(expected, live),
})

describe('live probe outcomes', () => {
  test.each([
    // expected, attempt, live result, status, retried
    ['allow', {connected: true, message: 'OK'}, 'allow', 'agree', false],
    ['deny', {connected: false, message: 'TIMEOUT'}, 'deny', 'agree', false],
    ['deny', {connected: true, message: 'OK'}, 'allow', 'mismatch', true],
    ['allow', {connected: false, message: 'REFUSED'}, 'deny', 'mismatch', true],
    ['allow', new Error('ImagePullBackOff: agnhost'), 'error', 'error', true],
    ['deny', new Error('pod x/a is not running'), 'error', 'error', true],
  ] as const)('policies say %s, the probe saw %o: %s, %s', (expected, attempt, seen, status, retried) => {
    const live = liveResult(attempt, 1)
    expect(live.result).toBe(seen)
    expect(probeStatus(expected, live)).toBe(status)
    expect(needsRetry(expected, live)).toBe(retried)
  })

  test('the summary counts each status', () => {
    const results = [
      result('allow', {result: 'allow', message: 'OK', attempts: 1}),
      result('deny', {result: 'allow', message: 'OK', attempts: 2}),
      result('deny', {result: 'deny', message: 'TIMEOUT', attempts: 1}),
      result('allow', {result: 'error', message: 'no result', attempts: 2}),
    ]
    expect(probeSummary(results)).toEqual({probes: 4, agree: 2, mismatch: 1, errors: 1})
  })

  test.each([
    ['deny', {result: 'allow', message: 'OK', attempts: 2}, /does the network plugin \(CNI\) enforce NetworkPolicy/],
    ['allow', {result: 'deny', message: 'REFUSED', attempts: 2}, /nothing listens on that port/],
    ['allow', {result: 'deny', message: 'TIMEOUT', attempts: 2}, /blocked by something the policies do not show/],
  ] as const)('a mismatch says why it may happen: policies %s, live %o', (expected, live, reason) => {
    expect(mismatchReason(result(expected, live))).toMatch(reason)
  })
})
