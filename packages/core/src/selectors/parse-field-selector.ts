import {UsageError} from '../errors/kubeline-error.js'
import type {FieldRequirement} from './field-selector.js'
import {FieldSelector} from './field-selector.js'

const FIX = 'Use field=value, field==value or field!=value joined by commas; write \\, \\= and \\\\ for a literal comma, equals sign or backslash in a value.'

/**
 * Parses `--field-selector` / `?fieldSelector=` text as apimachinery fields.ParseSelector does:
 * - terms are split on commas not escaped by a backslash; empty terms are skipped, so "" is everything;
 * - terms are sorted (as raw text) before parsing, which fixes the order of `toString()`;
 * - each term splits at the first `!=`, `==` or `=` (the field itself is never unescaped);
 * - the value is unescaped (`\\`, `\,`, `\=`); any other escape, a trailing `\` or a bare `=` is an error;
 * - a term with both an empty field and an empty value (`=`) is dropped.
 * Errors are INVALID_SELECTOR.
 */
export function parseFieldSelector(text: string): FieldSelector {
  const requirements: FieldRequirement[] = []
  for (const term of splitFieldSelectorTerms(text).sort(compareUtf8)) {
    if (term === '') continue
    const parts = splitFieldSelectorTerm(term)
    if (parts === undefined) {
      throw new UsageError('INVALID_SELECTOR', `invalid field selector "${text}": can't understand "${term}" (expected field=value, field==value or field!=value)`, {fix: FIX})
    }
    const value = unescapeFieldSelectorValue(parts.rawValue, text)
    if (parts.field === '' && value === '') continue
    requirements.push({field: parts.field, operator: parts.operator === '!=' ? '!=' : '=', value})
  }
  return FieldSelector.fromRequirements(requirements)
}

/** Upstream splitTerms: split on unescaped commas; escapes stay in the terms. "" has no terms. */
export function splitFieldSelectorTerms(text: string): string[] {
  if (text === '') return []
  const terms: string[] = []
  let start = 0
  let escaped = false
  for (let index = 0; index < text.length; index++) {
    const character = text[index]
    if (escaped) escaped = false
    else if (character === '\\') escaped = true
    else if (character === ',') {
      terms.push(text.slice(start, index))
      start = index + 1
    }
  }
  terms.push(text.slice(start))
  return terms
}

const TERM_OPERATORS = ['!=', '==', '='] as const

/** Upstream splitTerm: the field, the first operator found (`!=` before `==` before `=`), and the still-escaped value. */
export function splitFieldSelectorTerm(
  term: string,
): {field: string; operator: (typeof TERM_OPERATORS)[number]; rawValue: string} | undefined {
  for (let index = 0; index < term.length; index++) {
    const operator = TERM_OPERATORS.find((op) => term.startsWith(op, index))
    if (operator !== undefined) return {field: term.slice(0, index), operator, rawValue: term.slice(index + operator.length)}
  }
  return undefined
}

/** Upstream UnescapeValue. `selector` names the whole input in the error message. */
export function unescapeFieldSelectorValue(rawValue: string, selector: string = rawValue): string {
  const invalid = (problem: string): never => {
    throw new UsageError('INVALID_SELECTOR', `invalid field selector "${selector}": ${problem} in value "${rawValue}"`, {fix: FIX})
  }
  let value = ''
  let escaped = false
  for (const character of rawValue) {
    if (escaped) {
      if (character !== '\\' && character !== ',' && character !== '=') invalid(`invalid escape sequence "\\${character}"`)
      value += character
      escaped = false
    } else if (character === '\\') escaped = true
    else if (character === ',' || character === '=') invalid(`unescaped "${character}" (write it as "\\${character}")`)
    else value += character
  }
  if (escaped) invalid('invalid escape sequence "\\" at the end')
  return value
}

const utf8 = new TextEncoder()

// Go sorts strings by their UTF-8 bytes; JavaScript's default sort compares UTF-16 code units.
function compareUtf8(a: string, b: string): number {
  return Buffer.compare(utf8.encode(a), utf8.encode(b))
}
