import {describe, expect, test} from 'vitest'
import type {LabelTokenKind} from './label-selector-lexer.js'
import {tokenizeLabelSelector} from './label-selector-lexer.js'

const kinds = (text: string): LabelTokenKind[] => tokenizeLabelSelector(text).map((token) => token.kind)

// apimachinery pkg/labels/selector_test.go TestLexer: the first token of each string.
describe('tokenizeLabelSelector: single tokens', () => {
  test.each<[string, LabelTokenKind]>([
    ['', 'end'],
    [',', ','],
    ['notin', 'notin'],
    ['in', 'in'],
    ['=', '='],
    ['==', '=='],
    ['>', '>'],
    ['<', '<'],
    ['!', '!'], // the longest valid token is taken: see '!=' below
    ['!=', '!='],
    ['(', '('],
    [')', ')'],
    ['~', 'identifier'], // non-special characters are part of an identifier
    ['||', 'identifier'],
  ])('%j is %s', (text, kind) => {
    const [first] = tokenizeLabelSelector(text)
    expect(first?.kind).toBe(kind)
    expect(first?.literal).toBe(text)
  })
})

// selector_test.go TestLexerSequence / TestParserLookahead.
describe('tokenizeLabelSelector: sequences', () => {
  test.each<[string, LabelTokenKind[]]>([
    ['key in ( value )', ['identifier', 'in', '(', 'identifier', ')', 'end']],
    ['key notin ( value )', ['identifier', 'notin', '(', 'identifier', ')', 'end']],
    ['key in ( value1, value2 )', ['identifier', 'in', '(', 'identifier', ',', 'identifier', ')', 'end']],
    ['key', ['identifier', 'end']],
    ['!key', ['!', 'identifier', 'end']],
    ['()', ['(', ')', 'end']],
    ['', ['end']],
    ['x in (),y', ['identifier', 'in', '(', ')', ',', 'identifier', 'end']],
    ['== != (), = notin', ['==', '!=', '(', ')', ',', '=', 'notin', 'end']],
    ['key>2', ['identifier', '>', 'identifier', 'end']],
    ['key<1', ['identifier', '<', 'identifier', 'end']],
    // longest match stops at two characters
    ['===', ['==', '=', 'end']],
    ['!==', ['!=', '=', 'end']],
    ['>=', ['>', '=', 'end']],
    ['!!x', ['!', '!', 'identifier', 'end']],
    [' \t\r\nx\n', ['identifier', 'end']],
  ])('%j', (text, expected) => {
    expect(kinds(text)).toEqual(expected)
  })

  test('records literals and offsets', () => {
    expect(tokenizeLabelSelector('a in (b)')).toEqual([
      {kind: 'identifier', literal: 'a', offset: 0},
      {kind: 'in', literal: 'in', offset: 2},
      {kind: '(', literal: '(', offset: 5},
      {kind: 'identifier', literal: 'b', offset: 6},
      {kind: ')', literal: ')', offset: 7},
      {kind: 'end', literal: '', offset: 8},
    ])
  })

  // Go's lexer reads a NUL byte as "end of string".
  test.each<[string, string[]]>([
    ['x=a \0 y', ['x', '=', 'a', '']],
    ['ab\0cd', ['ab', 'cd', '']],
    ['=\0x', ['=', 'x', '']],
  ])('NUL in %j', (text, literals) => {
    expect(tokenizeLabelSelector(text).map((token) => token.literal)).toEqual(literals)
  })
})
