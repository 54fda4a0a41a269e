import {describe, expect, test} from 'vitest'
import {resolveFenceposts, rollingUpdateBudget, rollingUpdateProblems, scaledValueFromIntOrPercent} from './rolling-update-budget.js'

// apimachinery pkg/util/intstr/intstr_test.go TestGetIntFromIntOrPercent, as data.
describe('scaledValueFromIntOrPercent', () => {
  test.each([
    {input: 123, total: 0, roundUp: false, want: 123},
    {input: '90%', total: 100, roundUp: true, want: 90},
    {input: '90%', total: 95, roundUp: true, want: 86},
    {input: '90%', total: 95, roundUp: false, want: 85},
    // Go's strconv.Atoi takes a sign: upstream scales negative percentages too (validation rejects them).
    {input: '-10%', total: 15, roundUp: true, want: -1},
    {input: '+10%', total: 15, roundUp: false, want: 1},
  ])('$input of $total (round up: $roundUp) is $want', ({input, total, roundUp, want}) => {
    expect(scaledValueFromIntOrPercent(input, total, roundUp)).toBe(want)
  })

  test.each([
    {input: '%', problem: 'invalid value "%": not an integer followed by "%"'},
    {input: '90#', problem: 'string is not a percentage'},
    {input: '#%', problem: 'invalid value "#%": not an integer followed by "%"'},
    {input: '90', problem: 'string is not a percentage'},
  ])('$input is an error: $problem', ({input, problem}) => {
    expect(() => scaledValueFromIntOrPercent(input, 10, true)).toThrow(problem)
  })
})

// kubernetes pkg/controller/deployment/util/deployment_util_test.go TestResolveFenceposts (the
// string rows, unset as undefined), plus int rows of the same function.
describe('resolveFenceposts', () => {
  test.each([
    {maxSurge: '0%', maxUnavailable: '0%', desired: 0, want: {maxSurge: 0, maxUnavailable: 1}},
    {maxSurge: '39%', maxUnavailable: '39%', desired: 10, want: {maxSurge: 4, maxUnavailable: 3}},
    {maxSurge: undefined, maxUnavailable: '39%', desired: 10, want: {maxSurge: 0, maxUnavailable: 3}},
    {maxSurge: '39%', maxUnavailable: undefined, desired: 10, want: {maxSurge: 4, maxUnavailable: 0}},
    {maxSurge: undefined, maxUnavailable: undefined, desired: 10, want: {maxSurge: 0, maxUnavailable: 1}},
    {maxSurge: 0, maxUnavailable: 0, desired: 10, want: {maxSurge: 0, maxUnavailable: 1}},
    {maxSurge: 2, maxUnavailable: 3, desired: 10, want: {maxSurge: 2, maxUnavailable: 3}},
    {maxSurge: 5, maxUnavailable: 5, desired: 1, want: {maxSurge: 5, maxUnavailable: 5}},
    {maxSurge: '25%', maxUnavailable: '25%', desired: 10, want: {maxSurge: 3, maxUnavailable: 2}},
    {maxSurge: '25%', maxUnavailable: '25%', desired: 1, want: {maxSurge: 1, maxUnavailable: 0}},
    {maxSurge: '0%', maxUnavailable: '25%', desired: 1, want: {maxSurge: 0, maxUnavailable: 1}},
    {maxSurge: '50%', maxUnavailable: '50%', desired: 3, want: {maxSurge: 2, maxUnavailable: 1}},
    {maxSurge: '100%', maxUnavailable: '100%', desired: 7, want: {maxSurge: 7, maxUnavailable: 7}},
    {maxSurge: '1%', maxUnavailable: '1%', desired: 99, want: {maxSurge: 1, maxUnavailable: 0}},
    {maxSurge: 1, maxUnavailable: '10%', desired: 5, want: {maxSurge: 1, maxUnavailable: 0}},
  ])('maxSurge $maxSurge, maxUnavailable $maxUnavailable of $desired', ({maxSurge, maxUnavailable, desired, want}) => {
    expect(resolveFenceposts(maxSurge, maxUnavailable, desired)).toEqual(want)
  })

  test.each([
    {maxSurge: 'oops', maxUnavailable: '39%', message: 'invalid maxSurge "oops": string is not a percentage'},
    {maxSurge: '55%', maxUnavailable: 'urg', message: 'invalid maxUnavailable "urg": string is not a percentage'},
    {maxSurge: '5', maxUnavailable: '1', message: 'invalid maxSurge "5"'},
    {maxSurge: '5%', maxUnavailable: 'x%', message: 'invalid maxUnavailable "x%"'},
  ])('$maxSurge / $maxUnavailable is an error', ({maxSurge, maxUnavailable, message}) => {
    expect(() => resolveFenceposts(maxSurge, maxUnavailable, 10)).toThrow(expect.objectContaining({code: 'INVALID_MANIFEST', message: expect.stringContaining(message)}))
  })
})

