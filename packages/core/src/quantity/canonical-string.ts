import {NANOS_PER_UNIT, type QuantityFormat} from './quantity-format.js'
import {binarySiSuffix, decimalExponentSuffix, decimalSiSuffix} from './suffix.js'

const BINARY_SI_MIN_NANOS = 1024n * NANOS_PER_UNIT

/**
 * The canonical text of a quantity, as upstream `CanonicalizeBytes`
 * (quantity.go): no fractional digits, the largest suffix that loses nothing,
 * the sign only when negative, and zero is always "0".
 * - DecimalSI / DecimalExponent: strip factors of ten, lower the exponent to a
 *   multiple of 3, then print the SI suffix (n … E) or `e<exp>`. DecimalSI past
 *   "E" falls back to `e<exp>` ("1000E" → "1e21").
 * - BinarySI: a value strictly between -1024 and 1024, or one that is not a
 *   whole number, prints as DecimalSI ("0.5Ki" → "512", "1.5" → "1500m");
 *   otherwise divide out powers of 1024 ("1536Mi" → "1536Mi", "1024Ki" → "1Mi").
 *   Past "Ei" it falls back to the DecimalExponent form (2^70 → its digits).
 *
 * Unlike upstream `String()`, this never echoes a non-canonical spelling that
 * the parser cached ("+1", "01", "1E3"): upstream lists those as a bug (#141166).
 */
export function canonicalString(nanos: bigint, format: QuantityFormat): string {
  if (nanos === 0n) return '0'
  if (format === 'BinarySI') {
    const magnitude = nanos < 0n ? -nanos : nanos
    if (magnitude >= BINARY_SI_MIN_NANOS && nanos % NANOS_PER_UNIT === 0n) return binaryString(nanos / NANOS_PER_UNIT)
    return decimalString(nanos, 'DecimalSI')
  }
  return decimalString(nanos, format)
}

function binaryString(units: bigint): string {
  let mantissa = units
  let power = 0
  while (mantissa % 1024n === 0n) {
    mantissa /= 1024n
    power++
  }
  const suffix = binarySiSuffix(power)
  if (suffix === undefined) return decimalString(units * NANOS_PER_UNIT, 'DecimalExponent')
  return `${mantissa}${suffix}`
}

function decimalString(nanos: bigint, format: 'DecimalSI' | 'DecimalExponent'): string {
  let mantissa = nanos
  let exponent = -9
  while (mantissa % 10n === 0n) {
    mantissa /= 10n
    exponent++
  }
  while (exponent % 3 !== 0) {
    mantissa *= 10n
    exponent--
  }
  const siSuffix = format === 'DecimalSI' ? decimalSiSuffix(exponent) : undefined
  return `${mantissa}${siSuffix ?? decimalExponentSuffix(exponent)}`
}
