import {describe, expect, test} from 'vitest'
import {KubelineError} from '../errors/kubeline-error.js'
import type {LabelRequirement, LabelSet, SelectorOperator} from './label-requirement.js'
import {formatLabelRequirement, labelRequirementMatches, labelRequirementProblems, newLabelRequirement} from './label-requirement.js'

const req = (key: string, operator: SelectorOperator, values: string[] = []): LabelRequirement => ({key, operator, values})

// apimachinery pkg/labels/selector_test.go TestRequirementConstructor (both the success/failure table
// and the later table that names the failing field: "key", "values", "values[0]", "operator").
describe('labelRequirementProblems', () => {
  test.each([
    {key: 'x', operator: 'in', values: [], where: 'values:'},
    {key: 'x', operator: 'notin', values: [], where: 'values:'},
    {key: 'x', operator: 'in', values: ['foo'], where: undefined},
    {key: 'x', operator: 'notin', values: ['foo'], where: undefined},
    {key: 'x', operator: 'exists', values: [], where: undefined},
    {key: 'x', operator: '!', values: [], where: undefined},
    {key: '1foo', operator: 'in', values: ['bar'], where: undefined},
    {key: '1234', operator: 'in', values: ['bar'], where: undefined},
    {key: 'y', operator: 'gt', values: ['1'], where: undefined},
    {key: 'z', operator: 'lt', values: ['6'], where: undefined},
    {key: 'foo', operator: 'gt', values: ['bar'], where: 'values[0] "bar"'},
    {key: 'barz', operator: 'lt', values: ['blah'], where: 'values[0] "blah"'},
    {key: 'a'.repeat(254), operator: 'exists', values: [], where: 'key "aaaa'},
    {key: 'x5', operator: '=', values: ['bar', 'foo'], where: 'values: exact-match compatibility requires one single value'},
    {key: 'x8', operator: 'exists', values: ['foo'], where: 'values: values set must be empty'},
    {key: 'x8b', operator: '!', values: ['foo'], where: 'values: values set must be empty'},
    {key: 'x13', operator: 'gt', values: [], where: "values: for 'gt', 'lt' operators, exactly one value is required"},
    {key: 'x13b', operator: 'lt', values: ['1', '2'], where: 'exactly one value is required'},
    {key: 'x16', operator: '=', values: ['a'.repeat(254)], where: 'values[0] "aaaa'},
    {key: 'x17', operator: '=', values: ['a b'], where: 'values[0] "a b" of key "x17"'},
    {key: 'x18', operator: 'unsupportedOp', values: [], where: 'operator "unsupportedOp": not supported'},
    {key: 'x19', operator: '==', values: [], where: 'values: exact-match'},
    {key: 'x20', operator: '!=', values: [''], where: undefined},
    {key: 'x21', operator: 'gt', values: ['-1'], where: 'values[0] "-1" of key "x21"'}, // an integer, but not a label value
  ])('$key $operator $values', ({key, operator, values, where}) => {
    const problems = labelRequirementProblems(key, operator, values).join('; ')
    if (where === undefined) expect(problems).toBe('')
    else expect(problems).toContain(where)
  })

  test('newLabelRequirement throws INVALID_SELECTOR and copies the values', () => {
    expect(() => newLabelRequirement('x', 'in', [])).toThrow(KubelineError)
    expect(() => newLabelRequirement('x', 'In', ['a'])).toThrow(/invalid label selector requirement on key "x": operator "In"/)
    const values = ['b', 'a']
    const requirement = newLabelRequirement('x', 'in', values)
    values.push('c')
    expect(requirement).toEqual({key: 'x', operator: 'in', values: ['b', 'a']})
    expect(Object.isFrozen(requirement.values)).toBe(true)
  })
})

