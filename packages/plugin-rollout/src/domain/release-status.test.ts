import {describe, expect, test} from 'vitest'
import {releaseStatus, watchOutcome} from './release-status.js'
import type {WatchOutcome, WatchTarget} from './release-status.js'
import type {ReleasePhase} from './release-state.js'
import {at, deployment, releaseState, T0} from './test-support/release-fixtures.js'

describe('releaseStatus', () => {
  test('replica mode: desired and actual weight, both sides', () => {
    const status = releaseStatus(releaseState({stepIndex: 1, desiredWeight: 50}), deployment('web', 5, 5), deployment('web-canary', 5, 3))
    expect(status).toEqual({
      deployment: 'web', phase: 'Progressing', message: '', traffic: 'replicas', step: 2, steps: 3, desiredWeight: 50, actualWeight: 37,
      stable: {name: 'web', replicas: 5, ready: 5, available: 5, images: ['web:1']},
      canary: {name: 'web-canary', replicas: 5, ready: 3, available: 3, images: ['web:2']},
      analysisFailures: 0, lastChange: {at: T0, by: 'alice@laptop', what: 'start'},
    })
  })

  test.each([
    {name: 'timed pause shows its end', over: {phase: 'Paused' as const, pauseStartedAt: at(10)}, want: at(70)},
    {name: 'manual pause has no end', over: {phase: 'Paused' as const, pauseStartedAt: at(10), pause: {kind: 'manual' as const}}, want: undefined},
    {name: 'user pause has no end', over: {phase: 'Paused' as const, pauseStartedAt: at(10), userPaused: true}, want: undefined},
    {name: 'not paused', over: {pauseStartedAt: at(10)}, want: undefined},
  ])('$name', ({over, want}) => {
    expect(releaseStatus(releaseState(over), deployment('web', 9), deployment('web-canary', 1)).pausedUntil).toEqual(want)
  })

  test.each([
    {name: 'Healthy: the promoted template serves everything (Argo shows 100 past the last step)', over: {phase: 'Healthy' as const, stepIndex: 2, desiredWeight: 100}, canary: undefined, want: 100},
    {name: 'Healthy in a router mode, route back to stable', over: {phase: 'Healthy' as const, traffic: 'nginx' as const, stepIndex: 2, desiredWeight: 100}, canary: undefined, want: 100},
    {name: 'Aborted: no canary, 0', over: {phase: 'Aborted' as const, desiredWeight: 0}, canary: undefined, want: 0},
    {name: 'Promoting, canary still up: its share', over: {phase: 'Promoting' as const, stepIndex: 2, desiredWeight: 100}, canary: deployment('web-canary', 5), want: 50},
  ])('actual weight: $name', ({over, canary, want}) => {
    expect(releaseStatus(releaseState(over), deployment('web', 5), canary).actualWeight).toBe(want)
  })

  test('a gated release shows its gates, the failure limit and the last round', () => {
    const lastAnalysis = {at: at(40), step: 0, passed: false, results: [{gate: 'prometheus errors', passed: false, value: 0.5, reason: '0.5 > max 0.1'}]}
    const gates = [{kind: 'prometheus' as const, url: 'http://prometheus:9090/', query: 'errors', max: 0.1, timeoutMs: 30_000}, {kind: 'check' as const, command: './smoke.sh', timeoutMs: 5000}]
    const status = releaseStatus(releaseState({analysis: {failureLimit: 3, intervalMs: 1000, gates}, analysisFailures: 1, lastAnalysis}), deployment('web', 9), deployment('web-canary', 1))
    expect(status).toMatchObject({analysisFailures: 1, analysis: {failureLimit: 3, gates: ['prometheus errors', 'check ./smoke.sh'], last: lastAnalysis}})
    expect(releaseStatus(releaseState(), deployment('web', 9), undefined).analysis).toBeUndefined()
  })

  // A Deployment named like the canary but not made by this release (plan-step leaves it alone and goes Degraded)
  // is not the canary: showing it would report its pods and images as the release's.
  test('a foreign Deployment with the canary name is not shown as the canary', () => {
    const stranger = {...deployment('web-canary', 2), metadata: {name: 'web-canary', namespace: 'shop'}}
    const status = releaseStatus(releaseState({phase: 'Degraded'}), deployment('web', 10), stranger)
    expect([status.canary, status.actualWeight]).toEqual([undefined, 0])
  })

  test('router mode reports the routed weight; no canary yet', () => {
    const status = releaseStatus(releaseState({traffic: 'gateway'}), deployment('web', 10), undefined, 9.6)
    expect([status.actualWeight, status.canary]).toEqual([10, undefined])
  })
})

describe('watchOutcome', () => {
  test.each<{phase: ReleasePhase; until: WatchTarget; want: WatchOutcome}>([
    {phase: 'Healthy', until: 'healthy', want: 'reached'},
    {phase: 'Healthy', until: 'paused', want: 'reached'},
    {phase: 'Paused', until: 'paused', want: 'reached'},
    {phase: 'Paused', until: 'healthy', want: 'waiting'},
    {phase: 'Progressing', until: 'healthy', want: 'waiting'},
    {phase: 'Promoting', until: 'paused', want: 'waiting'},
    {phase: 'Aborting', until: 'healthy', want: 'waiting'},
    {phase: 'Aborted', until: 'healthy', want: 'failed'},
    {phase: 'Degraded', until: 'paused', want: 'failed'},
  ])('$phase until $until -> $want', ({phase, until, want}) => expect(watchOutcome(phase, until)).toBe(want))
})
