import {describe, expect, test} from 'vitest'
import {abortRelease, parseWeight, pauseRelease, promoteRelease, resumeRelease, retryRelease, setReleaseWeight, startRelease} from './release-commands.js'
import type {StartReleaseInput} from './release-commands.js'
import type {ReleasePhase, ReleaseState} from './release-state.js'
import {canaryDeployment} from './canary-deployment.js'
import {templateHash} from './template-hash.js'
import {at, deployment, releaseState, T0} from './test-support/release-fixtures.js'

const context = {now: at(100), actor: 'erin'}

describe('startRelease', () => {
  const input = (over: Partial<StartReleaseInput> = {}): StartReleaseInput => ({
    stable: deployment('web', 6), existing: undefined, template: {spec: {containers: [{name: 'web', image: 'web:2'}]}}, serviceSelector: {app: 'web', tier: 'front'},
    steps: [20, 60, 100], pause: {kind: 'manual'}, traffic: 'replicas', now: T0, actor: 'alice', ...over,
  })

  test('records the plan, the original replicas and the canary template', () => {
    const state = startRelease(input())
    expect(state).toMatchObject({phase: 'Progressing', stage: 'scale', stepIndex: 0, desiredWeight: 20, originalReplicas: 6, canaryName: 'web-canary', analysisFailures: 0, lastChange: {at: T0, by: 'alice', what: 'start'}})
    expect(state.canaryTemplate.metadata?.labels).toEqual({app: 'web', tier: 'front', 'kubeline.dev/track': 'canary'})
    expect(state.canaryTemplateHash).toBe(templateHash(state.canaryTemplate))
  })

  test('a single 100 step goes straight to promotion', () => {
    expect(startRelease(input({steps: [100]})).phase).toBe('Promoting')
  })

  test('keeps the lock of the previous, finished release', () => {
    const lock = {holder: 'alice', expiresAt: at(60)}
    expect(startRelease(input({existing: releaseState({phase: 'Healthy', lock})})).lock).toEqual(lock)
  })

  test.each<{phase: ReleasePhase; allowed: boolean}>([
    {phase: 'Healthy', allowed: true}, {phase: 'Aborted', allowed: true},
    {phase: 'Progressing', allowed: false}, {phase: 'Paused', allowed: false}, {phase: 'Promoting', allowed: false},
    {phase: 'Aborting', allowed: false}, {phase: 'Degraded', allowed: false},
  ])('over an existing release in $phase: allowed $allowed', ({phase, allowed}) => {
    const start = () => startRelease(input({existing: releaseState({phase})}))
    if (allowed) expect(start()).toMatchObject({phase: 'Progressing'})
    else expect(start).toThrow(`Deployment web already has a release in phase ${phase}`)
  })

  test('refuses a Deployment at 0 replicas', () => {
    expect(() => startRelease(input({stable: deployment('web', 0)}))).toThrow('Deployment web has 0 replicas: there is no traffic to split')
  })

  // Recording the release would only lead to Degraded (plan-step never touches a stranger): refuse before writing.
  test('refuses when a Deployment not made for this release holds the canary name', () => {
    const stranger = {...deployment('web-canary', 1), metadata: {name: 'web-canary', namespace: 'shop'}}
    expect(() => startRelease(input({canary: stranger}))).toThrow(
      expect.objectContaining({code: 'INVALID_ARGUMENT', message: 'Deployment web-canary exists and was not made for this release'}),
    )
  })

  test('a canary left over from the previous release (another template) points to resume', () => {
    const leftover = canaryDeployment(deployment('web', 6), {spec: {containers: [{name: 'web', image: 'web:1'}]}})
    expect(() => startRelease(input({existing: releaseState({phase: 'Healthy'}), canary: leftover}))).toThrow(
      expect.objectContaining({message: 'Deployment web-canary is left over from the previous release of web', fix: expect.stringContaining('kubectl rollout-canary resume web')}),
    )
  })

  test('a leftover canary of the same template is this release\'s canary', () => {
    const template = startRelease(input()).canaryTemplate
    const leftover = canaryDeployment(deployment('web', 6), template)
    expect(startRelease(input({canary: leftover})).phase).toBe('Progressing')
  })

  // A release of web-canary would make web-canary-canary, which web's promotion or abort orphans: its pods
  // carry web's labels, so web's Service would keep sending them traffic.
  test('refuses a Deployment that is itself a release\'s canary', () => {
    const canary = canaryDeployment(deployment('web', 6), {spec: {containers: [{name: 'web', image: 'web:2'}]}})
    expect(() => startRelease(input({stable: {...canary, spec: {...canary.spec, replicas: 1}}}))).toThrow(
      expect.objectContaining({code: 'INVALID_ARGUMENT', message: 'Deployment web-canary belongs to a release of web (annotation kubeline.dev/canary-of)'}),
    )
  })

  // The blue/green release pins the Service to the blue pods' pod-template-hash: a canary would get no traffic,
  // and its promotion would leave the Service selecting no pod at all.
  test('refuses a Deployment with a blue/green release under way', () => {
    const stable = deployment('web', 6)
    const withBlueGreen = {...stable, metadata: {...stable.metadata, annotations: {'kubeline.dev/bluegreen': '{"green":"web-green"}'}}}
    expect(() => startRelease(input({stable: withBlueGreen}))).toThrow(
      expect.objectContaining({code: 'INVALID_ARGUMENT', message: 'Deployment web has a blue/green release under way', fix: expect.stringContaining('bluegreen finish web')}),
    )
  })

  // A paused Deployment (kubectl rollout pause) never rolls out a new template: the promotion would wait until --timeout.
  test('refuses a paused Deployment', () => {
    expect(() => startRelease(input({stable: deployment('web', 6, 6, {paused: true})}))).toThrow(
      expect.objectContaining({code: 'INVALID_ARGUMENT', message: 'Deployment web is paused (spec.paused): its rollouts do not progress'}),
    )
  })
})

