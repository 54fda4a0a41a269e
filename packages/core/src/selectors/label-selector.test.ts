import {describe, expect, test} from 'vitest'
import {KubelineError} from '../errors/kubeline-error.js'
import type {LabelRequirement, LabelSet, SelectorOperator} from './label-requirement.js'
import {LabelSelector} from './label-selector.js'

const req = (key: string, operator: SelectorOperator, values: string[] = []): LabelRequirement => ({key, operator, values})

// apimachinery pkg/labels/selector_test.go TestEverything, TestSetIsEmpty and labels.Nothing().
describe('LabelSelector.everything / nothing', () => {
  test.each<LabelSet>([{x: 'y'}, {}, undefined, null])('everything matches %j, nothing does not', (labels) => {
    expect(LabelSelector.everything().matches(labels)).toBe(true)
    expect(LabelSelector.nothing().matches(labels)).toBe(false)
  })

  test('flags and strings', () => {
    expect(LabelSelector.everything().isEverything()).toBe(true)
    expect(LabelSelector.everything().isNothing()).toBe(false)
    expect(LabelSelector.nothing().isEverything()).toBe(false)
    expect(LabelSelector.nothing().isNothing()).toBe(true)
    expect(LabelSelector.everything().toString()).toBe('')
    expect(LabelSelector.nothing().toString()).toBe('')
    expect(LabelSelector.fromRequirements([]).isEverything()).toBe(true)
    expect(LabelSelector.fromRequirements([req('x', 'exists')]).isEverything()).toBe(false)
  })
})

// selector_test.go TestToString (several requirements) and TestRequirementSelectorMatching.
describe('LabelSelector.fromRequirements', () => {
  test.each([
    {requirements: [req('x', 'in', ['abc', 'def']), req('y', 'notin', ['jkl']), req('z', 'exists')], want: 'x in (abc,def),y notin (jkl),z'},
    {requirements: [req('x', 'notin', ['abc', 'def']), req('y', '!=', ['jkl']), req('z', '!')], want: 'x notin (abc,def),y!=jkl,!z'},
    {requirements: [req('x', 'notin', ['abc']), req('y', 'in', ['jkl', 'mno']), req('z', 'notin', [''])], want: 'x notin (abc),y in (jkl,mno),z notin ()'},
    {requirements: [req('x', '=', ['abc']), req('y', '==', ['jkl']), req('z', '!=', ['a']), req('z', 'exists')], want: 'x=abc,y==jkl,z!=a,z'},
    {requirements: [req('x', 'gt', ['2']), req('y', 'lt', ['8']), req('z', 'exists')], want: 'x>2,y<8,z'},
    // sorted by key, stable for equal keys (TestAdd)
    {requirements: [req('key2', '=', ['value2']), req('key', 'in', ['value'])], want: 'key in (value),key2=value2'},
    {requirements: [req('z', 'exists'), req('a', '!'), req('z', '!=', ['a'])], want: '!a,z,z!=a'},
  ])('$want', ({requirements, want}) => {
    expect(LabelSelector.fromRequirements(requirements).toString()).toBe(want)
  })

  test.each<{labels: LabelSet; requirements: LabelRequirement[]; want: boolean}>([
    {labels: {x: 'foo', y: 'baz'}, requirements: [req('x', 'in', ['foo']), req('y', 'notin', ['alpha'])], want: true},
    {labels: {x: 'foo', y: 'baz'}, requirements: [req('x', 'in', ['foo']), req('y', 'in', ['alpha'])], want: false},
    {labels: {y: ''}, requirements: [req('x', 'notin', ['']), req('y', 'exists')], want: true},
    {labels: {y: ''}, requirements: [req('x', '!'), req('y', 'exists')], want: true},
    {labels: {y: ''}, requirements: [req('x', 'notin', ['']), req('y', '!')], want: false},
    {labels: {y: 'baz'}, requirements: [req('x', 'in', [''])], want: false},
    {labels: {z: '2'}, requirements: [req('z', 'gt', ['1'])], want: true},
    {labels: {z: 'v2'}, requirements: [req('z', 'gt', ['1'])], want: false},
  ])('matches $labels = $want', ({labels, requirements, want}) => {
    expect(LabelSelector.fromRequirements(requirements).matches(labels)).toBe(want)
  })

  test('validates and freezes', () => {
    expect(() => LabelSelector.fromRequirements([req('x', 'in')])).toThrow(KubelineError)
    expect(() => LabelSelector.fromRequirements([req('bad key', 'exists')])).toThrow(/key "bad key"/)
    const selector = LabelSelector.fromRequirements([req('b', 'exists'), req('a', 'exists')])
    expect(selector.requirements.map((r) => r.key)).toEqual(['a', 'b'])
    expect(Object.isFrozen(selector.requirements)).toBe(true)
  })
})
