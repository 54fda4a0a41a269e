import {describe, expect, test} from 'vitest'
import {actualWeight, canaryReplicasForTraffic} from './traffic-split.js'

describe('actualWeight', () => {
  test.each([
    {canary: 0, stable: 0, want: 0},
    {canary: 0, stable: 10, want: 0},
    {canary: 1, stable: 9, want: 10},
    {canary: 1, stable: 2, want: 33},
    {canary: 2, stable: 1, want: 66},
    {canary: 3, stable: 8, want: 27},
    {canary: 5, stable: 0, want: 100},
  ])('$canary canary / $stable stable -> $want%', ({canary, stable, want}) => expect(actualWeight(canary, stable)).toBe(want))
})

// argoproj/argo-rollouts utils/replicaset/canary_test.go TestTrafficWeightToReplicas
describe('canaryReplicasForTraffic', () => {
  test.each([
    [10, 0, 0], [10, 20, 2], [10, 25, 3], [10, 33, 4], [10, 99, 10], [10, 100, 10],
    [3, 1, 1], [1, 50, 1],
  ])('%i replicas at %i%% -> %i', (replicas, weight, want) => expect(canaryReplicasForTraffic(replicas, weight)).toBe(want))
})