// selector_test.go TestRequirementSelectorMatching (one requirement at a time) plus the
// missing-key rules of Requirement.Matches for every operator.
describe('labelRequirementMatches', () => {
  test.each<{labels: LabelSet; requirement: LabelRequirement; want: boolean}>([
    {labels: {x: 'foo', y: 'baz'}, requirement: req('x', 'in', ['foo']), want: true},
    {labels: {x: 'foo', y: 'baz'}, requirement: req('y', 'notin', ['alpha']), want: true},
    {labels: {x: 'foo', y: 'baz'}, requirement: req('y', 'in', ['alpha']), want: false},
    {labels: {y: ''}, requirement: req('x', 'notin', ['']), want: true},
    {labels: {y: ''}, requirement: req('y', 'exists'), want: true},
    {labels: {y: ''}, requirement: req('x', '!'), want: true},
    {labels: {y: ''}, requirement: req('y', '!'), want: false},
    {labels: {y: 'baz'}, requirement: req('x', 'in', ['']), want: false},
    {labels: {z: '2'}, requirement: req('z', 'gt', ['1']), want: true},
    {labels: {z: 'v2'}, requirement: req('z', 'gt', ['1']), want: false},
    // a missing key
    {labels: {}, requirement: req('k', '='), want: false},
    {labels: {}, requirement: req('k', '==', ['']), want: false},
    {labels: {}, requirement: req('k', '!=', ['a']), want: true},
    {labels: {}, requirement: req('k', 'notin', ['a']), want: true},
    {labels: {}, requirement: req('k', 'exists'), want: false},
    {labels: {}, requirement: req('k', '!'), want: true},
    {labels: {}, requirement: req('k', 'gt', ['1']), want: false},
    {labels: {}, requirement: req('k', 'lt', ['1']), want: false},
    {labels: undefined, requirement: req('k', 'notin', ['a']), want: true},
    {labels: null, requirement: req('k', 'in', ['a']), want: false},
    // inherited properties are not labels
    {labels: {}, requirement: req('constructor', 'exists'), want: false},
    {labels: {}, requirement: req('toString', '!'), want: true},
    // an empty value is still a value
    {labels: {k: ''}, requirement: req('k', '=', ['']), want: true},
    {labels: {k: ''}, requirement: req('k', '!=', ['']), want: false},
    {labels: {k: ''}, requirement: req('k', 'notin', ['a']), want: true},
    // gt / lt are 64-bit integer comparisons (strconv.ParseInt)
    {labels: {k: '10'}, requirement: req('k', 'gt', ['9']), want: true},
    {labels: {k: '10'}, requirement: req('k', 'lt', ['9']), want: false},
    {labels: {k: '5'}, requirement: req('k', 'gt', ['5']), want: false},
    {labels: {k: '007'}, requirement: req('k', 'gt', ['6']), want: true},
    {labels: {k: '+7'}, requirement: req('k', 'gt', ['6']), want: true},
    {labels: {k: '-7'}, requirement: req('k', 'lt', ['0']), want: true},
    {labels: {k: '9223372036854775807'}, requirement: req('k', 'gt', ['9223372036854775806']), want: true},
    {labels: {k: '9223372036854775808'}, requirement: req('k', 'gt', ['1']), want: false},
    {labels: {k: '1.5'}, requirement: req('k', 'gt', ['1']), want: false},
    {labels: {k: '1_000'}, requirement: req('k', 'gt', ['1']), want: false},
    {labels: {k: ''}, requirement: req('k', 'lt', ['1']), want: false},
  ])('$requirement.key $requirement.operator $requirement.values on $labels = $want', ({labels, requirement, want}) => {
    expect(labelRequirementMatches(requirement, labels)).toBe(want)
  })
})

// selector_test.go TestToString, one requirement per row.
describe('formatLabelRequirement', () => {
  test.each([
    {requirement: req('x', 'in', ['abc', 'def']), want: 'x in (abc,def)'},
    {requirement: req('x', 'in', ['def', 'abc']), want: 'x in (abc,def)'},
    {requirement: req('y', 'notin', ['jkl']), want: 'y notin (jkl)'},
    {requirement: req('z', 'exists'), want: 'z'},
    {requirement: req('z', '!'), want: '!z'},
    {requirement: req('y', '!=', ['jkl']), want: 'y!=jkl'},
    {requirement: req('z', 'notin', ['']), want: 'z notin ()'},
    {requirement: req('x', '=', ['abc']), want: 'x=abc'},
    {requirement: req('y', '==', ['jkl']), want: 'y==jkl'},
    {requirement: req('x', 'gt', ['2']), want: 'x>2'},
    {requirement: req('y', 'lt', ['8']), want: 'y<8'},
    {requirement: req('x', '=', ['']), want: 'x='},
  ])('$want', ({requirement, want}) => {
    expect(formatLabelRequirement(requirement)).toBe(want)
  })
})
