import {describe, expect, test} from 'vitest'
import {canaryDeployment, isCanaryOf} from './canary-deployment.js'
import {planStep} from './plan-step.js'
import type {ReleaseObservation, ReleasePlan} from './release-plan-types.js'
import type {ReleaseState} from './release-state.js'
import type {Deployment} from './rollout-objects.js'
import {at, CANARY_TEMPLATE, deployment, releaseState, T0} from './test-support/release-fixtures.js'

// N = 10, steps 10/50/100, pause 60 s, stable strategy maxSurge 1 / maxUnavailable 0.
const stableAt = (replicas: number, available = replicas, extra: Partial<Deployment> = {}): Deployment => ({...deployment('web', 10, 10), ...extra, spec: {...deployment('web', 10).spec, replicas}, status: settledStatus(replicas, available)})
const canaryAt = (replicas: number, available = replicas): Deployment => {
  const canary = canaryDeployment(deployment('web', 10), CANARY_TEMPLATE)
  return {...canary, metadata: {...canary.metadata, generation: 1}, spec: {...canary.spec, replicas}, status: settledStatus(replicas, available)}
}
function settledStatus(replicas: number, available: number): Deployment['status'] {
  return {replicas, updatedReplicas: replicas, availableReplicas: available, readyReplicas: available, observedGeneration: 1}
}
const observe = (over: Partial<ReleaseObservation> = {}): ReleaseObservation => ({stable: stableAt(10), canary: canaryAt(0), now: at(0), actor: 'ci', ...over})

interface Row {
  name: string
  state: Partial<ReleaseState>
  observed: Partial<ReleaseObservation>
  actions: unknown[]
  next?: Partial<ReleaseState>
}

