import {describe, expect, test} from 'vitest'
import {KubelineError} from '../errors/kubeline-error.js'
import type {LabelRequirement, LabelSet, SelectorOperator} from './label-requirement.js'
import {parseLabelSelector} from './parse-label-selector.js'

const req = (key: string, operator: SelectorOperator, values: string[] = []): LabelRequirement => ({key, operator, values})

function parseError(text: string): KubelineError {
  try {
    parseLabelSelector(text)
  } catch (err) {
    if (err instanceof KubelineError) return err
    throw err
  }
  throw new Error(`${JSON.stringify(text)} parsed without error`)
}

// apimachinery pkg/labels/selector_test.go TestSelectorParse: good strings print back without their spaces.
describe('parseLabelSelector round trip', () => {
  test.each(['x=a,y=b,z=c', '', 'x!=a,y=b', 'x=', 'x= ', 'x=,z= ', 'x= ,z= ', '!x', 'x>1', 'x>1,z<5'])('%j', (text) => {
    expect(parseLabelSelector(text).toString()).toBe(text.replaceAll(' ', ''))
  })

  test('is deterministic (TestDeterministicParse)', () => {
    expect(parseLabelSelector('x=a,a=x').toString()).toBe(parseLabelSelector('a=x,x=a').toString())
    expect(parseLabelSelector('x=a,a=x').toString()).toBe('a=x,x=a')
  })
})

// selector_test.go TestSelectorMatches.
describe('parseLabelSelector matching', () => {
  const labelset = {foo: 'bar', baz: 'blah'}
  test.each<{selector: string; labels: LabelSet; want: boolean}>([
    {selector: '', labels: {x: 'y'}, want: true},
    {selector: 'x=y', labels: {x: 'y'}, want: true},
    {selector: 'x=y,z=w', labels: {x: 'y', z: 'w'}, want: true},
    {selector: 'x!=y,z!=w', labels: {x: 'z', z: 'a'}, want: true},
    {selector: 'notin=in', labels: {notin: 'in'}, want: true}, // in and notin as key and value
    {selector: 'x', labels: {x: 'z'}, want: true},
    {selector: '!x', labels: {y: 'z'}, want: true},
    {selector: 'x>1', labels: {x: '2'}, want: true},
    {selector: 'x<1', labels: {x: '0'}, want: true},
    {selector: 'x=z', labels: {}, want: false},
    {selector: 'x=y', labels: {x: 'z'}, want: false},
    {selector: 'x=y,z=w', labels: {x: 'w', z: 'w'}, want: false},
    {selector: 'x!=y,z!=w', labels: {x: 'z', z: 'w'}, want: false},
    {selector: 'x', labels: {y: 'z'}, want: false},
    {selector: '!x', labels: {x: 'z'}, want: false},
    {selector: 'x>1', labels: {x: '0'}, want: false},
    {selector: 'x<1', labels: {x: '2'}, want: false},
    {selector: 'foo=bar', labels: labelset, want: true},
    {selector: 'baz=blah', labels: labelset, want: true},
    {selector: 'foo=bar,baz=blah', labels: labelset, want: true},
    {selector: 'foo=blah', labels: labelset, want: false},
    {selector: 'baz=bar', labels: labelset, want: false},
    {selector: 'foo=bar,foobar=bar,baz=blah', labels: labelset, want: false},
    // the brief's example, and missing keys
    {selector: 'a=b,c!=d,e in (x,y),f notin (z),g,!h', labels: {a: 'b', e: 'y', g: ''}, want: true},
    {selector: 'a=b,c!=d,e in (x,y),f notin (z),g,!h', labels: {a: 'b', e: 'y', g: '', h: '1'}, want: false},
    {selector: 'a=b,c!=d,e in (x,y),f notin (z),g,!h', labels: {a: 'b', e: 'y', g: '', f: 'z'}, want: false},
    {selector: 'a==b', labels: {a: 'b'}, want: true},
    {selector: 'x in (a,)', labels: {x: ''}, want: true},
    {selector: 'x=', labels: {}, want: false},
    {selector: 'x!=', labels: {}, want: true},
  ])('$selector on $labels = $want', ({selector, labels, want}) => {
    expect(parseLabelSelector(selector).matches(labels)).toBe(want)
  })
})

