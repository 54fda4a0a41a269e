import {ScheduleSyntaxError} from './schedule-syntax-error.js'

const INT64_MAX = 2n ** 63n - 1n
const UINT64_LIMIT = 2n ** 64n

/**
 * Go's strconv.Atoi on a 64-bit platform: an optional sign and decimal digits only, errors spelled
 * `strconv.Atoi: parsing "x": invalid syntax` or `... value out of range`. The value is a bigint so
 * that out-of-bounds numbers print exactly in the error that follows.
 */
export function goAtoi(text: string): bigint {
  const digits = text.startsWith('-') || text.startsWith('+') ? text.slice(1) : text
  if (digits === '') throw atoiError(text, 'invalid syntax')
  let magnitude = 0n
  for (const character of digits) {
    if (character < '0' || character > '9') throw atoiError(text, 'invalid syntax')
    magnitude = magnitude * 10n + BigInt(character.charCodeAt(0) - 48)
    // ParseUint stops at the first digit that overflows uint64, before looking at the rest.
    if (magnitude >= UINT64_LIMIT) throw atoiError(text, 'value out of range')
  }
  const negative = text.startsWith('-')
  if (magnitude > INT64_MAX + (negative ? 1n : 0n)) throw atoiError(text, 'value out of range')
  return negative ? -magnitude : magnitude
}

function atoiError(text: string, problem: string): ScheduleSyntaxError {
  return new ScheduleSyntaxError(`strconv.Atoi: parsing ${goQuote(text)}: ${problem}`)
}

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u
const SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v',
}

/** Go's strconv.Quote: printable runes as they are, the rest as \n, \x1b, \u00a0 or \U0001f600. */
export function goQuote(text: string): string {
  let quoted = '"'
  for (const character of text) {
    const codePoint = character.codePointAt(0) ?? 0
    if (character === '"' || character === '\\') quoted += `\\${character}`
    else if (PRINTABLE.test(character)) quoted += character
    else if (SHORT_ESCAPES[character]) quoted += SHORT_ESCAPES[character]
    else if (codePoint < 0x20 || codePoint === 0x7f) quoted += `\\x${hex(codePoint, 2)}`
    else if (codePoint < 0x10000) quoted += `\\u${hex(codePoint, 4)}`
    else quoted += `\\U${hex(codePoint, 8)}`
  }
  return `${quoted}"`
}

function hex(value: number, width: number): string {
  return value.toString(16).padStart(width, '0')
}
