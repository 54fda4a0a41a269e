/**
 * A field selector: the AND of `field=value` / `field!=value` terms
 * (apimachinery pkg/fields/selector.go). `==` parses to `=`, as upstream.
 *
 * A field the object does not have reads as the empty string, so `x!=a` and `x=`
 * match an object without `x`, as upstream's fields.Set.Get does.
 */
export type FieldSelectorOperator = '=' | '!='

export interface FieldRequirement {
  readonly field: string
  readonly operator: FieldSelectorOperator
  readonly value: string
}

/** The selectable fields of one object, e.g. `{"metadata.name": "web", "status.phase": "Running"}`. */
export type FieldSet = Readonly<Record<string, string>>

export class FieldSelector {
  private static readonly everythingSelector = new FieldSelector([])

  readonly requirements: readonly FieldRequirement[]

  private constructor(requirements: readonly FieldRequirement[]) {
    this.requirements = Object.freeze(requirements)
  }

  /** Matches every object (upstream fields.Everything()). */
  static everything(): FieldSelector {
    return FieldSelector.everythingSelector
  }

  /** The AND of the given terms, in the given order. */
  static fromRequirements(requirements: readonly FieldRequirement[]): FieldSelector {
    if (requirements.length === 0) return FieldSelector.everything()
    return new FieldSelector(requirements.map((r) => Object.freeze({field: r.field, operator: r.operator, value: r.value})))
  }

  matches(fields: FieldSet): boolean {
    return this.requirements.every(({field, operator, value}) => {
      const actual = Object.hasOwn(fields, field) ? fields[field] : ''
      return operator === '=' ? actual === value : actual !== value
    })
  }

  isEverything(): boolean {
    return this.requirements.length === 0
  }

  /** Upstream String(): `field=value` terms joined by ",", values escaped. */
  toString(): string {
    return this.requirements.map(({field, operator, value}) => `${field}${operator}${escapeFieldSelectorValue(value)}`).join(',')
  }
}

/** Upstream fields.EscapeValue: prefixes `\`, `,` and `=` with a backslash. */
export function escapeFieldSelectorValue(value: string): string {
  return value.replace(/[\\,=]/g, (character) => `\\${character}`)
}
