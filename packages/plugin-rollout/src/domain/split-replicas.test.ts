import {describe, expect, test} from 'vitest'
import {splitReplicas} from './split-replicas.js'

// Transcribed from argoproj/argo-rollouts utils/replicaset/canary_test.go,
// TestApproximateWeightedNewStableReplicaCounts (57 rows). The comment is the achieved weight.
const argoRows: [replicas: number, weight: number, maxSurge: number, canary: number, stable: number][] = [
  [0, 0, 0, 0, 0], [0, 50, 0, 0, 0], [0, 100, 0, 0, 0], // 0%
  [0, 0, 1, 0, 0], [0, 50, 1, 0, 0], [0, 100, 1, 0, 0], // 0%
  [1, 0, 0, 0, 1], // 0%
  [1, 1, 0, 0, 1], // 0%
  [1, 49, 0, 0, 1], // 0%
  [1, 50, 0, 1, 0], // 100%
  [1, 99, 0, 1, 0], // 100%
  [1, 100, 0, 1, 0], // 100%
  [1, 0, 1, 0, 1], // 0%
  [1, 1, 1, 1, 1], // 50%
  [1, 49, 1, 1, 1], // 50%
  [1, 50, 1, 1, 1], // 50%
  [1, 99, 1, 1, 1], // 50%
  [1, 100, 1, 1, 0], // 100%
  [2, 0, 0, 0, 2], // 0%
  [2, 1, 0, 1, 1], // 50%
  [2, 50, 0, 1, 1], // 50%
  [2, 99, 0, 1, 1], // 50%
  [2, 100, 0, 2, 0], // 100%
  [2, 0, 1, 0, 2], // 0%
  [2, 1, 1, 1, 2], // 33.3%
  [2, 50, 1, 1, 1], // 50%
  [2, 99, 1, 2, 1], // 66.6%
  [2, 100, 1, 2, 0], // 100%
  [3, 10, 0, 1, 2], [3, 25, 0, 1, 2], [3, 33, 0, 1, 2], [3, 34, 0, 1, 2], [3, 49, 0, 1, 2], // 33.3%
  [3, 50, 0, 2, 1], // 66.6%
  [3, 10, 1, 1, 3], [3, 25, 1, 1, 3], // 25%
  [3, 33, 1, 1, 2], [3, 34, 1, 1, 2], // 33.3%
  [3, 49, 1, 2, 2], [3, 50, 1, 2, 2], // 50%
  [10, 0, 1, 0, 10], // 0%
  [10, 1, 0, 1, 9], [10, 14, 0, 1, 9], // 10%
  [10, 15, 0, 2, 8], [10, 16, 0, 2, 8], // 20%
  [10, 99, 0, 9, 1], // 90%
  [10, 100, 1, 10, 0], // 100%
  [10, 0, 1, 0, 10], // 0%
  [10, 1, 1, 1, 10], // 9.1%
  [10, 18, 1, 2, 9], [10, 19, 1, 2, 9], // 18.1%
  [10, 20, 1, 2, 8], [10, 23, 1, 2, 8], // 20%
  [10, 24, 1, 3, 8], [10, 25, 1, 3, 8], // 27.2%
  [10, 99, 1, 10, 1], // 90.9%
  [10, 100, 1, 10, 0], // 100%
]

// Our own rows: docs/features/canary/index.md example, larger N, and the one place we differ from Argo.
const ownRows: [replicas: number, weight: number, maxSurge: number, canary: number, stable: number][] = [
  [10, 41, 0, 4, 6], // Argo docs: 41 % of 10 -> 4/6
  [10, 45, 0, 5, 5], // 4.5 is a tie: toward the canary
  [5, 50, 0, 3, 2], // 2.5 tie -> 3
  [4, 25, 0, 1, 3], // exact
  [4, 10, 0, 1, 3], // never 0 for 1-99 %
  [100, 1, 0, 1, 99],
  [100, 33, 25, 33, 67],
  [7, 50, 2, 4, 4], // 3.5 tie at N, 50 % exact at N+1
  [2, 75, 0, 1, 1], // Argo would return 0/2 here; we keep both sides >= 1
  [10, 95, 0, 9, 1], // same fallback: ceil = N tied at 9.5
]

describe('splitReplicas', () => {
  test.each(argoRows)('argo: replicas %i weight %i surge %i -> canary %i stable %i', (replicas, weight, maxSurge, canary, stable) => {
    expect(splitReplicas({replicas, weight, maxSurge})).toEqual({canary, stable})
  })

  test.each(ownRows)('replicas %i weight %i surge %i -> canary %i stable %i', (replicas, weight, maxSurge, canary, stable) => {
    expect(splitReplicas({replicas, weight, maxSurge})).toEqual({canary, stable})
  })

  test('invariants hold for every N 1-30, weight 0-100, surge 0-2', () => {
    for (let replicas = 1; replicas <= 30; replicas++) {
      for (let weight = 0; weight <= 100; weight++) {
        for (let maxSurge = 0; maxSurge <= 2; maxSurge++) {
          const {canary, stable} = splitReplicas({replicas, weight, maxSurge})
          const total = canary + stable
          expect(total === replicas || (maxSurge > 0 && total === replicas + 1)).toBe(true)
          if (weight > 0 && weight < 100 && total >= 2) expect(canary > 0 && stable > 0).toBe(true)
        }
      }
    }
  })

  test.each([
    {name: 'weight above 100', input: {replicas: 3, weight: 101, maxSurge: 0}, message: /invalid weight 101/},
    {name: 'negative weight', input: {replicas: 3, weight: -1, maxSurge: 0}, message: /invalid weight -1/},
    {name: 'fractional weight', input: {replicas: 3, weight: 12.5, maxSurge: 0}, message: /invalid weight 12.5/},
    {name: 'negative replicas', input: {replicas: -1, weight: 10, maxSurge: 0}, message: /invalid replicas -1/},
    {name: 'fractional surge', input: {replicas: 3, weight: 10, maxSurge: 0.5}, message: /invalid maxSurge 0.5/},
  ])('rejects $name', ({input, message}) => {
    expect(() => splitReplicas(input)).toThrow(message)
  })
})