const gated = {analysis: {failureLimit: 3, intervalMs: 30_000}}
const nginx = {traffic: 'nginx' as const}
const rows: Row[] = [
  // progressing, replica mode
  {name: 'canary missing: create it', state: {}, observed: {canary: undefined}, actions: [{kind: 'createCanary'}], next: {phase: 'Progressing'}},
  {name: 'first move: surge the canary by 1', state: {}, observed: {}, actions: [{kind: 'scale', canary: 1, stable: 10}]},
  {name: 'canary pod not available yet: wait', state: {}, observed: {canary: canaryAt(1, 0)}, actions: [{kind: 'wait', reason: 'waiting for pods: web-canary 0/1 available, web 10/10 available'}]},
  {name: 'canary available: drain one stable pod', state: {}, observed: {canary: canaryAt(1)}, actions: [{kind: 'scale', canary: 1, stable: 9}]},
  {name: 'at the split but stable still terminating: wait', state: {}, observed: {canary: canaryAt(1), stable: {...stableAt(9), status: {...settledStatus(9, 9), replicas: 10}}}, actions: [{kind: 'wait'}]},
  {name: 'split reached: timed pause starts', state: {}, observed: {canary: canaryAt(1), stable: stableAt(9)}, actions: [{kind: 'pause', until: at(60)}], next: {stage: 'pause', phase: 'Paused', pauseStartedAt: at(0)}},
  {name: 'pause running: keep pausing', state: {stage: 'pause', pauseStartedAt: at(0), phase: 'Paused'}, observed: {canary: canaryAt(1), stable: stableAt(9), now: at(59)}, actions: [{kind: 'pause', until: at(60)}]},
  {name: 'pause over, no gate: next step and its first move', state: {stage: 'pause', pauseStartedAt: at(0)}, observed: {canary: canaryAt(1), stable: stableAt(9), now: at(60)}, actions: [{kind: 'scale', canary: 2, stable: 9}], next: {stepIndex: 1, desiredWeight: 50, stage: 'scale', phase: 'Progressing', pauseStartedAt: undefined, stepStartedAt: at(60)}},
  {name: 'manual pause: no until', state: {stage: 'pause', pause: {kind: 'manual'}}, observed: {canary: canaryAt(1), stable: stableAt(9)}, actions: [{kind: 'pause', reason: 'paused at 10%: run resume to continue'}], next: {phase: 'Paused'}},
  {name: 'user pause wins over everything', state: {userPaused: true}, observed: {}, actions: [{kind: 'pause', reason: 'paused by a user: run resume to continue'}], next: {phase: 'Paused'}},
  // analysis gate
  {name: 'gate: ask for a check', state: {stage: 'analyze', ...gated}, observed: {canary: canaryAt(1), stable: stableAt(9)}, actions: [{kind: 'analyze', step: 0}]},
  {name: 'gate passed: next step', state: {stage: 'analyze', ...gated}, observed: {canary: canaryAt(1), stable: stableAt(9), analysis: {passed: true, reason: 'ok'}}, actions: [{kind: 'scale', canary: 2, stable: 9}], next: {stepIndex: 1, analysisFailures: 0}},
  {name: 'gate failed under the limit: check again after the interval', state: {stage: 'analyze', ...gated, analysisFailures: 1}, observed: {canary: canaryAt(1), stable: stableAt(9), analysis: {passed: false, reason: '0.9 < min 0.99'}}, actions: [{kind: 'analyze', step: 0, notBefore: at(30)}], next: {analysisFailures: 2, message: 'analysis failed (2/3): 0.9 < min 0.99', stage: 'analyze'}},
  {name: 'gate failed at the limit: abort and start rolling back', state: {stage: 'analyze', ...gated, analysisFailures: 2}, observed: {canary: canaryAt(1), stable: stableAt(9), analysis: {passed: false, reason: 'no values found'}}, actions: [{kind: 'abort', reason: 'analysis failed (3/3): no values found'}, {kind: 'scale', canary: 1, stable: 10}], next: {phase: 'Aborting', desiredWeight: 0, analysisFailures: 3}},
  {name: 'canary past its progress deadline: abort', state: {}, observed: {canary: {...canaryAt(1, 0), status: {...settledStatus(1, 0), conditions: [{type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded'}]}}}, actions: [{kind: 'abort', reason: 'canary web-canary exceeded its progress deadline'}, {kind: 'scale', canary: 0, stable: 10}], next: {phase: 'Aborting'}},
  {name: 'a foreign web-canary: degraded, untouched', state: {}, observed: {canary: {...canaryAt(1), metadata: {name: 'web-canary'}}}, actions: [{kind: 'done', phase: 'Degraded'}], next: {phase: 'Degraded'}},
  {name: 'last step done: promotion applied', state: {stepIndex: 1, desiredWeight: 50, stage: 'pause', pauseStartedAt: at(0)}, observed: {canary: canaryAt(5), stable: stableAt(5), now: at(61)}, actions: [{kind: 'promote', replicas: 10}], next: {phase: 'Promoting', promotionApplied: true, stepIndex: 2, desiredWeight: 100}},
  {name: 'set-weight above later steps: skips them', state: {desiredWeight: 60, stage: 'pause', pauseStartedAt: at(0)}, observed: {canary: canaryAt(6), stable: stableAt(4), now: at(60)}, actions: [{kind: 'promote'}], next: {phase: 'Promoting', stepIndex: 2}},
  // promotion
  {name: 'promotion: stable not rolled out yet', state: {phase: 'Promoting', promotionApplied: true, desiredWeight: 100}, observed: {canary: canaryAt(5), stable: {...stableAt(10, 5), metadata: {name: 'web', generation: 2}}}, actions: [{kind: 'wait', reason: 'waiting for web 5/10 available with the promoted template'}]},
  {name: 'promotion: stable rolled out, remove the canary', state: {phase: 'Promoting', promotionApplied: true, desiredWeight: 100}, observed: {canary: canaryAt(5), stable: stableAt(10)}, actions: [{kind: 'removeCanary'}, {kind: 'done', phase: 'Healthy'}], next: {phase: 'Healthy'}},
  {name: 'promotion with a router: weight to 0 before removing', state: {phase: 'Promoting', promotionApplied: true, ...nginx}, observed: {canary: canaryAt(5), stable: stableAt(10), traffic: {weight: 50, accepted: true}}, actions: [{kind: 'setWeight', weight: 0}]},
  // abort
  {name: 'abort: surge stable first', state: {phase: 'Aborting', desiredWeight: 0}, observed: {canary: canaryAt(5), stable: stableAt(5)}, actions: [{kind: 'scale', canary: 5, stable: 6}]},
  {name: 'abort: then drain the canary', state: {phase: 'Aborting', desiredWeight: 0}, observed: {canary: canaryAt(5), stable: stableAt(6)}, actions: [{kind: 'scale', canary: 4, stable: 6}]},
  {name: 'abort: canary already gone, stable short: all the room goes to stable', state: {phase: 'Aborting', desiredWeight: 0}, observed: {canary: undefined, stable: stableAt(5)}, actions: [{kind: 'scale', canary: 0, stable: 10}]},
  {name: 'abort: home, remove canary', state: {phase: 'Aborting', desiredWeight: 0}, observed: {canary: canaryAt(0), stable: stableAt(10)}, actions: [{kind: 'removeCanary'}, {kind: 'done', phase: 'Aborted'}], next: {phase: 'Aborted'}},
  {name: 'abort with a router: weight 0 first', state: {phase: 'Aborting', ...nginx}, observed: {canary: canaryAt(3), stable: stableAt(10), traffic: {weight: 25, accepted: true}}, actions: [{kind: 'setWeight', weight: 0}]},
  {name: 'abort with a router: stable not all available', state: {phase: 'Aborting', ...nginx}, observed: {canary: canaryAt(3), stable: stableAt(10, 8), traffic: {weight: 0, accepted: true}}, actions: [{kind: 'wait'}]},
  {name: 'abort with a router: weight 0 not accepted yet', state: {phase: 'Aborting', traffic: 'gateway'}, observed: {canary: canaryAt(3), stable: stableAt(10), traffic: {weight: 0, accepted: false}}, actions: [{kind: 'wait', reason: 'waiting for the router to accept weight 0%'}]},
  {name: 'abort never touches a foreign canary', state: {phase: 'Aborting'}, observed: {canary: {...canaryAt(5), metadata: {name: 'web-canary'}}, stable: stableAt(10)}, actions: [{kind: 'done', phase: 'Aborted'}]},
  // router progress
  {name: 'router: canary pods before traffic', state: nginx, observed: {traffic: {weight: 0, accepted: true}}, actions: [{kind: 'scale', canary: 1, stable: 10}]},
  {name: 'router: pods ready, set the weight', state: nginx, observed: {canary: canaryAt(1), traffic: {weight: 0, accepted: true}}, actions: [{kind: 'setWeight', weight: 10}]},
  {name: 'router: weight set, not accepted', state: {traffic: 'gateway'}, observed: {canary: canaryAt(1), traffic: {weight: 10, accepted: false}}, actions: [{kind: 'wait', reason: 'waiting for the router to accept weight 10%'}]},
  {name: 'router: lowering the weight moves traffic first', state: {...nginx, desiredWeight: 20}, observed: {canary: canaryAt(5), traffic: {weight: 50, accepted: true}}, actions: [{kind: 'setWeight', weight: 20}]},
  {name: 'router: then fewer canary pods', state: {...nginx, desiredWeight: 20}, observed: {canary: canaryAt(5), traffic: {weight: 50.2, accepted: true}}, actions: [{kind: 'setWeight', weight: 20}]},
  {name: 'router: weight reached, scale canary down', state: {...nginx, desiredWeight: 20}, observed: {canary: canaryAt(5), traffic: {weight: 20, accepted: true}}, actions: [{kind: 'scale', canary: 2, stable: 10}]},
  // finished
  {name: 'aborted with a leftover canary: remove it', state: {phase: 'Aborted'}, observed: {canary: canaryAt(0)}, actions: [{kind: 'removeCanary'}, {kind: 'done', phase: 'Aborted'}]},
  {name: 'healthy: done', state: {phase: 'Healthy'}, observed: {canary: undefined}, actions: [{kind: 'done', phase: 'Healthy'}]},
  {name: 'degraded: done, nothing written', state: {phase: 'Degraded'}, observed: {}, actions: [{kind: 'done', phase: 'Degraded'}]},
]

describe('planStep', () => {
  test.each(rows)('$name', ({state, observed, actions, next}) => {
    const plan = planStep(releaseState(state), observe(observed))
    expect(plan.actions).toEqual(actions.map((action) => expect.objectContaining(action)))
    if (next) expect(plan.state).toMatchObject(next)
  })

  test.each(rows)('is idempotent: $name', ({state, observed}) => {
    const first: ReleasePlan = planStep(releaseState(state), observe(observed))
    expect(planStep(releaseState(state), observe(observed))).toEqual(first)
  })

  test('the canary it creates is recognised as this release\'s canary', () => {
    const [action] = planStep(releaseState(), observe({canary: undefined})).actions
    expect(action?.kind).toBe('createCanary')
    if (action?.kind === 'createCanary') expect(isCanaryOf(action.deployment, 'web', releaseState().canaryTemplateHash)).toBe(true)
  })

  test('transitions record who and when; plain scaling does not', () => {
    expect(planStep(releaseState(), observe({now: at(5)})).state.lastChange).toEqual({at: T0, by: 'alice@laptop', what: 'start'})
    const advanced = planStep(releaseState({stage: 'pause', pauseStartedAt: at(0)}), observe({canary: canaryAt(1), stable: stableAt(9), now: at(60)}))
    expect(advanced.state.lastChange).toEqual({at: at(60), by: 'ci', what: 'step 2/3: 50%'})
  })

  test('a promoted template has no track label and the new image', () => {
    const plan = planStep(releaseState({phase: 'Promoting'}), observe({canary: canaryAt(5), stable: stableAt(5)}))
    expect(plan.actions).toEqual([{kind: 'promote', replicas: 10, template: {metadata: {labels: {app: 'web'}}, spec: {containers: [{name: 'web', image: 'web:2'}]}}}])
  })
})
