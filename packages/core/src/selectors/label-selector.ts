import type {LabelRequirement, LabelSet} from './label-requirement.js'
import {formatLabelRequirement, labelRequirementMatches, newLabelRequirement} from './label-requirement.js'

/**
 * A label selector: the AND of its requirements (apimachinery pkg/labels/selector.go).
 *
 * The cases that matter, as upstream:
 * - no requirements ("everything", the empty string, `{}`): matches every label set, even none;
 * - "nothing" (what a null LabelSelector object converts to): matches no label set at all;
 * - `notin`, `!=` and `!key` match objects that lack the key; `in`, `=`, `exists`, `gt`, `lt` do not.
 *
 * Requirements are kept sorted by key (stable), as upstream's Add/Parse sort them,
 * so `toString()` is deterministic.
 */
export class LabelSelector {
  private static readonly everythingSelector = new LabelSelector([], false)
  private static readonly nothingSelector = new LabelSelector([], true)

  readonly requirements: readonly LabelRequirement[]
  private readonly selectsNothing: boolean

  private constructor(requirements: readonly LabelRequirement[], selectsNothing: boolean) {
    this.requirements = Object.freeze(requirements)
    this.selectsNothing = selectsNothing
  }

  /** Matches every label set (upstream labels.Everything()). */
  static everything(): LabelSelector {
    return LabelSelector.everythingSelector
  }

  /** Matches no label set (upstream labels.Nothing()). */
  static nothing(): LabelSelector {
    return LabelSelector.nothingSelector
  }

  /** Validates each requirement (throws INVALID_SELECTOR) and sorts them by key. */
  static fromRequirements(requirements: readonly LabelRequirement[]): LabelSelector {
    if (requirements.length === 0) return LabelSelector.everything()
    const validated = requirements.map((r) => newLabelRequirement(r.key, r.operator, r.values))
    validated.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    return new LabelSelector(validated, false)
  }

  matches(labels: LabelSet): boolean {
    if (this.selectsNothing) return false
    return this.requirements.every((requirement) => labelRequirementMatches(requirement, labels))
  }

  /** True when the selector does not restrict anything (upstream Empty()). */
  isEverything(): boolean {
    return !this.selectsNothing && this.requirements.length === 0
  }

  isNothing(): boolean {
    return this.selectsNothing
  }

  /** Upstream String(): requirements joined by ","; both "everything" and "nothing" print as "". */
  toString(): string {
    return this.requirements.map(formatLabelRequirement).join(',')
  }
}
