import {describe, expect, test} from 'vitest'
import {greenDeployment} from './bluegreen.js'
import {BLUEGREEN_ANNOTATION, decodeBlueGreen, encodeBlueGreen, moveActiveSide, planBlueGreenFinish, sideSelector} from './bluegreen-release.js'
import type {BlueGreenObservation, BlueGreenState} from './bluegreen-release.js'
import type {Deployment} from './rollout-objects.js'
import {templateHash} from './template-hash.js'
import {at, deployment, T0} from './test-support/release-fixtures.js'

const NEW_TEMPLATE = {metadata: {labels: {app: 'web'}}, spec: {containers: [{name: 'web', image: 'web:2'}]}}
const stable = deployment('web', 4)
const green: Deployment = {...greenDeployment(stable, NEW_TEMPLATE, {app: 'web'}), status: {replicas: 4, updatedReplicas: 4, availableReplicas: 4, readyReplicas: 4}}
const greenTemplate = green.spec.template

function bgState(overrides: Partial<BlueGreenState> = {}): BlueGreenState {
  return {
    green: 'web-green',
    service: 'web',
    serviceSelector: {app: 'web'},
    bluePodTemplateHash: 'blue5',
    greenTemplate,
    greenTemplateHash: templateHash(greenTemplate),
    active: 'blue',
    promotionApplied: false,
    lastChange: {at: T0, by: 'alice@laptop', what: 'start'},
    ...overrides,
  }
}

const observe = (overrides: Partial<BlueGreenObservation> = {}): BlueGreenObservation => ({
  stable,
  green,
  serviceSelector: {app: 'web', 'pod-template-hash': 'blue5'},
  now: at(60),
  actor: 'bob@ci',
  scaleDownDelayMs: 30_000,
  ...overrides,
})

describe('sideSelector', () => {
  test('blue pins the stable hash; green selects the green track', () => {
    expect(sideSelector(bgState(), 'blue')).toEqual({app: 'web', 'pod-template-hash': 'blue5'})
    expect(sideSelector(bgState(), 'green')).toEqual({app: 'web', 'kubeline.dev/track': 'green'})
  })
})

describe('moveActiveSide', () => {
  const context = {now: at(10), actor: 'bob@ci'}
  test('switch to a fully available green records the time', () => {
    expect(moveActiveSide(bgState(), 'green', green, 4, context)).toMatchObject({active: 'green', switchedAt: at(10), lastChange: {what: 'switch', by: 'bob@ci'}})
  })
  test('rollback to blue', () => expect(moveActiveSide(bgState({active: 'green'}), 'blue', green, 4, context)).toMatchObject({active: 'blue', lastChange: {what: 'rollback'}}))
  test('already there: unchanged', () => expect(moveActiveSide(bgState({active: 'green'}), 'green', green, 4, context)).toEqual(bgState({active: 'green'})))
  test.each([
    {name: 'green not available', state: bgState(), green: {...green, status: {availableReplicas: 2}}, message: 'cannot switch to green: web-green is not fully available (2/4)'},
    {name: 'green missing', state: bgState(), green: undefined, message: 'web-green is not fully available (0/4)'},
    {name: 'finish begun', state: bgState({active: 'green', promotionApplied: true}), green, message: 'finish has begun'},
  ])('refuses: $name (exit 2)', ({state, green: observedGreen, message}) => {
    expect(() => moveActiveSide(state, 'green', observedGreen, 4, context)).toThrow(expect.objectContaining({exitCode: 2, message: expect.stringContaining(message)}))
  })
})

