import {describe, expect, test} from 'vitest'
import {KubelineError} from '../errors/kubeline-error.js'
import type {LabelSet} from './label-requirement.js'
import type {LabelSelectorObject} from './label-selector-object.js'
import {labelSelectorFromObject} from './label-selector-object.js'

const matchLabels = {foo: 'bar'}
const matchExpressions = [{key: 'baz', operator: 'In', values: ['qux', 'norf']}]

// apimachinery pkg/apis/meta/v1/helpers_test.go TestLabelSelectorAsSelector, plus the operator
// and value-count rules of LabelSelectorAsSelector / NewRequirement.
describe('labelSelectorFromObject', () => {
  test.each<{name: string; selector: LabelSelectorObject | null | undefined; want: string | 'nothing' | 'everything' | RegExp}>([
    {name: 'null is nothing', selector: null, want: 'nothing'},
    {name: 'undefined is nothing', selector: undefined, want: 'nothing'},
    {name: '{} is everything', selector: {}, want: 'everything'},
    {name: 'empty lists are everything', selector: {matchLabels: {}, matchExpressions: []}, want: 'everything'},
    {name: 'null lists are everything', selector: {matchLabels: null, matchExpressions: null}, want: 'everything'},
    {name: 'matchLabels', selector: {matchLabels}, want: 'foo=bar'},
    {name: 'matchExpressions', selector: {matchExpressions}, want: 'baz in (norf,qux)'},
    {name: 'both, sorted by key', selector: {matchLabels, matchExpressions}, want: 'baz in (norf,qux),foo=bar'},
    {
      name: 'every operator',
      selector: {
        matchLabels: {app: 'web', tier: 'front'},
        matchExpressions: [
          {key: 'env', operator: 'NotIn', values: ['dev']},
          {key: 'canary', operator: 'DoesNotExist'},
          {key: 'team', operator: 'Exists', values: []},
        ],
      },
      want: 'app=web,!canary,env notin (dev),team,tier=front',
    },
    {
      name: 'Exists with values',
      selector: {matchExpressions: [{key: 'baz', operator: 'Exists', values: ['qux', 'norf']}]},
      want: /matchExpressions\[0\]: values: values set must be empty/,
    },
    {name: 'In without values', selector: {matchExpressions: [{key: 'a', operator: 'In'}]}, want: /matchExpressions\[0\]: values: .* can't be empty/},
    {name: 'NotIn with no values', selector: {matchExpressions: [{key: 'a', operator: 'NotIn', values: []}]}, want: /can't be empty/},
    {name: 'DoesNotExist with values', selector: {matchExpressions: [{key: 'a', operator: 'DoesNotExist', values: ['x']}]}, want: /must be empty/},
    {name: 'unknown operator', selector: {matchExpressions: [{key: 'a', operator: 'Gt', values: ['1']}]}, want: /matchExpressions\[0\]\.operator: "Gt" is not a valid label selector operator/},
    {name: 'operators are case-sensitive', selector: {matchExpressions: [{key: 'a', operator: 'in', values: ['1']}]}, want: /"in" is not a valid/},
    {name: 'inherited names are not operators', selector: {matchExpressions: [{key: 'a', operator: 'toString'}]}, want: /"toString" is not a valid/},
    {name: 'bad matchLabels key', selector: {matchLabels: {'a b': 'c'}}, want: /matchLabels\["a b"\]: key "a b"/},
    {name: 'bad matchLabels value', selector: {matchLabels: {a: 'b c'}}, want: /matchLabels\["a"\]: values\[0\] "b c"/},
    {name: 'bad expression key', selector: {matchExpressions: [{key: '', operator: 'Exists'}]}, want: /matchExpressions\[0\]: key ""/},
  ])('$name', ({selector, want}) => {
    if (want instanceof RegExp) {
      let error: unknown
      try {
        labelSelectorFromObject(selector)
      } catch (err) {
        error = err
      }
      expect(error).toBeInstanceOf(KubelineError)
      expect((error as KubelineError).code).toBe('INVALID_SELECTOR')
      expect((error as KubelineError).message).toMatch(want)
      return
    }
    const result = labelSelectorFromObject(selector)
    if (want === 'nothing') expect(result.isNothing()).toBe(true)
    else if (want === 'everything') expect(result.isEverything()).toBe(true)
    else expect(result.toString()).toBe(want)
  })

  test('does not modify its input (TestLabelSelectorAsSelector)', () => {
    const values = ['qux', 'norf']
    const selector = {matchExpressions: [{key: 'baz', operator: 'In', values}]}
    labelSelectorFromObject(selector)
    expect(values).toEqual(['qux', 'norf'])
  })

  // NetworkPolicy-style matching: null selects nothing, {} everything, NotIn/DoesNotExist match absent keys.
  test.each<{selector: LabelSelectorObject | null; labels: LabelSet; want: boolean}>([
    {selector: null, labels: {app: 'web'}, want: false},
    {selector: {}, labels: undefined, want: true},
    {selector: {matchLabels: {app: 'web'}}, labels: {app: 'web', tier: 'x'}, want: true},
    {selector: {matchLabels: {app: 'web'}}, labels: {}, want: false},
    {selector: {matchExpressions: [{key: 'env', operator: 'NotIn', values: ['prod']}]}, labels: {}, want: true},
    {selector: {matchExpressions: [{key: 'env', operator: 'NotIn', values: ['prod']}]}, labels: {env: 'prod'}, want: false},
    {selector: {matchExpressions: [{key: 'env', operator: 'DoesNotExist'}]}, labels: {}, want: true},
    {selector: {matchExpressions: [{key: 'env', operator: 'Exists'}]}, labels: {}, want: false},
    {selector: {matchExpressions: [{key: 'env', operator: 'In', values: ['a', 'b']}]}, labels: {env: 'b'}, want: true},
    {selector: {matchLabels: {app: 'web'}, matchExpressions: [{key: 'env', operator: 'In', values: ['a']}]}, labels: {app: 'web'}, want: false},
  ])('$selector on $labels = $want', ({selector, labels, want}) => {
    expect(labelSelectorFromObject(selector).matches(labels)).toBe(want)
  })
})
