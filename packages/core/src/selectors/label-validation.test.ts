import {describe, expect, test} from 'vitest'
import {labelKeyProblems, labelValueProblems} from './label-validation.js'

// Cases from apimachinery pkg/api/validate/content/kube_test.go (TestIsLabelKey, TestIsLabelValue).
describe('labelKeyProblems', () => {
  test.each([
    'simple',
    'now-with-dashes',
    '1-starts-with-num',
    '1234',
    'simple/simple',
    'now-with-dashes/simple',
    'now-with-dashes/now-with-dashes',
    'now.with.dots/simple',
    'now-with.dashes-and.dots/simple',
    '1-num.2-num/3-num',
    '1234/5678',
    '1.2.3.4/5678',
    'Uppercase_Is_OK_123',
    'example.com/Uppercase_Is_OK_123',
    'requests.storage-foo',
    'a'.repeat(63),
    `${'a'.repeat(253)}/${'b'.repeat(63)}`,
  ])('accepts %j', (key) => {
    expect(labelKeyProblems(key)).toEqual([])
  })

  test.each([
    {key: 'nospecialchars%^=@', problem: 'name part must consist of alphanumeric characters'},
    {key: 'cantendwithadash-', problem: 'name part must consist'},
    {key: '-cantstartwithadash-', problem: 'name part must consist'},
    {key: 'only/one/slash', problem: 'a valid label key must consist'},
    {key: 'Example.com/abc', problem: 'prefix part a lowercase RFC 1123 subdomain'},
    {key: 'example_com/abc', problem: 'prefix part a lowercase RFC 1123 subdomain'},
    {key: 'example.com/', problem: 'name part must be non-empty'},
    {key: '/simple', problem: 'prefix part must be non-empty'},
    {key: 'a'.repeat(64), problem: 'name part must be no more than 63 bytes'},
    {key: `${'a'.repeat(254)}/abc`, problem: 'prefix part must be no more than 253 bytes'},
    {key: '', problem: 'name part must be non-empty'},
    {key: 'a'.repeat(254), problem: 'no more than 63 bytes'}, // selector_test.go TestRequirementConstructor
  ])('rejects $key ($problem)', ({key, problem}) => {
    expect(labelKeyProblems(key).join('; ')).toContain(problem)
  })
})

describe('labelValueProblems', () => {
  test.each(['simple', 'now-with-dashes', '1-starts-with-num', 'end-with-num-1', '1234', 'a'.repeat(63), ''])(
    'accepts %j',
    (value) => {
      expect(labelValueProblems(value)).toEqual([])
    },
  )

  test.each([
    {value: 'nospecialchars%^=@', problem: 'a valid label must be an empty string or consist'},
    {value: 'Tama-nui-te-rā.is.Māori.sun', problem: 'a valid label must be'},
    {value: '\\backslashes\\are\\bad', problem: 'a valid label must be'},
    {value: '-starts-with-dash', problem: 'a valid label must be'},
    {value: 'ends-with-dash-', problem: 'a valid label must be'},
    {value: '.starts.with.dot', problem: 'a valid label must be'},
    {value: 'ends.with.dot.', problem: 'a valid label must be'},
    {value: 'a'.repeat(64), problem: 'must be no more than 63 bytes'},
    {value: 'a b', problem: 'a valid label must be'},
  ])('rejects $value', ({value, problem}) => {
    expect(labelValueProblems(value).join('; ')).toContain(problem)
  })
})
