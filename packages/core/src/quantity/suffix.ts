import type {QuantityFormat} from './quantity-format.js'

/** What a suffix means: value = number × base^exponent, remembered as `format`. */
export interface SuffixMeaning {
  base: 2 | 10
  exponent: number
  format: QuantityFormat
}

const DECIMAL_SI_EXPONENTS: Readonly<Record<string, number>> = {
  n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18,
}
const BINARY_SI_EXPONENTS: Readonly<Record<string, number>> = {Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60}

/** Upstream parses the exponent as int64 but keeps it in an int32 scale that is later negated. */
const MAX_EXPONENT = 2_147_483_647

/**
 * Interprets a suffix as upstream `suffixer.interpret` (suffix.go) does: the
 * SI tables first (so a lone "E" is exa), then `e`/`E` followed by a Go
 * `strconv.ParseInt` integer. Returns undefined for anything else ("K", "mi", "e").
 */
export function interpretSuffix(suffix: string): SuffixMeaning | undefined {
  const decimal = DECIMAL_SI_EXPONENTS[suffix]
  if (decimal !== undefined) return {base: 10, exponent: decimal, format: 'DecimalSI'}
  const binary = BINARY_SI_EXPONENTS[suffix]
  if (binary !== undefined) return {base: 2, exponent: binary, format: 'BinarySI'}
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E')) {
    const exponent = parseGoInteger(suffix.slice(1))
    if (exponent === undefined || exponent > MAX_EXPONENT || exponent < -MAX_EXPONENT) return undefined
    return {base: 10, exponent, format: 'DecimalExponent'}
  }
  return undefined
}

/** Go's ParseInt(s, 10, 64) grammar: an optional sign and at least one digit. */
function parseGoInteger(text: string): number | undefined {
  if (!/^[+-]?\d+$/.test(text)) return undefined
  return Number(text)
}

const DECIMAL_SI_SUFFIXES: ReadonlyMap<number, string> = new Map(
  Object.entries(DECIMAL_SI_EXPONENTS).map(([suffix, exponent]) => [exponent, suffix]),
)
const BINARY_SI_SUFFIXES: ReadonlyMap<number, string> = new Map([
  [0, ''],
  ...Object.entries(BINARY_SI_EXPONENTS).map(([suffix, exponent]): [number, string] => [exponent / 10, suffix]),
])

/** The DecimalSI suffix for 10^exponent, if SI has one (n … E). */
export function decimalSiSuffix(exponent: number): string | undefined {
  return DECIMAL_SI_SUFFIXES.get(exponent)
}

/** The BinarySI suffix for 1024^power, if there is one ("" … Ei). */
export function binarySiSuffix(power: number): string | undefined {
  return BINARY_SI_SUFFIXES.get(power)
}

/** The DecimalExponent suffix for 10^exponent: "" for 0, else "e<exponent>". */
export function decimalExponentSuffix(exponent: number): string {
  return exponent === 0 ? '' : `e${exponent}`
}
