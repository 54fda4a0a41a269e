import {UsageError} from '../errors/kubeline-error.js'
import {labelKeyProblems, labelValueProblems} from './label-validation.js'

/**
 * One term of a label selector, with apimachinery's semantics
 * (pkg/labels/selector.go Requirement, pkg/selection/operator.go).
 *
 * Operator spellings are upstream's: `!` is DoesNotExist, `gt`/`lt` are written `>`/`<` in selector strings.
 */
export type SelectorOperator = 'in' | 'notin' | '=' | '==' | '!=' | 'exists' | '!' | 'gt' | 'lt'

export interface LabelRequirement {
  readonly key: string
  readonly operator: SelectorOperator
  readonly values: readonly string[]
}

/** A label set as it appears in `metadata.labels`; absent labels mean "no labels". */
export type LabelSet = Readonly<Record<string, string>> | undefined | null

const OPERATORS: readonly SelectorOperator[] = ['in', 'notin', '=', '==', '!=', 'gt', 'lt', 'exists', '!']

const INT64_MIN = -(2n ** 63n)
const INT64_MAX = 2n ** 63n - 1n

function isSelectorOperator(operator: string): operator is SelectorOperator {
  return (OPERATORS as readonly string[]).includes(operator)
}

/**
 * What is wrong with a requirement, in upstream's order (NewRequirement): the key, the
 * number of values the operator needs, integer values for gt/lt, then every value's syntax.
 * Each problem names where it is (`key "…"`, `values[1] "…"`). Empty when valid.
 */
export function labelRequirementProblems(key: string, operator: string, values: readonly string[]): string[] {
  const problems: string[] = []
  const keyProblems = labelKeyProblems(key)
  if (keyProblems.length > 0) problems.push(`key "${key}": ${keyProblems.join('; ')}`)
  problems.push(...operatorProblems(operator, values))
  values.forEach((value, index) => {
    const valueProblems = labelValueProblems(value)
    if (valueProblems.length > 0) problems.push(`values[${index}] "${value}" of key "${key}": ${valueProblems.join('; ')}`)
  })
  return problems
}

function operatorProblems(operator: string, values: readonly string[]): string[] {
  switch (operator) {
    case 'in':
    case 'notin':
      return values.length === 0 ? ["values: for 'in', 'notin' operators, values set can't be empty"] : []
    case '=':
    case '==':
    case '!=':
      return values.length === 1 ? [] : ['values: exact-match compatibility requires one single value']
    case 'exists':
    case '!':
      return values.length === 0 ? [] : ['values: values set must be empty for exists and does not exist']
    case 'gt':
    case 'lt':
      return [
        ...(values.length === 1 ? [] : ["values: for 'gt', 'lt' operators, exactly one value is required"]),
        ...values.flatMap((value, index) =>
          parseInt64(value) === undefined ? [`values[${index}] "${value}": for 'gt', 'lt' operators, the value must be an integer`] : [],
        ),
      ]
    default:
      return [`operator "${operator}": not supported, expected one of ${OPERATORS.map((op) => `"${op}"`).join(', ')}`]
  }
}

/** A validated requirement (upstream NewRequirement); throws INVALID_SELECTOR naming the problems. */
export function newLabelRequirement(key: string, operator: string, values: readonly string[]): LabelRequirement {
  const problems = labelRequirementProblems(key, operator, values)
  if (problems.length > 0 || !isSelectorOperator(operator)) {
    throw new UsageError('INVALID_SELECTOR', `invalid label selector requirement on key "${key}": ${problems.join('; ')}`)
  }
  return Object.freeze({key, operator, values: Object.freeze([...values])})
}

/**
 * Upstream Requirement.Matches. A missing key matches `notin`, `!=` and `!` (DoesNotExist)
 * and fails `in`, `=`, `==`, `exists`, `gt` and `lt`. `gt`/`lt` compare as 64-bit integers;
 * a label value that is not one never matches.
 */
export function labelRequirementMatches(requirement: LabelRequirement, labels: LabelSet): boolean {
  const value = labels && Object.hasOwn(labels, requirement.key) ? labels[requirement.key] : undefined
  switch (requirement.operator) {
    case 'in':
    case '=':
    case '==':
      return value !== undefined && requirement.values.includes(value)
    case 'notin':
    case '!=':
      return value === undefined || !requirement.values.includes(value)
    case 'exists':
      return value !== undefined
    case '!':
      return value === undefined
    case 'gt':
    case 'lt':
      return value !== undefined && integerComparisonHolds(requirement, value)
  }
}

function integerComparisonHolds(requirement: LabelRequirement, labelValue: string): boolean {
  const actual = parseInt64(labelValue)
  const bound = requirement.values.length === 1 ? parseInt64(requirement.values[0] ?? '') : undefined
  if (actual === undefined || bound === undefined) return false
  return requirement.operator === 'gt' ? actual > bound : actual < bound
}

/** Go's strconv.ParseInt(text, 10, 64): optional sign, decimal digits, 64-bit range. */
function parseInt64(text: string): bigint | undefined {
  if (!/^[+-]?[0-9]+$/.test(text)) return undefined
  const value = BigInt(text)
  return value < INT64_MIN || value > INT64_MAX ? undefined : value
}

const BINARY_OPERATOR_SPELLING: Readonly<Record<Exclude<SelectorOperator, 'exists' | '!'>, string>> = {
  '=': '=',
  '==': '==',
  '!=': '!=',
  in: ' in ',
  notin: ' notin ',
  gt: '>',
  lt: '<',
}

/** Upstream Requirement.String(): `!k`, `k`, `k=v`, `k in (a,b)`; several values are printed sorted. */
export function formatLabelRequirement(requirement: LabelRequirement): string {
  const {key, operator, values} = requirement
  if (operator === 'exists') return key
  if (operator === '!') return `!${key}`
  const valueText = values.length === 1 ? values[0] : [...values].sort().join(',')
  const isSetOperator = operator === 'in' || operator === 'notin'
  return `${key}${BINARY_OPERATOR_SPELLING[operator]}${isSetOperator ? `(${valueText})` : valueText}`
}