type Command = (state: ReleaseState) => ReleaseState
const commands: Record<string, Command> = {
  pause: (state) => pauseRelease(state, context),
  resume: (state) => resumeRelease(state, context),
  'set-weight 30': (state) => setReleaseWeight(state, 30, context),
  'set-weight 0': (state) => setReleaseWeight(state, 0, context),
  'set-weight 100': (state) => setReleaseWeight(state, 100, context),
  promote: (state) => promoteRelease(state, false, context),
  'promote --full': (state) => promoteRelease(state, true, context),
  abort: (state) => abortRelease(state, 'by hand', context),
  retry: (state) => retryRelease(state, context),
}

describe('user commands: what each does', () => {
  test.each<{command: string; state: Partial<ReleaseState>; want: Partial<ReleaseState>}>([
    {command: 'pause', state: {}, want: {phase: 'Paused', userPaused: true, lastChange: {at: at(100), by: 'erin', what: 'pause'}}},
    {command: 'resume', state: {phase: 'Paused', userPaused: true}, want: {phase: 'Progressing', userPaused: false, stage: 'scale'}},
    {command: 'resume', state: {phase: 'Paused', stage: 'pause', pause: {kind: 'manual'}}, want: {phase: 'Progressing', stage: 'analyze'}},
    {command: 'resume', state: {phase: 'Promoting', userPaused: true}, want: {phase: 'Promoting', userPaused: false}},
    {command: 'set-weight 30', state: {stage: 'pause', pauseStartedAt: at(1)}, want: {desiredWeight: 30, stage: 'scale', stepIndex: 0, pauseStartedAt: undefined, stepStartedAt: at(100)}},
    {command: 'set-weight 30', state: {phase: 'Paused', userPaused: true}, want: {phase: 'Progressing', userPaused: false, desiredWeight: 30, lastChange: {at: at(100), by: 'erin', what: 'set-weight 30%'}}},
    {command: 'set-weight 0', state: {stepIndex: 1, desiredWeight: 50, stage: 'analyze'}, want: {desiredWeight: 0, stepIndex: 1, stage: 'scale', phase: 'Progressing'}},
    {command: 'set-weight 100', state: {phase: 'Paused', stage: 'pause'}, want: {desiredWeight: 100, stepIndex: 2, phase: 'Promoting', stage: 'scale', promotionApplied: false, lastChange: {at: at(100), by: 'erin', what: 'set-weight 100%: promotion'}}},
    {command: 'pause', state: {phase: 'Paused', stage: 'pause'}, want: {phase: 'Paused', userPaused: true, stage: 'pause'}},
    {command: 'promote', state: {stage: 'pause'}, want: {stepIndex: 1, desiredWeight: 50, stage: 'scale', phase: 'Progressing'}},
    {command: 'promote', state: {stepIndex: 1, desiredWeight: 50}, want: {stepIndex: 2, desiredWeight: 100, phase: 'Promoting', promotionApplied: false}},
    {command: 'promote', state: {desiredWeight: 70}, want: {stepIndex: 2, phase: 'Promoting'}},
    {command: 'promote --full', state: {}, want: {stepIndex: 2, desiredWeight: 100, phase: 'Promoting'}},
    {command: 'promote --full', state: {phase: 'Promoting', promotionApplied: true}, want: {phase: 'Promoting', promotionApplied: true, lastChange: {at: T0, by: 'alice@laptop', what: 'start'}}},
    {command: 'abort', state: {userPaused: true, phase: 'Paused'}, want: {phase: 'Aborting', desiredWeight: 0, message: 'by hand', userPaused: false}},
    {command: 'abort', state: {phase: 'Promoting', promotionApplied: false}, want: {phase: 'Aborting'}},
    {command: 'abort', state: {phase: 'Aborted', message: 'earlier'}, want: {phase: 'Aborted', message: 'earlier'}},
    {command: 'abort', state: {phase: 'Degraded'}, want: {phase: 'Aborting'}},
    {command: 'retry', state: {phase: 'Aborted', stepIndex: 1, desiredWeight: 0, analysisFailures: 3, message: 'analysis failed'}, want: {phase: 'Progressing', stepIndex: 0, desiredWeight: 10, analysisFailures: 0, message: '', stage: 'scale'}},
    {command: 'retry', state: {phase: 'Degraded', stepIndex: 2, desiredWeight: 100, promotionApplied: true, userPaused: true}, want: {phase: 'Progressing', stepIndex: 0, desiredWeight: 10, promotionApplied: false, userPaused: false}},
    {command: 'retry', state: {phase: 'Aborted', lastAnalysis: {at: T0, step: 1, passed: false, results: []}}, want: {lastAnalysis: undefined, canaryTemplateHash: releaseState().canaryTemplateHash}},
  ])('$command from $state.phase', ({command, state, want}) => {
    expect(commands[command]!(releaseState(state))).toMatchObject(want)
  })
})

