import {UsageError} from '../errors/kubeline-error.js'
import {NANOS_PER_UNIT, type QuantityFormat} from './quantity-format.js'
import {scanQuantity, type ScannedQuantity} from './scan-quantity.js'
import {interpretSuffix, type SuffixMeaning} from './suffix.js'

export interface ParsedQuantity {
  /** The exact value in nano-units (10^-9). */
  nanos: bigint
  format: QuantityFormat
}

/** Upstream caps a BinarySI quantity at parse time, silently, at 2^63-1. */
const MAX_BINARY_SI_NANOS = (2n ** 63n - 1n) * NANOS_PER_UNIT

/**
 * Upstream accepts any decimal exponent up to 2^31-1 but cannot do arithmetic
 * on such values (its Add hangs: kubernetes #141166). We refuse values with more
 * integer digits than this, so every Quantity stays cheap to add and compare.
 */
export const MAX_INTEGER_DIGITS = 10_000

/**
 * Parses a quantity exactly as upstream `ParseQuantity` (apimachinery
 * pkg/api/resource/quantity.go) does, down to its quirks:
 * - the value is kept exactly, except that anything finer than 1n is rounded
 *   away from zero to the next nano ("0.9n" → 1n, "3.001n" → 4n);
 * - a BinarySI value is capped at 2^63-1 ("9Ei", "8Ei"), and a BinarySI value
 *   between 0 and 1 becomes DecimalSI ("0.000000000001Ki" → 2n, DecimalSI);
 * - a number with no digit at all is zero ("m", ".", "Ti") unless upstream's
 *   int64 fast path does not apply, where its decimal parser rejects it ("Pi", "e-10");
 * - an exponent beyond ±(2^31-1) is rejected rather than wrapped.
 * Throws UsageError INVALID_QUANTITY `invalid quantity "<input>": <reason>`.
 */
export function parseQuantity(input: string): ParsedQuantity {
  const reject = (reason: string): never => {
    throw new UsageError('INVALID_QUANTITY', `invalid quantity ${JSON.stringify(input)}: ${reason}`)
  }
  if (input === '') return reject('empty string')
  if (/\s/.test(input)) return reject('whitespace is not allowed')
  const scan = scanQuantity(input)
  if (!scan.ok) return reject(describeBadSuffix(scan.suffix))
  const {scanned} = scan
  const meaning = interpretSuffix(scanned.suffix)
  if (meaning === undefined) return reject(describeBadSuffix(scanned.suffix))
  if (!/\d/.test(scanned.numberText) && !takesInt64FastPath(scanned, meaning)) return reject('no digits')
  const magnitude =
    meaning.base === 2 ? binaryMagnitudeNanos(scanned, meaning.exponent) : decimalMagnitudeNanos(scanned, meaning.exponent)
  if (magnitude === undefined) return reject(`more than ${MAX_INTEGER_DIGITS} integer digits`)
  return withFormat(scanned.negative ? -magnitude : magnitude, meaning.format)
}

function describeBadSuffix(suffix: string): string {
  if (suffix === '' || /^[+-]/.test(suffix)) return 'expected a number with an optional suffix'
  return `unknown suffix ${JSON.stringify(suffix)} (use n, u, m, k, M, G, T, P, E, Ki, Mi, Gi, Ti, Pi, Ei or an exponent like e3)`
}

/**
 * Whether upstream parses this input with its int64 fast path, which reads the
 * digits as "0" when there are none; otherwise inf.Dec needs at least one digit.
 * The precision estimate is upstream's, to the letter.
 */
function takesInt64FastPath({integerDigits, fractionDigits}: ScannedQuantity, meaning: SuffixMeaning): boolean {
  if (meaning.format !== 'BinarySI') {
    const precision = 18 - integerDigits.length - fractionDigits.length
    return precision >= 0 && meaning.exponent - fractionDigits.length >= -9
  }
  if (fractionDigits !== '') return false
  const precision = 15 - integerDigits.length - Math.trunc((meaning.exponent * 3) / 10) - 1
  return precision >= 0
}

function digitsOf({integerDigits, fractionDigits}: ScannedQuantity): bigint {
  return BigInt(integerDigits + fractionDigits)
}

/** |number| × 10^exponent in nanos, rounded away from zero; undefined when too large. */
function decimalMagnitudeNanos(scanned: ScannedQuantity, exponent: number): bigint | undefined {
  const digits = digitsOf(scanned)
  if (digits === 0n) return 0n
  const nanoExponent = exponent - scanned.fractionDigits.length + 9
  const digitCount = digits.toString().length
  if (digitCount + nanoExponent - 9 > MAX_INTEGER_DIGITS) return undefined
  if (nanoExponent >= 0) return digits * 10n ** BigInt(nanoExponent)
  // The shift is as long as the input at most, except for a huge negative exponent: then it is just 1n.
  if (-nanoExponent > digitCount) return 1n
  return ceilDivide(digits, 10n ** BigInt(-nanoExponent))
}

/** |number| × 2^exponent in nanos, rounded away from zero and capped at 2^63-1. */
function binaryMagnitudeNanos(scanned: ScannedQuantity, exponent: number): bigint {
  const scaled = digitsOf(scanned) * 2n ** BigInt(exponent) * NANOS_PER_UNIT
  const nanos = ceilDivide(scaled, 10n ** BigInt(scanned.fractionDigits.length))
  return nanos > MAX_BINARY_SI_NANOS ? MAX_BINARY_SI_NANOS : nanos
}

function withFormat(nanos: bigint, format: QuantityFormat): ParsedQuantity {
  const belowOne = nanos > 0n ? nanos < NANOS_PER_UNIT : nanos > -NANOS_PER_UNIT
  // Upstream: "This avoids rounding and hopefully confusion, too."
  if (format === 'BinarySI' && nanos !== 0n && belowOne) return {nanos, format: 'DecimalSI'}
  return {nanos, format}
}

function ceilDivide(dividend: bigint, divisor: bigint): bigint {
  return (dividend + divisor - 1n) / divisor
}
