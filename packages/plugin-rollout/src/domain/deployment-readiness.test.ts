import {describe, expect, test} from 'vitest'
import {describeAvailability, hasExceededProgressDeadline, isSettledAt, specReplicas} from './deployment-readiness.js'
import type {Deployment} from './rollout-objects.js'
import {deployment} from './test-support/release-fixtures.js'

describe('isSettledAt', () => {
  const with_ = (status: Deployment['status'], generation = 1, replicas = 3): Deployment => ({...deployment('web', replicas), metadata: {name: 'web', generation}, status})
  test.each([
    {name: 'all available', d: with_({replicas: 3, updatedReplicas: 3, availableReplicas: 3, observedGeneration: 1}), n: 3, want: true},
    {name: 'one not available', d: with_({replicas: 3, updatedReplicas: 3, availableReplicas: 2, observedGeneration: 1}), n: 3, want: false},
    {name: 'old pods still terminating', d: with_({replicas: 4, updatedReplicas: 3, availableReplicas: 3, observedGeneration: 1}), n: 3, want: false},
    {name: 'not all updated', d: with_({replicas: 3, updatedReplicas: 2, availableReplicas: 3, observedGeneration: 1}), n: 3, want: false},
    {name: 'status is about an older generation', d: with_({replicas: 3, updatedReplicas: 3, availableReplicas: 3, observedGeneration: 1}, 2), n: 3, want: false},
    {name: 'spec differs from the wanted count', d: with_({replicas: 3, updatedReplicas: 3, availableReplicas: 3, observedGeneration: 1}), n: 4, want: false},
    {name: 'scaled to zero with no status', d: with_(undefined, 1, 0), n: 0, want: false},
    {name: 'scaled to zero, observed', d: with_({observedGeneration: 1}, 1, 0), n: 0, want: true},
    {name: 'missing Deployment at 0', d: undefined, n: 0, want: true},
    {name: 'missing Deployment at 1', d: undefined, n: 1, want: false},
  ])('$name', ({d, n, want}) => expect(isSettledAt(d, n)).toBe(want))
})

describe('hasExceededProgressDeadline', () => {
  test.each([
    {name: 'deadline exceeded', conditions: [{type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded'}], want: true},
    {name: 'progressing', conditions: [{type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated'}], want: false},
    {name: 'unavailable but not given up', conditions: [{type: 'Available', status: 'False', reason: 'MinimumReplicasUnavailable'}], want: false},
    {name: 'no conditions', conditions: undefined, want: false},
  ])('$name', ({conditions, want}) => {
    expect(hasExceededProgressDeadline({...deployment('web-canary', 1), status: {conditions}})).toBe(want)
  })
})

test.each([
  {d: deployment('web', 3), want: 3},
  {d: {...deployment('web', 3), spec: {selector: {}, template: {}}}, want: 1},
  {d: undefined, want: 0},
])('specReplicas defaults to 1 when unset and 0 when missing', ({d, want}) => expect(specReplicas(d)).toBe(want))

test('describeAvailability', () => expect(describeAvailability('web-canary', deployment('web-canary', 3, 2), 3)).toBe('web-canary 2/3 available'))