// selector_test.go TestSetSelectorParser: the parsed requirements (sorted by key, values sorted
// and de-duplicated), or an error.
describe('parseLabelSelector requirements', () => {
  test.each<{text: string; want: LabelRequirement[] | 'error'}>([
    {text: '', want: []},
    {text: '\rx', want: [req('x', 'exists')]},
    {text: 'this-is-a-dns.domain.com/key-with-dash', want: [req('this-is-a-dns.domain.com/key-with-dash', 'exists')]},
    {
      text: 'this-is-another-dns.domain.com/key-with-dash in (so,what)',
      want: [req('this-is-another-dns.domain.com/key-with-dash', 'in', ['so', 'what'])],
    },
    {
      text: '0.1.2.domain/99 notin (10.10.100.1, tick.tack.clock)',
      want: [req('0.1.2.domain/99', 'notin', ['10.10.100.1', 'tick.tack.clock'])],
    },
    {text: 'foo  in\t (abc)', want: [req('foo', 'in', ['abc'])]},
    {text: 'x notin\n (abc)', want: [req('x', 'notin', ['abc'])]},
    {text: 'x  notin\t\t\t(abc,def)', want: [req('x', 'notin', ['abc', 'def'])]},
    {text: 'x in (abc,def)', want: [req('x', 'in', ['abc', 'def'])]},
    {text: 'x in (abc,)', want: [req('x', 'in', ['', 'abc'])]},
    {text: 'x in ()', want: [req('x', 'in', [''])]},
    {
      text: 'x notin (abc,,def),bar,z in (),w',
      want: [req('bar', 'exists'), req('w', 'exists'), req('x', 'notin', ['', 'abc', 'def']), req('z', 'in', [''])],
    },
    {text: 'x,y in (a)', want: [req('x', 'exists'), req('y', 'in', ['a'])]},
    {text: 'x=a', want: [req('x', '=', ['a'])]},
    {text: 'x>1', want: [req('x', 'gt', ['1'])]},
    {text: 'x<7', want: [req('x', 'lt', ['7'])]},
    {text: 'x=a,y!=b', want: [req('x', '=', ['a']), req('y', '!=', ['b'])]},
    {text: 'x=a,y!=b,z in (h,i,j)', want: [req('x', '=', ['a']), req('y', '!=', ['b']), req('z', 'in', ['h', 'i', 'j'])]},
    {text: 'x=a||y=b', want: 'error'},
    {text: 'x,,y', want: 'error'},
    {text: ',x,y', want: 'error'},
    {text: 'x nott in (y)', want: 'error'},
    {text: 'x notin ( )', want: [req('x', 'notin', [''])]},
    {text: 'x notin (, a)', want: [req('x', 'notin', ['', 'a'])]},
    {text: 'a in (xyz),', want: 'error'},
    {text: 'a in (xyz)b notin ()', want: 'error'},
    {text: 'a ', want: [req('a', 'exists')]},
    {text: 'a in (x,y,notin, z,in)', want: [req('a', 'in', ['in', 'notin', 'x', 'y', 'z'])]}, // keywords inside a value list
    {text: 'a in (xyz abc)', want: 'error'}, // no comma
    {text: 'a notin(', want: 'error'}, // badly formed
    {text: 'a (', want: 'error'}, // cpar
    {text: '(', want: 'error'}, // opar
    // TestSelectorParse bad strings
    {text: 'x==a==b', want: 'error'},
    {text: '!x=a', want: 'error'},
    {text: 'x<a', want: 'error'},
    // more of the grammar
    {text: 'a==b', want: [req('a', '==', ['b'])]},
    {text: 'x in (b,a,b)', want: [req('x', 'in', ['a', 'b'])]},
    {text: 'x in (,,)', want: 'error'}, // upstream parseIdentifiersList consumes ",," then rejects ")"
    {text: 'x in (a,,)', want: 'error'},
    {text: 'in=notin', want: [req('in', '=', ['notin'])]},
    {text: 'x=a,x!=b', want: [req('x', '=', ['a']), req('x', '!=', ['b'])]},
    {text: 'b,!a', want: [req('a', '!'), req('b', 'exists')]},
    {text: 'x=a \0 garbage', want: [req('x', '=', ['a'])]}, // NUL ends the input, as in Go
    {text: 'x>=1', want: 'error'},
    {text: 'x in a', want: 'error'},
    {text: 'x=a b', want: 'error'},
    {text: '!', want: 'error'},
    {text: 'x!', want: 'error'},
    {text: 'x_=a', want: 'error'},
    {text: `x=${'a'.repeat(64)}`, want: 'error'},
    {text: `${'k'.repeat(64)}`, want: 'error'},
    {text: 'x>-1', want: 'error'}, // "-1" is not a valid label value
  ])('$text', ({text, want}) => {
    if (want === 'error') {
      expect(parseError(text).code).toBe('INVALID_SELECTOR')
    } else {
      expect(parseLabelSelector(text).requirements).toEqual(want)
    }
  })
})

describe('parseLabelSelector errors', () => {
  test.each([
    {text: 'x=a||y=b', message: 'invalid label selector "x=a||y=b": values[0] "a||y" of key "x": a valid label must be'},
    {text: 'x==a==b', message: "found '==', expected ',' or end of input (at offset 4)"},
    {text: 'x nott in (y)', message: "found 'nott', expected one of 'in', 'notin', '=', '==', '!=', '>', '<' (at offset 2)"},
    {text: 'a in (xyz),', message: "found end of input, expected '!' or a key after ',' (at offset 11)"},
    {text: ',x', message: "found ',', expected '!', a key or end of input (at offset 0)"},
    {text: 'a in (xyz abc)', message: "found 'abc', expected ',' or ')' (at offset 10)"},
    {text: 'a notin(', message: "found end of input, expected ',', ')' or a value (at offset 8)"},
    {text: 'x in a', message: "found 'a', expected '(' (at offset 5)"},
    {text: 'a=b,Bad_/x', message: 'key "Bad_/x": prefix part a lowercase RFC 1123 subdomain'},
    {text: 'x in ()', message: ''},
  ])('$text', ({text, message}) => {
    if (message === '') {
      expect(() => parseLabelSelector(text)).not.toThrow()
      return
    }
    const error = parseError(text)
    expect(error.message).toContain(message)
    expect(error.exitCode).toBe(2)
    expect(error.fix).toMatch(/key=value/)
  })
})
