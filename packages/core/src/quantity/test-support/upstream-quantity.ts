// Test-only builders that read like upstream quantity_test.go's decQuantity(mantissa, exponent, format).
import {Quantity} from '../quantity.js'
import type {QuantityFormat} from '../quantity-format.js'

/** mantissa × 10^exponent in nano-units; the value must be a whole number of nanos. */
export function decimalNanos(mantissa: bigint, exponent: number): bigint {
  if (exponent >= -9) return mantissa * 10n ** BigInt(exponent + 9)
  const divisor = 10n ** BigInt(-9 - exponent)
  if (mantissa % divisor !== 0n) throw new Error(`${mantissa}e${exponent} is finer than 1n`)
  return mantissa / divisor
}

export function decQuantity(mantissa: bigint, exponent: number, format: QuantityFormat): Quantity {
  return Quantity.fromNanos(decimalNanos(mantissa, exponent), format)
}

/** upstream maxAllowed: 2^63-1 */
export const MOST_POSITIVE = 2n ** 63n - 1n
export const MOST_NEGATIVE = -(2n ** 63n)
