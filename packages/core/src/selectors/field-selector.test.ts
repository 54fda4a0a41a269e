import {describe, expect, test} from 'vitest'
import type {FieldSet} from './field-selector.js'
import {escapeFieldSelectorValue, FieldSelector} from './field-selector.js'
import {parseFieldSelector} from './parse-field-selector.js'

// apimachinery pkg/fields/selector_test.go TestEscapeValue.
describe('escapeFieldSelectorValue', () => {
  test.each<[string, string]>([
    ['', ''],
    ['a', 'a'],
    ['=', '\\='],
    [',', '\\,'],
    ['\\', '\\\\'],
    ['\\=\\,\\', '\\\\\\=\\\\\\,\\\\'],
  ])('%j is %j', (value, escaped) => {
    expect(escapeFieldSelectorValue(value)).toBe(escaped)
  })
})

// selector_test.go TestEverything, TestSelectorMatches, TestOneTermEqualSelector.
describe('FieldSelector.matches', () => {
  test('everything', () => {
    expect(FieldSelector.everything().matches({x: 'y'})).toBe(true)
    expect(FieldSelector.everything().isEverything()).toBe(true)
    expect(FieldSelector.everything().toString()).toBe('')
    expect(parseFieldSelector('').isEverything()).toBe(true)
    expect(parseFieldSelector('x=y').isEverything()).toBe(false)
  })

  const fieldset = {foo: 'bar', baz: 'blah', complex: '=value\\,\\'}
  test.each<{selector: string; fields: FieldSet; want: boolean}>([
    {selector: '', fields: {x: 'y'}, want: true},
    {selector: 'x=y', fields: {x: 'y'}, want: true},
    {selector: 'x=y,z=w', fields: {x: 'y', z: 'w'}, want: true},
    {selector: 'x!=y,z!=w', fields: {x: 'z', z: 'a'}, want: true},
    {selector: 'notin=in', fields: {notin: 'in'}, want: true},
    {selector: 'x=y', fields: {x: 'z'}, want: false},
    {selector: 'x=y,z=w', fields: {x: 'w', z: 'w'}, want: false},
    {selector: 'x!=y,z!=w', fields: {x: 'z', z: 'w'}, want: false},
    {selector: 'foo=bar', fields: fieldset, want: true},
    {selector: 'baz=blah', fields: fieldset, want: true},
    {selector: 'foo=bar,baz=blah', fields: fieldset, want: true},
    {selector: 'foo=bar,baz=blah,complex=\\=value\\\\\\,\\\\', fields: fieldset, want: true},
    {selector: 'foo=blah', fields: fieldset, want: false},
    {selector: 'baz=bar', fields: fieldset, want: false},
    {selector: 'foo=bar,foobar=bar,baz=blah', fields: fieldset, want: false},
    // a missing field reads as ""
    {selector: 'x!=y', fields: {}, want: true},
    {selector: 'x=', fields: {}, want: true},
    {selector: 'x!=', fields: {}, want: false},
    {selector: 'constructor=', fields: {}, want: true},
    {selector: 'metadata.name=web,metadata.namespace=prod', fields: {'metadata.name': 'web', 'metadata.namespace': 'prod'}, want: true},
    {selector: 'metadata.name=web,metadata.namespace=prod', fields: {'metadata.name': 'web', 'metadata.namespace': 'dev'}, want: false},
  ])('$selector on $fields = $want', ({selector, fields, want}) => {
    expect(parseFieldSelector(selector).matches(fields)).toBe(want)
  })

  test('fromRequirements keeps order and copies', () => {
    const requirements = [{field: 'x', operator: '=' as const, value: 'y'}, {field: 'a', operator: '!=' as const, value: ','}]
    const selector = FieldSelector.fromRequirements(requirements)
    expect(selector.toString()).toBe('x=y,a!=\\,')
    expect(selector.matches({x: 'y'})).toBe(true)
    expect(selector.matches({x: 'z'})).toBe(false)
    expect(Object.isFrozen(selector.requirements)).toBe(true)
  })
})
