import {describe, expect, test} from 'vitest'
import type {Deployment} from './rollout-objects.js'
import {deploymentSurgeBudget, resolveSurgeBudget} from './surge-budget.js'

// kubernetes pkg/controller/deployment/util/deployment_util_test.go TestResolveFenceposts and
// apimachinery intstr_test.go TestGetScaledValueFromIntOrPercent, as data.
describe('resolveSurgeBudget', () => {
  test.each([
    {name: 'both unset', surge: undefined, unavailable: undefined, desired: 10, want: {maxSurge: 0, maxUnavailable: 1}},
    {name: 'both zero ints', surge: 0, unavailable: 0, desired: 10, want: {maxSurge: 0, maxUnavailable: 1}},
    {name: 'ints pass through', surge: 2, unavailable: 3, desired: 10, want: {maxSurge: 2, maxUnavailable: 3}},
    {name: 'ints ignore desired', surge: 5, unavailable: 5, desired: 1, want: {maxSurge: 5, maxUnavailable: 5}},
    {name: '25% of 10: surge up, unavailable down', surge: '25%', unavailable: '25%', desired: 10, want: {maxSurge: 3, maxUnavailable: 2}},
    {name: '25% of 1', surge: '25%', unavailable: '25%', desired: 1, want: {maxSurge: 1, maxUnavailable: 0}},
    {name: '0% surge, 25% of 1 -> both zero rule', surge: '0%', unavailable: '25%', desired: 1, want: {maxSurge: 0, maxUnavailable: 1}},
    {name: '0%/0% -> unavailable 1', surge: '0%', unavailable: '0%', desired: 10, want: {maxSurge: 0, maxUnavailable: 1}},
    {name: '20% of 10 exact', surge: '20%', unavailable: '20%', desired: 10, want: {maxSurge: 2, maxUnavailable: 2}},
    {name: '50% of 3', surge: '50%', unavailable: '50%', desired: 3, want: {maxSurge: 2, maxUnavailable: 1}},
    {name: '100% of 7', surge: '100%', unavailable: '100%', desired: 7, want: {maxSurge: 7, maxUnavailable: 7}},
    {name: '1% of 99', surge: '1%', unavailable: '1%', desired: 99, want: {maxSurge: 1, maxUnavailable: 0}},
    {name: 'percent of 0 desired', surge: '25%', unavailable: '25%', desired: 0, want: {maxSurge: 0, maxUnavailable: 1}},
    {name: 'mixed int and percent', surge: 1, unavailable: '10%', desired: 5, want: {maxSurge: 1, maxUnavailable: 0}},
  ])('$name', ({surge, unavailable, desired, want}) => {
    expect(resolveSurgeBudget(surge, unavailable, desired)).toEqual(want)
  })

  test.each([
    {name: 'string without % (intstr rejects it)', surge: '25', unavailable: 0, message: /invalid maxSurge "25": a string must be a percentage/},
    {name: 'garbage percent', surge: 0, unavailable: 'x%', message: /invalid maxUnavailable "x%"/},
    {name: 'negative int', surge: -1, unavailable: 0, message: /invalid maxSurge -1/},
    {name: 'fraction', surge: 0, unavailable: 1.5, message: /invalid maxUnavailable 1.5/},
  ])('rejects $name', ({surge, unavailable, message}) => {
    expect(() => resolveSurgeBudget(surge, unavailable, 10)).toThrow(message)
  })
})

describe('deploymentSurgeBudget', () => {
  const deployment = (strategy: Deployment['spec']['strategy']): Deployment => ({
    metadata: {name: 'web'},
    spec: {selector: {}, template: {}, strategy},
  })
  test.each([
    {name: 'no strategy: API defaults 25%/25%', strategy: undefined, desired: 8, want: {maxSurge: 2, maxUnavailable: 2}},
    {name: 'rolling update without fields: defaults', strategy: {type: 'RollingUpdate'}, desired: 10, want: {maxSurge: 3, maxUnavailable: 2}},
    {name: 'explicit values', strategy: {rollingUpdate: {maxSurge: 1, maxUnavailable: 0}}, desired: 10, want: {maxSurge: 1, maxUnavailable: 0}},
    {name: 'only surge set: unavailable defaults', strategy: {rollingUpdate: {maxSurge: 0}}, desired: 4, want: {maxSurge: 0, maxUnavailable: 1}},
    {name: 'Recreate: no surge, one unavailable', strategy: {type: 'Recreate'}, desired: 10, want: {maxSurge: 0, maxUnavailable: 1}},
  ])('$name', ({strategy, desired, want}) => {
    expect(deploymentSurgeBudget(deployment(strategy), desired)).toEqual(want)
  })
})
