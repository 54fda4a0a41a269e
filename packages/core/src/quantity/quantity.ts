import {canonicalString} from './canonical-string.js'
import {parseQuantity} from './parse-quantity.js'
import {NANOS_PER_UNIT, type QuantityFormat} from './quantity-format.js'

const NANOS_PER_MILLI = 1_000_000n

/**
 * An exact Kubernetes `resource.Quantity`: an integer count of nano-units (a
 * BigInt, so neither float error nor an int64 ceiling) plus the format it
 * prints in. Immutable; every operation returns a new Quantity.
 */
export class Quantity {
  readonly format: QuantityFormat
  // A plain (not #private) field so that vitest's toEqual compares values.
  private readonly nanos: bigint

  private constructor(nanos: bigint, format: QuantityFormat) {
    this.nanos = nanos
    this.format = format
  }

  /** Upstream `ParseQuantity`; throws UsageError INVALID_QUANTITY. See parseQuantity. */
  static parse(input: string): Quantity {
    const {nanos, format} = parseQuantity(input)
    return new Quantity(nanos, format)
  }

  /** An exact value in nano-units (10^-9); the inverse of `nanoValue()`. */
  static fromNanos(nanos: bigint, format: QuantityFormat = 'DecimalSI'): Quantity {
    return new Quantity(nanos, format)
  }

  /** `value` whole units, as upstream `NewQuantity(value, format)`. */
  static fromInteger(value: bigint, format: QuantityFormat = 'DecimalSI'): Quantity {
    return new Quantity(value * NANOS_PER_UNIT, format)
  }

  /** `millis` thousandths, as upstream `NewMilliQuantity(millis, format)`. */
  static fromMillis(millis: bigint, format: QuantityFormat = 'DecimalSI'): Quantity {
    return new Quantity(millis * NANOS_PER_MILLI, format)
  }

  static zero(format: QuantityFormat = 'DecimalSI'): Quantity {
    return new Quantity(0n, format)
  }

  /** The larger of the two; `a` when they are equal. */
  static max(a: Quantity, b: Quantity): Quantity {
    return b.cmp(a) > 0 ? b : a
  }

  /** The sum. Like upstream `Add`, a zero left operand takes the right operand's format. */
  add(other: Quantity): Quantity {
    return new Quantity(this.nanos + other.nanos, this.#resultFormat(other))
  }

  /** The difference. Like upstream `Sub`, a zero left operand takes the right operand's format. */
  sub(other: Quantity): Quantity {
    return new Quantity(this.nanos - other.nanos, this.#resultFormat(other))
  }

  /** Multiplied by a whole number (replicas, pod counts), as upstream `Mul`; always exact here. */
  mul(factor: bigint): Quantity {
    return new Quantity(this.nanos * factor, this.format)
  }

  neg(): Quantity {
    return new Quantity(-this.nanos, this.format)
  }

  /** -1, 0 or 1 as this is less than, equal to or greater than `other`; exact, ignores format. */
  cmp(other: Quantity): -1 | 0 | 1 {
    if (this.nanos === other.nanos) return 0
    return this.nanos < other.nanos ? -1 : 1
  }

  /** Same value; the format does not matter ("1Ki" equals "1024"). */
  equals(other: Quantity): boolean {
    return this.nanos === other.nanos
  }

  isZero(): boolean {
    return this.nanos === 0n
  }

  sign(): -1 | 0 | 1 {
    if (this.nanos === 0n) return 0
    return this.nanos < 0n ? -1 : 1
  }

  /** Whole units rounded away from zero, as upstream `Value()` (but never overflowing). */
  value(): bigint {
    return divideAwayFromZero(this.nanos, NANOS_PER_UNIT)
  }

  /** Thousandths rounded away from zero, as upstream `MilliValue()` (but never overflowing). */
  milliValue(): bigint {
    return divideAwayFromZero(this.nanos, NANOS_PER_MILLI)
  }

  /** The exact value in nano-units (10^-9), for exact arithmetic outside this class. */
  nanoValue(): bigint {
    return this.nanos
  }

  /** The nearest float; approximate for values beyond 2^53 units. */
  toNumber(): number {
    return Number(this.nanos / NANOS_PER_UNIT) + Number(this.nanos % NANOS_PER_UNIT) / 1e9
  }

  /**
   * this ÷ other as a float, from the exact values ("500m" of "1" is 0.5, never
   * the 1 that rounded `value()`s give). Dividing by zero gives Infinity or
   * -Infinity, and 0 when this is zero too (nothing used of nothing), never NaN.
   */
  ratio(other: Quantity): number {
    if (other.nanos === 0n) return this.nanos === 0n ? 0 : this.sign() * Infinity
    return exactRatio(this.nanos, other.nanos)
  }

  /** The canonical form, as upstream `String()` / `CanonicalizeBytes` ("1.5" → "1500m", "1024Ki" → "1Mi"). */
  toString(): string {
    return canonicalString(this.nanos, this.format)
  }

  /** The canonical string, as upstream `MarshalJSON`. */
  toJSON(): string {
    return this.toString()
  }

  #resultFormat(other: Quantity): QuantityFormat {
    return this.nanos === 0n ? other.format : this.format
  }
}

function divideAwayFromZero(dividend: bigint, divisor: bigint): bigint {
  const quotient = dividend / divisor
  if (dividend % divisor === 0n) return quotient
  return dividend < 0n ? quotient - 1n : quotient + 1n
}

/** Scaled so that 20 significant digits survive whatever the magnitudes; JS parses the decimal exactly. */
function exactRatio(dividend: bigint, divisor: bigint): number {
  const digitCount = (n: bigint): number => (n < 0n ? -n : n).toString().length
  const shift = Math.max(0, digitCount(divisor) - digitCount(dividend)) + 20
  const scaled = (dividend * 10n ** BigInt(shift)) / divisor
  return Number(`${scaled}e-${shift}`)
}
