/**
 * The tokenizer of label selector strings, following apimachinery's Lexer
 * (pkg/labels/selector.go) character for character:
 * - whitespace is space, tab, CR and LF, and separates tokens;
 * - `= ! ( ) , > <` are special; `==` and `!=` are read as one token (longest match);
 * - any other run of characters is an identifier, except the keywords `in` and `notin`;
 * - a NUL character where a token would start ends the input (Go reads 0 as "end of
 *   string"); right after a token it only ends that token.
 */
export type LabelTokenKind =
  | 'identifier'
  | 'in'
  | 'notin'
  | '='
  | '=='
  | '!='
  | '!'
  | '>'
  | '<'
  | '('
  | ')'
  | ','
  | 'end'

export interface LabelToken {
  readonly kind: LabelTokenKind
  readonly literal: string
  /** Index in the selector text where the token starts. */
  readonly offset: number
}

const SPECIAL = new Set(['=', '!', '(', ')', ',', '>', '<'])
const WHITESPACE = new Set([' ', '\t', '\r', '\n'])
const TWO_CHARACTER_TOKENS = new Set(['==', '!='])
const END = '\0'

/** All tokens of `text`, the last one always `end` (upstream Parser.scan). */
export function tokenizeLabelSelector(text: string): LabelToken[] {
  const tokens: LabelToken[] = []
  let position = 0
  for (;;) {
    while (WHITESPACE.has(text[position] ?? END)) position++
    const start = position
    const first = text[position] ?? END
    if (first === END) {
      tokens.push({kind: 'end', literal: '', offset: start})
      return tokens
    }
    if (SPECIAL.has(first)) {
      const pair = text.slice(position, position + 2)
      const literal = TWO_CHARACTER_TOKENS.has(pair) ? pair : first
      position = afterNul(text, position + literal.length)
      tokens.push({kind: literal as LabelTokenKind, literal, offset: start})
      continue
    }
    while (isIdentifierCharacter(text[position] ?? END)) position++
    const literal = text.slice(start, position)
    position = afterNul(text, position)
    tokens.push({kind: literal === 'in' || literal === 'notin' ? literal : 'identifier', literal, offset: start})
  }
}

// Go's lexer consumes (does not unread) the NUL that ends a token, so lexing resumes after it.
function afterNul(text: string, position: number): number {
  return text[position] === END ? position + 1 : position
}

function isIdentifierCharacter(character: string): boolean {
  return character !== END && !SPECIAL.has(character) && !WHITESPACE.has(character)
}
