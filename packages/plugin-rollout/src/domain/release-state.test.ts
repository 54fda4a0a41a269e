import {describe, expect, test} from 'vitest'
import {decodeState, encodeState, RELEASE_ANNOTATION_KEYS, stateAnnotationPatch} from './release-state.js'
import type {ReleaseState} from './release-state.js'
import {at, releaseState} from './test-support/release-fixtures.js'

describe('encodeState / decodeState', () => {
  const variants: {name: string; state: ReleaseState}[] = [
    {name: 'fresh start', state: releaseState()},
    {name: 'paused with a manual pause', state: releaseState({phase: 'Paused', stage: 'pause', pause: {kind: 'manual'}, pauseStartedAt: at(30)})},
    {name: 'user paused, locked', state: releaseState({userPaused: true, phase: 'Paused', lock: {holder: 'ci-42', expiresAt: at(300)}})},
    {name: 'gated with failures', state: releaseState({analysis: {failureLimit: 3, intervalMs: 60_000}, analysisFailures: 2, stage: 'analyze'})},
    {name: 'promoting, applied', state: releaseState({phase: 'Promoting', stepIndex: 2, desiredWeight: 100, promotionApplied: true})},
    {name: 'aborting with a message', state: releaseState({phase: 'Aborting', desiredWeight: 0, message: 'analysis failed: 0.91 < 0.99'})},
    {name: 'nginx traffic', state: releaseState({traffic: 'nginx', steps: [0, 100], desiredWeight: 0})},
    {name: 'sub-second pause', state: releaseState({pause: {kind: 'duration', ms: 250}})},
    {name: 'nginx route', state: releaseState({traffic: 'nginx', route: {mode: 'nginx', stableService: 'web', canaryService: 'web-canary', ingress: 'shop', weightTotal: 1000}})},
    {name: 'gateway route', state: releaseState({traffic: 'gateway', route: {mode: 'gateway', stableService: 'web', canaryService: 'web-canary', httpRoute: 'shop', routeStatus: 'ignore'}})},
    {name: 'adjusted HPA', state: releaseState({hpa: {name: 'web', minReplicas: 2, maxReplicas: 8}})},
    {name: 'gates and the last round', state: releaseState({
      analysis: {failureLimit: 2, intervalMs: 1000, gates: [
        {kind: 'prometheus', url: 'http://prometheus:9090/', query: 'sum(rate(errors[1m]))', max: 0.1, timeoutMs: 30_000},
        {kind: 'check', command: './smoke.sh "$KUBELINE_CANARY"', timeoutMs: 5000},
      ]},
      analysisFailures: 1,
      lastAnalysis: {at: at(40), step: 1, passed: false, results: [{gate: 'prometheus sum(rate(errors[1m]))', passed: false, value: 0.5, reason: '0.5 > max 0.1'}, {gate: 'check ./smoke.sh', passed: true, reason: 'exit 0'}]},
    })},
  ]
  test.each(variants)('round-trips: $name', ({state}) => {
    expect(decodeState(encodeState(state))).toEqual(state)
  })

  test('writes readable kubeline.dev annotations', () => {
    const encoded = encodeState(releaseState({lock: {holder: 'ci-42', expiresAt: at(300)}}))
    expect(encoded).toMatchObject({
      'kubeline.dev/rollout-version': '1',
      'kubeline.dev/rollout-steps': '10,50,100',
      'kubeline.dev/rollout-step-index': '0',
      'kubeline.dev/rollout-weight': '10',
      'kubeline.dev/rollout-original-replicas': '10',
      'kubeline.dev/rollout-pause': '60s',
      'kubeline.dev/rollout-phase': 'Progressing',
      'kubeline.dev/rollout-lock-holder': 'ci-42',
      'kubeline.dev/rollout-lock-expires-at': '2026-11-24T10:05:00.000Z',
      'kubeline.dev/rollout-changed-by': 'alice@laptop',
    })
    expect(Object.keys(encoded).every((key) => RELEASE_ANNOTATION_KEYS.includes(key))).toBe(true)
    expect(encoded).not.toHaveProperty('kubeline.dev/rollout-user-paused')
  })

  test('no annotations, or only foreign ones: no release', () => {
    expect(decodeState(undefined)).toBeUndefined()
    expect(decodeState({'deployment.kubernetes.io/revision': '3'})).toBeUndefined()
  })
})

describe('stateAnnotationPatch', () => {
  test('nulls the keys the state does not use, so a merge patch removes them', () => {
    const patch = stateAnnotationPatch(releaseState())
    expect(patch['kubeline.dev/rollout-lock-holder']).toBeNull()
    expect(patch['kubeline.dev/rollout-phase']).toBe('Progressing')
    expect(Object.keys(patch)).toHaveLength(RELEASE_ANNOTATION_KEYS.length)
  })
  test('without a state, removes everything', () => {
    expect(Object.values(stateAnnotationPatch(undefined)).every((value) => value === null)).toBe(true)
  })
})