describe('planBlueGreenFinish', () => {
  const ON_GREEN = {app: 'web', 'kubeline.dev/track': 'green'}
  const promoted: Deployment = {...stable, spec: {...stable.spec, template: NEW_TEMPLATE}}
  test.each<{name: string; state: BlueGreenState; observed: Partial<BlueGreenObservation>; want: unknown}>([
    {name: 'green serves, delay not over', state: bgState({active: 'green', switchedAt: at(40)}), observed: {serviceSelector: ON_GREEN}, want: {kind: 'wait', until: at(70)}},
    {name: 'green serves, delay over: promote stable', state: bgState({active: 'green', switchedAt: at(30)}), observed: {serviceSelector: ON_GREEN}, want: {kind: 'promote', replicas: 4, template: NEW_TEMPLATE}},
    {name: 'promoted, stable not settled', state: bgState({active: 'green', switchedAt: at(0), promotionApplied: true}), observed: {stable: {...promoted, status: {availableReplicas: 2}}}, want: {kind: 'wait'}},
    {name: 'promoted and settled: Service back to its own selector', state: bgState({active: 'green', switchedAt: at(0), promotionApplied: true}), observed: {stable: promoted, serviceSelector: {app: 'web', 'kubeline.dev/track': 'green'}}, want: {kind: 'selectService', selector: {app: 'web'}}},
    {name: 'own selector back: remove green', state: bgState({active: 'green', switchedAt: at(0), promotionApplied: true}), observed: {stable: promoted, serviceSelector: {app: 'web'}}, want: {kind: 'removeGreen'}},
    {name: 'green gone: done', state: bgState({active: 'green', switchedAt: at(0), promotionApplied: true}), observed: {stable: promoted, serviceSelector: {app: 'web'}, green: undefined}, want: {kind: 'done'}},
    {name: 'never switched: no delay, green removed first', state: bgState(), observed: {scaleDownDelayMs: 3_600_000}, want: {kind: 'removeGreen'}},
    {name: 'rolled back, delay not over', state: bgState({switchedAt: at(50)}), observed: {}, want: {kind: 'wait', until: at(80)}},
    {name: 'blue serves, green gone: Service unpinned', state: bgState(), observed: {green: undefined}, want: {kind: 'selectService', selector: {app: 'web'}}},
    {name: 'blue serves, all clean: done', state: bgState(), observed: {green: undefined, serviceSelector: {app: 'web'}}, want: {kind: 'done'}},
    // A switch or rollback killed between recording the side and moving the Service: the record is what
    // was asked for, so finish first points the Service at the recorded side, then removes the other.
    {
      name: 'rollback interrupted (record blue, Service on green): the Service goes to blue before green is removed',
      state: bgState({switchedAt: at(0)}),
      observed: {serviceSelector: {app: 'web', 'kubeline.dev/track': 'green'}},
      want: {kind: 'selectService', selector: {app: 'web', 'pod-template-hash': 'blue5'}},
    },
    {
      name: 'switch interrupted (record green, Service pinned to blue): the Service goes to green before stable is promoted',
      state: bgState({active: 'green', switchedAt: at(0)}),
      observed: {},
      want: {kind: 'selectService', selector: {app: 'web', 'kubeline.dev/track': 'green'}},
    },
    {name: 'a Deployment named web-green not made for this release is left alone', state: bgState(), observed: {green: {...green, metadata: {name: 'web-green'}}, serviceSelector: {app: 'web'}}, want: {kind: 'done'}},
  ])('$name', ({state, observed, want}) => expect(planBlueGreenFinish(state, observe(observed)).step).toMatchObject(want as object))

  test('the promotion is recorded with the state, by the actor', () => {
    const {state} = planBlueGreenFinish(bgState({active: 'green', switchedAt: at(0)}), observe({serviceSelector: ON_GREEN}))
    expect(state).toMatchObject({promotionApplied: true, lastChange: {by: 'bob@ci', at: at(60)}})
  })
})

describe('encodeBlueGreen / decodeBlueGreen', () => {
  test.each([bgState(), bgState({active: 'green', switchedAt: at(5), previewService: 'web-preview', promotionApplied: true})])('round-trips', (state) => {
    expect(decodeBlueGreen({[BLUEGREEN_ANNOTATION]: encodeBlueGreen(state)})).toEqual(state)
  })
  test('no annotation: no release', () => expect(decodeBlueGreen({other: 'x'})).toBeUndefined())
  const good = JSON.parse(encodeBlueGreen(bgState())) as Record<string, unknown>
  test.each([
    {name: 'not JSON', text: '{oops'},
    {name: 'an array', text: '[]'},
    {name: 'unknown side', text: JSON.stringify({...good, active: 'red'})},
    {name: 'no Service', text: JSON.stringify({...good, service: ''})},
    {name: 'selector with a number', text: JSON.stringify({...good, serviceSelector: {app: 1}})},
    {name: 'bad switch time', text: JSON.stringify({...good, switchedAt: 'later'})},
    {name: 'no last change', text: JSON.stringify({...good, lastChange: undefined})},
  ])('corrupt ($name): INVALID_OBJECT, exit 2', ({text}) => {
    expect(() => decodeBlueGreen({[BLUEGREEN_ANNOTATION]: text})).toThrow(expect.objectContaining({code: 'INVALID_OBJECT', exitCode: 2}))
  })
})