// kubernetes pkg/apis/apps/validation/validation.go ValidateRollingUpdateDeployment (with
// ValidatePositiveIntOrPercent, getIntOrPercentValue, IsNotMoreThan100Percent), in upstream's order.
describe('rollingUpdateProblems', () => {
  const percentMessage = "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%' or '93%')"
  test.each([
    {name: 'the defaults', rollingUpdate: {maxSurge: '25%', maxUnavailable: '25%'}, problems: []},
    {name: 'ints', rollingUpdate: {maxSurge: 1, maxUnavailable: 0}, problems: []},
    {name: '100% unavailable', rollingUpdate: {maxSurge: 0, maxUnavailable: '100%'}, problems: []},
    {name: 'unset counts as 0', rollingUpdate: {maxSurge: 1}, problems: []},
    {name: 'negative surge', rollingUpdate: {maxSurge: -1, maxUnavailable: 1}, problems: ['maxSurge: Invalid value: -1: must be greater than or equal to 0']},
    {name: 'negative percent', rollingUpdate: {maxSurge: '-5%', maxUnavailable: 1}, problems: [`maxSurge: Invalid value: "-5%": ${percentMessage}`]},
    {name: 'a string without %', rollingUpdate: {maxSurge: '25', maxUnavailable: 1}, problems: [`maxSurge: Invalid value: "25": ${percentMessage}`]},
    {name: 'a fraction', rollingUpdate: {maxSurge: 1, maxUnavailable: 1.5}, problems: ["maxUnavailable: Invalid value: 1.5: must be an integer or percentage (e.g '5%')"]},
    {name: 'both 0', rollingUpdate: {maxSurge: 0, maxUnavailable: 0}, problems: ['maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0']},
    {name: 'both 0%', rollingUpdate: {maxSurge: '0%', maxUnavailable: '0%'}, problems: ['maxUnavailable: Invalid value: "0%": may not be 0 when `maxSurge` is 0']},
    {name: 'both unset', rollingUpdate: {}, problems: ['maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0']},
    {name: 'unavailable over 100%', rollingUpdate: {maxSurge: 0, maxUnavailable: '101%'}, problems: ['maxUnavailable: Invalid value: "101%": must not be greater than 100%']},
    {name: 'surge over 100% is allowed', rollingUpdate: {maxSurge: '200%', maxUnavailable: 0}, problems: []},
    {
      name: 'a bad percent counts as 0 for the both-zero rule',
      rollingUpdate: {maxSurge: 'oops', maxUnavailable: 0},
      problems: [`maxSurge: Invalid value: "oops": ${percentMessage}`, 'maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0'],
    },
  ])('$name', ({rollingUpdate, problems}) => {
    expect(rollingUpdateProblems(rollingUpdate)).toEqual(problems)
  })
})

describe('rollingUpdateBudget', () => {
  test('validates as the API server would, then resolves', () => {
    expect(rollingUpdateBudget({maxSurge: '25%', maxUnavailable: '25%'}, 10, 'spec.strategy.rollingUpdate')).toEqual({maxSurge: 3, maxUnavailable: 2})
  })

  test('the first problem is a usage error naming the field', () => {
    expect(() => rollingUpdateBudget({maxSurge: -1, maxUnavailable: 1}, 10, 'spec.strategy.rollingUpdate')).toThrow(
      expect.objectContaining({code: 'INVALID_MANIFEST', message: 'spec.strategy.rollingUpdate.maxSurge: Invalid value: -1: must be greater than or equal to 0'}),
    )
  })
})
