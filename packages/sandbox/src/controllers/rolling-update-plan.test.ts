import {expect, test} from 'vitest'
import {planRollingUpdate, resolveRollingBudget} from './rolling-update-plan.js'

// Budget cases after upstream pkg/controller/deployment/util/deployment_util_test.go TestResolveFenceposts.
test.each([
  {name: 'defaults are 25% each', strategy: undefined, desired: 4, want: {maxSurge: 1, maxUnavailable: 1}},
  {name: 'surge rounds up, unavailable down', strategy: {maxSurge: '25%', maxUnavailable: '25%'}, desired: 10, want: {maxSurge: 3, maxUnavailable: 2}},
  {name: 'both zero makes unavailable 1', strategy: {maxSurge: 0, maxUnavailable: 0}, desired: 5, want: {maxSurge: 0, maxUnavailable: 1}},
  {name: 'percent rounding to zero on both sides', strategy: {maxSurge: '0%', maxUnavailable: '1%'}, desired: 10, want: {maxSurge: 0, maxUnavailable: 1}},
  {name: 'integers as given', strategy: {maxSurge: 2, maxUnavailable: 0}, desired: 3, want: {maxSurge: 2, maxUnavailable: 0}},
  {name: '100% surge', strategy: {maxSurge: '100%', maxUnavailable: 0}, desired: 3, want: {maxSurge: 3, maxUnavailable: 0}},
])('budget: $name', ({strategy, desired, want}) => {
  expect(resolveRollingBudget(strategy, desired)).toEqual(want)
})

const set = (replicas: number, available = replicas) => ({replicas, available})

test.each([
  {name: 'new set grows by the surge first', desired: 4, budget: {maxSurge: 1, maxUnavailable: 1}, newSet: set(0), old: [set(4)], want: {newReplicas: 1, oldReplicas: [4]}},
  {name: 'then old shrinks to desired - maxUnavailable', desired: 4, budget: {maxSurge: 1, maxUnavailable: 1}, newSet: set(1, 0), old: [set(4)], want: {newReplicas: 1, oldReplicas: [3]}},
  {name: 'no surge room and nothing available to give up', desired: 4, budget: {maxSurge: 1, maxUnavailable: 0}, newSet: set(1, 0), old: [set(4)], want: {newReplicas: 1, oldReplicas: [4]}},
  {name: 'unavailable old pods go first, up to total - minAvailable', desired: 4, budget: {maxSurge: 1, maxUnavailable: 0}, newSet: set(1, 1), old: [set(4, 2)], want: {newReplicas: 1, oldReplicas: [3]}},
  {name: 'available old pods go down to the floor', desired: 4, budget: {maxSurge: 1, maxUnavailable: 1}, newSet: set(2), old: [set(3)], want: {newReplicas: 2, oldReplicas: [1]}},
  {name: 'oldest set shrinks first', desired: 4, budget: {maxSurge: 0, maxUnavailable: 2}, newSet: set(0), old: [set(2), set(2)], want: {newReplicas: 0, oldReplicas: [0, 2]}},
  {name: 'finished rollout scales old to zero', desired: 3, budget: {maxSurge: 1, maxUnavailable: 0}, newSet: set(3), old: [set(1)], want: {newReplicas: 3, oldReplicas: [0]}},
  {name: 'scale up with no old sets', desired: 5, budget: {maxSurge: 2, maxUnavailable: 1}, newSet: set(2), old: [], want: {newReplicas: 5, oldReplicas: []}},
  {name: 'scale down with no old sets', desired: 1, budget: {maxSurge: 1, maxUnavailable: 0}, newSet: set(3), old: [], want: {newReplicas: 1, oldReplicas: []}},
])('plan: $name', ({desired, budget, newSet, old, want}) => {
  expect(planRollingUpdate(desired, budget, newSet, old)).toEqual(want)
})
