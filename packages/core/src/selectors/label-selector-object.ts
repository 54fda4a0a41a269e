import {UsageError} from '../errors/kubeline-error.js'
import type {LabelRequirement, SelectorOperator} from './label-requirement.js'
import {labelRequirementProblems} from './label-requirement.js'
import {LabelSelector} from './label-selector.js'

/** One entry of `matchExpressions` (metav1.LabelSelectorRequirement). */
export interface LabelSelectorRequirementObject {
  key: string
  operator: string
  values?: readonly string[] | null
}

/** The API's structured selector (metav1.LabelSelector), as in `spec.selector` or `podSelector`. */
export interface LabelSelectorObject {
  matchLabels?: Readonly<Record<string, string>> | null
  matchExpressions?: readonly LabelSelectorRequirementObject[] | null
}

const EXPRESSION_OPERATORS: Readonly<Record<string, SelectorOperator>> = {
  In: 'in',
  NotIn: 'notin',
  Exists: 'exists',
  DoesNotExist: '!',
}

/**
 * Upstream metav1.LabelSelectorAsSelector:
 * - `null`/`undefined` selects nothing (a missing selector is not an empty one);
 * - `{}` (no matchLabels, no matchExpressions) selects everything;
 * - each matchLabels entry is `key=value`; matchLabels and matchExpressions are ANDed;
 * - In/NotIn need at least one value, Exists/DoesNotExist none; operators are case-sensitive.
 * Errors are INVALID_SELECTOR and name the offending field (`matchExpressions[1].operator`).
 */
export function labelSelectorFromObject(selector: LabelSelectorObject | null | undefined): LabelSelector {
  if (selector === null || selector === undefined) return LabelSelector.nothing()
  const requirements = [
    ...Object.entries(selector.matchLabels ?? {}).map(([key, value]) =>
      validated(`matchLabels["${key}"]`, {key, operator: '=', values: [value]}),
    ),
    ...(selector.matchExpressions ?? []).map((expression, index) =>
      validated(`matchExpressions[${index}]`, {
        key: expression.key,
        operator: expressionOperator(expression.operator, index),
        values: [...(expression.values ?? [])],
      }),
    ),
  ]
  return LabelSelector.fromRequirements(requirements)
}

function expressionOperator(operator: string, index: number): SelectorOperator {
  const converted = Object.hasOwn(EXPRESSION_OPERATORS, operator) ? EXPRESSION_OPERATORS[operator] : undefined
  if (converted === undefined) {
    throw new UsageError(
      'INVALID_SELECTOR',
      `invalid label selector: matchExpressions[${index}].operator: "${operator}" is not a valid label selector operator (expected In, NotIn, Exists or DoesNotExist)`,
    )
  }
  return converted
}

function validated(path: string, requirement: LabelRequirement): LabelRequirement {
  const problems = labelRequirementProblems(requirement.key, requirement.operator, requirement.values)
  if (problems.length > 0) {
    throw new UsageError('INVALID_SELECTOR', `invalid label selector: ${path}: ${problems.join('; ')}`)
  }
  return requirement
}
