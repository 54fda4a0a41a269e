import {describe, expect, test} from 'vitest'
import {KubelineError} from '../errors/kubeline-error.js'
import {parseFieldSelector, splitFieldSelectorTerm, splitFieldSelectorTerms, unescapeFieldSelectorValue} from './parse-field-selector.js'

function parseError(run: () => unknown): KubelineError {
  try {
    run()
  } catch (err) {
    if (err instanceof KubelineError) return err
    throw err
  }
  throw new Error('no error')
}

// apimachinery pkg/fields/selector_test.go TestSplitTerms.
describe('splitFieldSelectorTerms', () => {
  test.each<[string, string[]]>([
    ['a', ['a']],
    ['a=avalue', ['a=avalue']],
    ['a=avalue,b=bvalue', ['a=avalue', 'b=bvalue']],
    ['a=avalue,b==bvalue,c!=cvalue', ['a=avalue', 'b==bvalue', 'c!=cvalue']],
    ['', []],
    ['a=a,', ['a=a', '']],
    [',a=a', ['', 'a=a']],
    ['k=\\,,k2=v2', ['k=\\,', 'k2=v2']], // escaped comma in value
    ['k=\\\\,k2=v2', ['k=\\\\', 'k2=v2']], // escaped backslash, unescaped comma
    ['k=\\\\\\,,k2=v2', ['k=\\\\\\,', 'k2=v2']], // escaped backslash and comma
    ['k=\\a\\b\\', ['k=\\a\\b\\']], // non-escape sequences
    ['k=\\', ['k=\\']], // orphan backslash
    ['함=수,목=록', ['함=수', '목=록']], // multi-byte
  ])('%j', (text, terms) => {
    expect(splitFieldSelectorTerms(text)).toEqual(terms)
  })
})

// selector_test.go TestSplitTerm.
describe('splitFieldSelectorTerm', () => {
  test.each([
    {term: 'a=value', want: {field: 'a', operator: '=', rawValue: 'value'}},
    {term: 'b==value', want: {field: 'b', operator: '==', rawValue: 'value'}},
    {term: 'c!=value', want: {field: 'c', operator: '!=', rawValue: 'value'}},
    {term: '', want: undefined},
    {term: 'a', want: undefined},
    {term: 'k=\\,', want: {field: 'k', operator: '=', rawValue: '\\,'}},
    {term: 'k=\\=', want: {field: 'k', operator: '=', rawValue: '\\='}},
    {term: 'k=\\\\\\a\\b\\=\\,\\', want: {field: 'k', operator: '=', rawValue: '\\\\\\a\\b\\=\\,\\'}},
    {term: '함=수', want: {field: '함', operator: '=', rawValue: '수'}},
    {term: 'a!==b', want: {field: 'a', operator: '!=', rawValue: '=b'}},
    {term: 'a=!=b', want: {field: 'a', operator: '=', rawValue: '!=b'}},
  ])('$term', ({term, want}) => {
    expect(splitFieldSelectorTerm(term)).toEqual(want)
  })
})

// selector_test.go TestEscapeValue (the unescaping half; escaping is in field-selector.test.ts).
describe('unescapeFieldSelectorValue', () => {
  test.each<[string, string]>([
    ['', ''],
    ['a', 'a'],
    ['\\=', '='],
    ['\\,', ','],
    ['\\\\', '\\'],
    ['\\\\\\=\\\\\\,\\\\', '\\=\\,\\'],
  ])('%j is %j', (escaped, value) => {
    expect(unescapeFieldSelectorValue(escaped)).toBe(value)
  })

  test.each([
    {escaped: '\\', problem: 'invalid escape sequence "\\" at the end'}, // orphan slash
    {escaped: '\\\\\\', problem: 'invalid escape sequence "\\" at the end'},
    {escaped: '\\a', problem: 'invalid escape sequence "\\a"'}, // unrecognized escape sequence
    {escaped: 'a=b', problem: 'unescaped "=" (write it as "\\=")'},
    {escaped: 'a,b', problem: 'unescaped "," (write it as "\\,")'},
  ])('rejects $escaped', ({escaped, problem}) => {
    const error = parseError(() => unescapeFieldSelectorValue(escaped, 'x=y'))
    expect(error.code).toBe('INVALID_SELECTOR')
    expect(error.message).toBe(`invalid field selector "x=y": ${problem} in value "${escaped}"`)
  })
})

// selector_test.go TestSelectorParse and TestDeterministicParse.
describe('parseFieldSelector', () => {
  test.each(['x=a,y=b,z=c', '', 'x!=a,y=b', 'x=a||y\\=b', 'x=a\\=\\=b'])('%j prints back unchanged', (text) => {
    expect(parseFieldSelector(text).toString()).toBe(text)
  })

  test.each([
    {text: 'x=a||y=b', problem: 'unescaped "="'},
    {text: 'x==a==b', problem: 'unescaped "="'},
    {text: 'x=a,b', problem: `can't understand "b"`},
    {text: 'x in (a)', problem: `can't understand "x in (a)"`},
    {text: 'x in (a,b,c)', problem: `can't understand`},
    {text: 'x', problem: `can't understand "x"`},
    {text: 'k=\\a', problem: 'invalid escape sequence "\\a"'},
  ])('rejects $text', ({text, problem}) => {
    const error = parseError(() => parseFieldSelector(text))
    expect(error.code).toBe('INVALID_SELECTOR')
    expect(error.message).toContain(`invalid field selector "${text}": ${problem}`)
  })

  test('is deterministic: terms are sorted as text', () => {
    expect(parseFieldSelector('x=a,a=x').toString()).toBe('a=x,x=a')
    expect(parseFieldSelector('a=x,x=a').toString()).toBe('a=x,x=a')
  })

  test.each([
    {text: 'a==b', requirements: [{field: 'a', operator: '=', value: 'b'}], printed: 'a=b'},
    {text: 'status.phase!=Running', requirements: [{field: 'status.phase', operator: '!=', value: 'Running'}], printed: 'status.phase!=Running'},
    {text: ',,a=b,', requirements: [{field: 'a', operator: '=', value: 'b'}], printed: 'a=b'},
    {text: '=', requirements: [], printed: ''}, // empty field and value: dropped, as upstream's Transform does
    {text: 'a=b,==', requirements: [{field: 'a', operator: '=', value: 'b'}], printed: 'a=b'},
    {text: '=x', requirements: [{field: '', operator: '=', value: 'x'}], printed: '=x'},
    {text: ' a = b ', requirements: [{field: ' a ', operator: '=', value: ' b '}], printed: ' a = b '}, // no trimming
    {text: 'k=\\,\\=\\\\', requirements: [{field: 'k', operator: '=', value: ',=\\'}], printed: 'k=\\,\\=\\\\'},
    {text: 'b=2,a=1', requirements: [{field: 'a', operator: '=', value: '1'}, {field: 'b', operator: '=', value: '2'}], printed: 'a=1,b=2'},
  ])('$text', ({text, requirements, printed}) => {
    const selector = parseFieldSelector(text)
    expect(selector.requirements).toEqual(requirements)
    expect(selector.toString()).toBe(printed)
  })
})