// A driver cut off after recording the end may have left the canary (and a router's objects): resume lets a
// driver find the release ended and remove them. Nothing is recorded, so lastChange still says how it ended.
test.each<ReleasePhase>(['Healthy', 'Aborted'])('resume of a release that ended %s changes nothing', (phase) => {
  const state = releaseState({phase, lastChange: {at: T0, by: 'alice@laptop', what: 'promoted'}})
  expect(resumeRelease(state, context)).toBe(state)
})

describe('user commands: refused phases', () => {
  test.each<{command: string; phase: ReleasePhase; message: RegExp}>([
    {command: 'pause', phase: 'Aborted', message: /cannot pause a release in phase Aborted/},
    {command: 'pause', phase: 'Promoting', message: /cannot pause a release in phase Promoting/},
    {command: 'resume', phase: 'Degraded', message: /cannot resume a release in phase Degraded/},
    {command: 'set-weight 30', phase: 'Promoting', message: /cannot set-weight a release in phase Promoting/},
    {command: 'promote', phase: 'Aborting', message: /cannot promote a release in phase Aborting/},
    {command: 'abort', phase: 'Healthy', message: /cannot abort a release in phase Healthy/},
    {command: 'set-weight 30', phase: 'Aborted', message: /cannot set-weight a release in phase Aborted/},
    {command: 'set-weight 100', phase: 'Healthy', message: /cannot set-weight a release in phase Healthy/},
    {command: 'retry', phase: 'Healthy', message: /cannot retry a release in phase Healthy/},
    {command: 'retry', phase: 'Progressing', message: /cannot retry a release in phase Progressing \(allowed in Aborted, Degraded\)/},
  ])('$command in $phase', ({command, phase, message}) => {
    expect(() => commands[command]!(releaseState({phase}))).toThrow(message)
  })

  test('abort after the promotion was applied is refused', () => {
    expect(() => abortRelease(releaseState({phase: 'Promoting', promotionApplied: true}), 'x', context)).toThrow('cannot abort: the stable Deployment already runs the canary template')
  })

  test.each([101, -1, 12.5, Number.NaN])('set-weight %s is refused', (weight) => {
    expect(() => setReleaseWeight(releaseState(), weight, context)).toThrow(`invalid weight ${weight}: set-weight takes a whole percentage from 0 to 100`)
  })
})

describe('parseWeight', () => {
  test.each([
    {text: '0', want: 0},
    {text: '30', want: 30},
    {text: '100', want: 100},
    {text: '007', want: 7},
  ])('"$text" is $want', ({text, want}) => expect(parseWeight(text)).toBe(want))

  test.each(['101', '-1', '12.5', '', 'abc', '1e2', '0x10', '50%'])('"%s" is refused with exit 2', (text) => {
    expect(() => parseWeight(text)).toThrow(expect.objectContaining({code: 'INVALID_ARGUMENT', exitCode: 2, message: `invalid weight "${text}": set-weight takes a whole percentage from 0 to 100`}))
  })
})