describe('decodeState rejects corrupt annotations', () => {
  const good = encodeState(releaseState({pauseStartedAt: at(1), lock: {holder: 'x', expiresAt: at(2)}}))
  const key = (field: string): string => `kubeline.dev/rollout-${field}`
  const rows: {name: string; change: Record<string, string | undefined>; message: RegExp}[] = [
    {name: 'unknown version', change: {[key('version')]: '2'}, message: /rollout-version is "2"; this kubectl-rollout_canary understands version 1/},
    {name: 'state without version', change: {[key('version')]: undefined}, message: /is present but kubeline.dev\/rollout-version is missing/},
    {name: 'missing phase', change: {[key('phase')]: undefined}, message: /rollout-phase is missing/},
    {name: 'unknown phase', change: {[key('phase')]: 'Exploded'}, message: /rollout-phase has an unreadable value "Exploded"/},
    {name: 'unknown traffic', change: {[key('traffic')]: 'istio'}, message: /rollout-traffic has an unreadable value "istio"/},
    {name: 'steps not increasing', change: {[key('steps')]: '50,10,100'}, message: /rollout-steps has an unreadable value "50,10,100"/},
    {name: 'steps without final 100', change: {[key('steps')]: '10,50'}, message: /rollout-steps has an unreadable value "10,50"/},
    {name: 'step index past the end', change: {[key('step-index')]: '3'}, message: /rollout-step-index has an unreadable value "3"/},
    {name: 'weight over 100', change: {[key('weight')]: '150'}, message: /rollout-weight has an unreadable value "150"/},
    {name: 'zero original replicas', change: {[key('original-replicas')]: '0'}, message: /rollout-original-replicas has an unreadable value "0"/},
    {name: 'negative failures', change: {[key('analysis-failures')]: '-1'}, message: /rollout-analysis-failures has an unreadable value "-1"/},
    {name: 'bad time', change: {[key('changed-at')]: 'yesterday'}, message: /rollout-changed-at has an unreadable value "yesterday"/},
    {name: 'non-UTC time', change: {[key('pause-started-at')]: '2026-11-24T10:00:00+01:00'}, message: /rollout-pause-started-at has an unreadable value/},
    {name: 'bad pause', change: {[key('pause')]: 'soon'}, message: /rollout-pause has an unreadable value "soon"/},
    {name: 'template not JSON', change: {[key('canary-template')]: '{oops'}, message: /rollout-canary-template has an unreadable value/},
    {name: 'template edited by hand', change: {[key('canary-template')]: '{"spec":{}}'}, message: /canary-template does not match .*canary-template-hash/},
    {name: 'lock holder without expiry', change: {[key('lock-expires-at')]: undefined}, message: /rollout-lock-expires-at is missing/},
    {name: 'flag with another value', change: {[key('user-paused')]: 'yes'}, message: /rollout-user-paused has an unreadable value "yes"/},
    {name: 'analysis limit 0', change: {[key('analysis')]: '{"failureLimit":0,"intervalMs":1000}'}, message: /rollout-analysis has an unreadable value/},
    {name: 'gate of an unknown kind', change: {[key('analysis')]: '{"failureLimit":1,"intervalMs":1000,"gates":[{"kind":"webhook","timeoutMs":1000}]}'}, message: /rollout-analysis has an unreadable value/},
    {name: 'prometheus gate without a range', change: {[key('analysis')]: '{"failureLimit":1,"intervalMs":1000,"gates":[{"kind":"prometheus","url":"http://p/","query":"up","timeoutMs":1000}]}'}, message: /rollout-analysis has an unreadable value/},
    {name: 'check gate without a command', change: {[key('analysis')]: '{"failureLimit":1,"intervalMs":1000,"gates":[{"kind":"check","command":"","timeoutMs":1000}]}'}, message: /rollout-analysis has an unreadable value/},
    {name: 'last round not JSON', change: {[key('analysis-last')]: 'passed'}, message: /rollout-analysis-last has an unreadable value "passed"/},
    {name: 'last round with a bad time', change: {[key('analysis-last')]: '{"at":"soon","step":0,"passed":true,"results":[]}'}, message: /rollout-analysis-last has an unreadable value/},
    {name: 'last round with a bad result', change: {[key('analysis-last')]: '{"at":"2026-11-24T10:00:00.000Z","step":0,"passed":true,"results":[{"gate":"x"}]}'}, message: /rollout-analysis-last has an unreadable value/},
    {name: 'empty canary name', change: {[key('canary')]: ''}, message: /rollout-canary is missing/},
    {name: 'router of an unknown mode', change: {[key('router')]: '{"mode":"istio","stableService":"web","canaryService":"web-canary"}'}, message: /rollout-router has an unreadable value/},
    {name: 'gateway router without a route', change: {[key('router')]: '{"mode":"gateway","stableService":"web","canaryService":"web-canary","routeStatus":"wait"}'}, message: /rollout-router has an unreadable value/},
    {name: 'HPA with maxReplicas 0', change: {[key('hpa')]: '{"name":"web","minReplicas":1,"maxReplicas":0}'}, message: /rollout-hpa has an unreadable value/},
  ]
  test.each(rows)('$name', ({change, message}) => {
    const annotations = Object.fromEntries(Object.entries({...good, ...change}).filter((entry): entry is [string, string] => entry[1] !== undefined))
    expect(() => decodeState(annotations)).toThrow(message)
    expect(() => decodeState(annotations)).toThrow(expect.objectContaining({code: 'INVALID_OBJECT', exitCode: 2}))
  })
})
