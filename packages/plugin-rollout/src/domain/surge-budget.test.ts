import {describe, expect, test} from 'vitest'
import type {Deployment} from './rollout-objects.js'
import {deploymentSurgeBudget} from './surge-budget.js'

// The arithmetic (ResolveFenceposts) is tested in @kubeline/core; here the Deployment's defaults and strategies.
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
    {name: '0% surge, 25% of 1 rounds to 0/0: one unavailable', strategy: {rollingUpdate: {maxSurge: '0%', maxUnavailable: '25%'}}, desired: 1, want: {maxSurge: 0, maxUnavailable: 1}},
    {name: 'Recreate: no surge, one unavailable', strategy: {type: 'Recreate'}, desired: 10, want: {maxSurge: 0, maxUnavailable: 1}},
  ])('$name', ({strategy, desired, want}) => {
    expect(deploymentSurgeBudget(deployment(strategy), desired)).toEqual(want)
  })

  // kubernetes pkg/apis/apps/validation ValidateRollingUpdateDeployment: what the API server refuses.
  test.each([
    {name: 'a string without %', rollingUpdate: {maxSurge: '25', maxUnavailable: 0}, message: 'spec.strategy.rollingUpdate.maxSurge: Invalid value: "25": a valid percent string'},
    {name: 'a garbage percent', rollingUpdate: {maxSurge: 0, maxUnavailable: 'x%'}, message: 'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "x%"'},
    {name: 'a negative count', rollingUpdate: {maxSurge: -1, maxUnavailable: 0}, message: 'spec.strategy.rollingUpdate.maxSurge: Invalid value: -1: must be greater than or equal to 0'},
    {name: 'a fraction', rollingUpdate: {maxSurge: 0, maxUnavailable: 1.5}, message: 'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 1.5: must be an integer or percentage'},
    {name: 'both 0', rollingUpdate: {maxSurge: 0, maxUnavailable: 0}, message: 'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0'},
  ])('rejects $name (exit 2, naming the field)', ({rollingUpdate, message}) => {
    expect(() => deploymentSurgeBudget(deployment({rollingUpdate}), 10)).toThrow(expect.objectContaining({exitCode: 2, message: expect.stringContaining(message)}))
  })
})
