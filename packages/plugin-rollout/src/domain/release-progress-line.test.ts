import {describe, expect, test} from 'vitest'
import type {ReleaseAction} from './release-plan-types.js'
import {at, CANARY_TEMPLATE, deployment, releaseState} from './test-support/release-fixtures.js'
import {releaseProgressLine} from './release-progress-line.js'

describe('releaseProgressLine', () => {
  const state = releaseState({originalReplicas: 4})
  const rows: {name: string; action: ReleaseAction; want: string}[] = [
    {name: 'create', action: {kind: 'createCanary', deployment: deployment('web-canary', 0)}, want: 'creating web-canary'},
    {name: 'scale', action: {kind: 'scale', canary: 1, stable: 3}, want: 'scaling: canary 1, stable 3'},
    {name: 'wait', action: {kind: 'wait', reason: 'waiting for pods: web-canary 0/1 available'}, want: 'waiting for pods: web-canary 0/1 available'},
    {name: 'timed pause', action: {kind: 'pause', reason: 'paused at 10%', until: at(60)}, want: 'paused at 10% until 2026-11-24T10:01:00.000Z'},
    {name: 'manual pause', action: {kind: 'pause', reason: 'paused at 10%: run resume to continue'}, want: 'paused at 10%: run resume to continue'},
    {name: 'analysis', action: {kind: 'analyze', step: 0}, want: 'analysis of step 1'},
    {name: 'route weight', action: {kind: 'setWeight', weight: 25}, want: 'traffic: canary 25%'},
    // Not the action's internal name ("promote", "removeCanary"): what happens to which Deployment.
    {name: 'promotion', action: {kind: 'promote', template: CANARY_TEMPLATE, replicas: 4}, want: 'promoting: web takes the canary template at 4 replicas'},
    {name: 'canary removal', action: {kind: 'removeCanary'}, want: 'removing web-canary'},
    {name: 'abort notice', action: {kind: 'abort', reason: 'canary web-canary exceeded its progress deadline'}, want: 'aborting: canary web-canary exceeded its progress deadline'},
    {name: 'end', action: {kind: 'done', phase: 'Healthy'}, want: 'release Healthy'},
  ]
  test.each(rows)('$name', ({action, want}) => expect(releaseProgressLine(action, 'web', state)).toBe(want))
})
