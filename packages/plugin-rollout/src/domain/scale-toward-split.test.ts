import {resolveFenceposts} from '@kubeline/core'
import {expect, test} from 'vitest'
import {scaleTowardSplit} from './scale-toward-split.js'

// Transcribed from argoproj/argo-rollouts utils/replicaset/canary_test.go TestCalculateReplicaCountsForCanary:
// every basic-canary row without an older ReplicaSet. promoteFull rows are weight 100 here.
// Columns: N, weight, maxSurge, maxUnavailable, stable spec/available, canary spec/available -> stable, canary.
const rows: {name: string; n: number; w: number; surge: number | string; unavail: number | string; stable: [number, number]; canary: [number, number]; want: [stable: number, canary: number]}[] = [
  {name: 'do not add extra RSs in scaleDownCount when spec < available', n: 10, w: 100, surge: 3, unavail: 0, stable: [7, 8], canary: [6, 3], want: [7, 6]},
  {name: 'use max surge int to scale up canary', n: 10, w: 20, surge: 2, unavail: 0, stable: [10, 10], canary: [0, 0], want: [10, 2]},
  {name: 'use max surge percentage to scale up canary', n: 10, w: 20, surge: '20%', unavail: 0, stable: [10, 10], canary: [0, 0], want: [10, 2]},
  {name: 'scale down extra stable replicas', n: 10, w: 20, surge: '20%', unavail: 0, stable: [10, 10], canary: [2, 2], want: [8, 2]},
  {name: 'do not go past max surge', n: 10, w: 30, surge: 2, unavail: 0, stable: [10, 10], canary: [0, 0], want: [10, 2]},
  {name: 'use max unavailable int to scale down stable', n: 10, w: 20, surge: 0, unavail: 2, stable: [10, 10], canary: [0, 0], want: [8, 0]},
  {name: 'use max unavailable percentage to scale down stable', n: 10, w: 20, surge: 0, unavail: '20%', stable: [10, 10], canary: [0, 0], want: [8, 0]},
  {name: 'do not go past max unavailable', n: 10, w: 30, surge: 0, unavail: 2, stable: [10, 10], canary: [0, 0], want: [8, 0]},
  {name: 'use max surge and max unavailable', n: 10, w: 50, surge: 2, unavail: 1, stable: [10, 10], canary: [0, 0], want: [9, 2]},
  {name: 'scale canary to zero on weight 0', n: 10, w: 0, surge: 1, unavail: 1, stable: [10, 10], canary: [1, 1], want: [10, 0]},
  {name: 'scale stable to zero on weight 100', n: 10, w: 100, surge: 1, unavail: 1, stable: [1, 1], canary: [10, 10], want: [0, 10]},
  {name: 'do not scale canary down to zero on non-zero weight', n: 1, w: 20, surge: 1, unavail: 0, stable: [1, 1], canary: [0, 0], want: [1, 1]},
  {name: 'do not scale canary down to zero on non-100 weight', n: 1, w: 90, surge: 1, unavail: 0, stable: [1, 1], canary: [0, 0], want: [1, 1]},
  {name: 'scale down canary and stable', n: 10, w: 30, surge: 0, unavail: 3, stable: [8, 5], canary: [4, 4], want: [7, 3]},
  {name: 'scale down stable and canary available', n: 10, w: 100, surge: 1, unavail: 0, stable: [10, 2], canary: [10, 8], want: [2, 9]},
  {name: 'do not round past maxSurge with uneven weight', n: 10, w: 5, surge: 0, unavail: 1, stable: [10, 10], canary: [0, 0], want: [9, 0]},
  {name: 'do not round past maxSurge with uneven weight (part 2)', n: 10, w: 5, surge: 0, unavail: 1, stable: [9, 9], canary: [0, 0], want: [9, 1]},
  {name: 'maxUnavailable 1 when 0%/0%', n: 10, w: 10, surge: '0%', unavail: '0%', stable: [10, 10], canary: [0, 0], want: [9, 0]},
  {name: 'setCanaryScale ignored without traffic routing', n: 10, w: 20, surge: '20%', unavail: 0, stable: [10, 10], canary: [0, 0], want: [10, 2]},
  {name: 'honor maxSurge during scale up when stable unavailable', n: 4, w: 100, surge: 1, unavail: 0, stable: [4, 1], canary: [0, 0], want: [4, 1]},
  {name: 'scale down to maxUnavailable without exceeding maxSurge', n: 3, w: 99, surge: 0, unavail: 2, stable: [3, 3], canary: [0, 0], want: [1, 0]},
  {name: 'scale down to maxUnavailable without exceeding maxSurge (part 2)', n: 3, w: 99, surge: 0, unavail: 2, stable: [1, 1], canary: [0, 0], want: [1, 2]},
  {name: 'honor maxUnavailable during scale down when stable unavailable', n: 4, w: 100, surge: 1, unavail: 0, stable: [4, 1], canary: [1, 1], want: [3, 1]},
  {name: 'honor maxUnavailable when aborting (part 1)', n: 4, w: 0, surge: 1, unavail: 0, stable: [0, 0], canary: [4, 4], want: [1, 4]},
  {name: 'honor maxUnavailable when aborting (part 2: stable not yet available)', n: 4, w: 0, surge: 1, unavail: 0, stable: [1, 0], canary: [4, 4], want: [1, 4]},
  {name: 'honor maxUnavailable when aborting (part 3)', n: 4, w: 0, surge: 1, unavail: 0, stable: [1, 1], canary: [4, 4], want: [1, 3]},
  {name: 'promote full does not consider the step weight', n: 4, w: 100, surge: 4, unavail: 4, stable: [4, 4], canary: [0, 0], want: [0, 4]},
  {name: 'promote full still honors maxSurge/maxUnavailable', n: 4, w: 100, surge: 3, unavail: 0, stable: [4, 4], canary: [0, 0], want: [4, 3]},
  // Argo's doc comment on CalculateReplicaCountsForBasicCanary
  {name: 'doc: 10 at 10%, unavailable 1, surge 1', n: 10, w: 10, surge: 1, unavail: 1, stable: [10, 10], canary: [0, 0], want: [9, 1]},
  {name: 'doc: 10 at 30%, unavailable 0, surge 3', n: 10, w: 30, surge: 3, unavail: 0, stable: [10, 10], canary: [0, 0], want: [10, 3]},
  {name: 'doc: 10 at 30%, unavailable 5, surge 0', n: 10, w: 30, surge: 0, unavail: 5, stable: [10, 10], canary: [0, 0], want: [7, 0]},
  // The comment says 9/1; it predates PR #1759, whose split for 5 % of 10 with surge is 1 canary + 10 stable.
  {name: 'doc: 10 at 5%, unavailable 1, surge 1 (surges instead)', n: 10, w: 5, surge: 1, unavail: 1, stable: [10, 10], canary: [0, 0], want: [10, 1]},
  {name: 'doc: 1 at 5%, unavailable 0, surge 1', n: 1, w: 5, surge: 1, unavail: 0, stable: [1, 1], canary: [0, 0], want: [1, 1]},
  {name: 'doc: 1 at 95%, unavailable 0, surge 1', n: 1, w: 95, surge: 1, unavail: 0, stable: [1, 1], canary: [0, 0], want: [1, 1]},
  // ours: already at the split, nothing moves
  {name: 'at the split already', n: 10, w: 20, surge: 1, unavail: 0, stable: [8, 8], canary: [2, 2], want: [8, 2]},
]

test.each(rows)('$name', ({n, w, surge, unavail, stable, canary, want}) => {
  const budget = resolveFenceposts(surge, unavail, n)
  const got = scaleTowardSplit({
    replicas: n,
    weight: w,
    budget,
    stable: {spec: stable[0], available: stable[1]},
    canary: {spec: canary[0], available: canary[1]},
  })
  expect([got.stable, got.canary]).toEqual(want)
})
