import {UsageError} from '../errors/kubeline-error.js'
import type {LabelRequirement, SelectorOperator} from './label-requirement.js'
import {labelRequirementProblems} from './label-requirement.js'
import type {LabelToken, LabelTokenKind} from './label-selector-lexer.js'
import {tokenizeLabelSelector} from './label-selector-lexer.js'
import {LabelSelector} from './label-selector.js'
import {labelKeyProblems} from './label-validation.js'

/**
 * Parses the label selector string syntax of `kubectl -l` and `?labelSelector=`
 * (apimachinery labels.Parse):
 *
 *   selector    ::= requirement ( "," requirement )*     (or the empty string: everything)
 *   requirement ::= [ "!" ] KEY [ ( "in" | "notin" ) "(" values ")" | ( "=" | "==" | "!=" | ">" | "<" ) VALUE ]
 *
 * A bare KEY is `exists`, `!KEY` is DoesNotExist. Values may be empty (`x=`, `x in (a,)`,
 * `x in ()` is the one empty value); `in`/`notin` are plain words inside a value list.
 * Set values are de-duplicated and sorted; requirements are sorted by key.
 * Keys and values are validated as the API server does. Errors are INVALID_SELECTOR.
 */
export function parseLabelSelector(text: string): LabelSelector {
  return LabelSelector.fromRequirements(new LabelSelectorParser(text).parse())
}

// Where `in`/`notin` are keywords: only right after a key. Everywhere else they are identifiers.
type ParseContext = 'operator' | 'values'

const OPERATOR_TOKENS: Partial<Readonly<Record<LabelTokenKind, SelectorOperator>>> = {
  in: 'in',
  notin: 'notin',
  '=': '=',
  '==': '==',
  '!=': '!=',
  '>': 'gt',
  '<': 'lt',
}

class LabelSelectorParser {
  private readonly text: string
  private readonly tokens: readonly LabelToken[]
  private position = 0

  constructor(text: string) {
    this.text = text
    this.tokens = tokenizeLabelSelector(text)
  }

  parse(): LabelRequirement[] {
    const requirements: LabelRequirement[] = []
    for (;;) {
      const next = this.peek('values')
      if (next.kind === 'end') return requirements
      if (next.kind !== 'identifier' && next.kind !== '!') this.fail(next, "'!', a key or end of input")
      requirements.push(this.parseRequirement())
      const separator = this.consume('values')
      if (separator.kind === 'end') return requirements
      if (separator.kind !== ',') this.fail(separator, "',' or end of input")
      const following = this.peek('values')
      if (following.kind !== 'identifier' && following.kind !== '!') this.fail(following, "'!' or a key after ','")
    }
  }

  private parseRequirement(): LabelRequirement {
    const start = this.peek('values')
    const {key, unaryOperator} = this.parseKeyAndInferOperator()
    if (unaryOperator) return this.requirement(start, key, unaryOperator, [])
    const operator = this.parseOperator()
    const values = operator === 'in' || operator === 'notin' ? this.parseValueSet() : this.parseExactValue()
    return this.requirement(start, key, operator, [...new Set(values)].sort())
  }

  /** The key, and `exists`/`!` when the requirement ends after it (upstream parseKeyAndInferOperator). */
  private parseKeyAndInferOperator(): {key: string; unaryOperator: 'exists' | '!' | undefined} {
    let token = this.consume('values')
    let unaryOperator: 'exists' | '!' | undefined
    if (token.kind === '!') {
      unaryOperator = '!'
      token = this.consume('values')
    }
    if (token.kind !== 'identifier') this.fail(token, 'a key')
    const keyProblems = labelKeyProblems(token.literal)
    if (keyProblems.length > 0) this.failAt(token.offset, `key "${token.literal}": ${keyProblems.join('; ')}`)
    const next = this.peek('values')
    if (unaryOperator === undefined && (next.kind === 'end' || next.kind === ',')) unaryOperator = 'exists'
    return {key: token.literal, unaryOperator}
  }

  private parseOperator(): SelectorOperator {
    const token = this.consume('operator')
    const operator = OPERATOR_TOKENS[token.kind]
    if (operator === undefined) this.fail(token, "one of 'in', 'notin', '=', '==', '!=', '>', '<'")
    return operator
  }

  /** `( v1, v2 )`; `()` is the single empty value. */
  private parseValueSet(): string[] {
    const open = this.consume('values')
    if (open.kind !== '(') this.fail(open, "'('")
    const next = this.peek('values')
    if (next.kind === ')') {
      this.consume('values')
      return ['']
    }
    if (next.kind !== 'identifier' && next.kind !== ',') this.fail(next, "',', ')' or a value")
    const values = this.parseValueList()
    this.consume('values') // the ')' that parseValueList stopped at
    return values
  }

  /** Comma-separated values where empty entries are empty values: `(,a)`, `(a,)`, `(a,,b)`. */
  private parseValueList(): string[] {
    const values: string[] = []
    for (;;) {
      const token = this.consume('values')
      if (token.kind === 'identifier') {
        values.push(token.literal)
        const next = this.peek('values')
        if (next.kind === ')') return values
        if (next.kind !== ',') this.fail(next, "',' or ')'")
        continue
      }
      if (token.kind !== ',') this.fail(token, "',' or a value")
      if (values.length === 0) values.push('')
      const next = this.peek('values')
      if (next.kind === ')') {
        values.push('')
        return values
      }
      if (next.kind === ',') {
        this.consume('values')
        values.push('')
      }
    }
  }

  /** The value after `=`, `==`, `!=`, `>` or `<`; nothing before `,` or the end is the empty value. */
  private parseExactValue(): string[] {
    const next = this.peek('values')
    if (next.kind === 'end' || next.kind === ',') return ['']
    const token = this.consume('values')
    if (token.kind !== 'identifier') this.fail(token, 'a value')
    return [token.literal]
  }

  private requirement(start: LabelToken, key: string, operator: SelectorOperator, values: string[]): LabelRequirement {
    const problems = labelRequirementProblems(key, operator, values)
    if (problems.length > 0) this.failAt(start.offset, problems.join('; '))
    return {key, operator, values}
  }

  private peek(context: ParseContext): LabelToken {
    return this.inContext(this.tokens[Math.min(this.position, this.tokens.length - 1)], context)
  }

  private consume(context: ParseContext): LabelToken {
    const token = this.peek(context)
    this.position++
    return token
  }

  private inContext(token: LabelToken, context: ParseContext): LabelToken {
    const isKeyword = token.kind === 'in' || token.kind === 'notin'
    return context === 'values' && isKeyword ? {...token, kind: 'identifier'} : token
  }

  private fail(found: LabelToken, expected: string): never {
    const what = found.kind === 'end' ? 'end of input' : `'${found.literal}'`
    this.failAt(found.offset, `found ${what}, expected ${expected}`)
  }

  private failAt(offset: number, problem: string): never {
    throw new UsageError('INVALID_SELECTOR', `invalid label selector "${this.text}": ${problem} (at offset ${offset})`, {
      fix: "Use the syntax key=value, key!=value, 'key in (a,b)', 'key notin (a,b)', key or !key, joined by commas.",
    })
  }
}
