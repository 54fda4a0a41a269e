import {describe, expect, test} from 'vitest'
import {resolveSurgeBudget} from './surge-budget.js'

// kubernetes pkg/controller/deployment/util/deployment_util_test.go TestResolveFenceposts, plus Deployment defaults.
describe('resolveSurgeBudget', () => {
  test.each([
    {maxSurge: '0%', maxUnavailable: '0%', desired: 0, surge: 0, unavailable: 1},
    {maxSurge: '39%', maxUnavailable: '39%', desired: 10, surge: 4, unavailable: 3},
    {maxSurge: undefined, maxUnavailable: '39%', desired: 10, surge: 0, unavailable: 3},
    {maxSurge: '39%', maxUnavailable: undefined, desired: 10, surge: 4, unavailable: 0},
    {maxSurge: undefined, maxUnavailable: undefined, desired: 10, surge: 0, unavailable: 1},
    {maxSurge: '25%', maxUnavailable: '25%', desired: 3, surge: 1, unavailable: 0},
    {maxSurge: '25%', maxUnavailable: '25%', desired: 1, surge: 1, unavailable: 0},
    {maxSurge: 2, maxUnavailable: 0, desired: 10, surge: 2, unavailable: 0},
    {maxSurge: '100%', maxUnavailable: 0, desired: 7, surge: 7, unavailable: 0},
  ])('maxSurge $maxSurge, maxUnavailable $maxUnavailable of $desired → +$surge/-$unavailable', ({maxSurge, maxUnavailable, desired, surge, unavailable}) => {
    expect(resolveSurgeBudget(maxSurge, maxUnavailable, desired)).toEqual({surge, unavailable})
  })

  test.each([
    {maxSurge: 'oops', maxUnavailable: '1%'},
    {maxSurge: '55%', maxUnavailable: 'urg'},
    {maxSurge: '25', maxUnavailable: 0},
  ])('rejects $maxSurge / $maxUnavailable', ({maxSurge, maxUnavailable}) => {
    expect(() => resolveSurgeBudget(maxSurge, maxUnavailable, 10)).toThrow(expect.objectContaining({code: 'INVALID_MANIFEST'}))
  })
})
