/** The pieces of a quantity string, as upstream `parseQuantityString` splits them. */
export interface ScannedQuantity {
  negative: boolean
  /** The signed number as written, without the suffix ("-1.5" in "-1.5Gi"); may hold no digit. */
  numberText: string
  /** Integer digits without leading zeros; "0" when there are none. */
  integerDigits: string
  /** Fraction digits as written, trailing zeros included. */
  fractionDigits: string
  suffix: string
}

export type ScanResult = {ok: true; scanned: ScannedQuantity} | {ok: false; suffix: string}

const SUFFIX_LETTERS = 'eEinumkKMGTP'
const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '9'

/**
 * Splits a quantity into sign, digits and suffix with upstream's scanner rules:
 * leading zeros are dropped, "1." and ".5" and even a bare "." are numbers, and
 * the suffix is a run of [eEinumkKMGTP] with an optional signed integer after it.
 * Anything left over is an error (upstream ErrFormatWrong); the suffix is then
 * everything after the number, for the error message.
 */
export function scanQuantity(text: string): ScanResult {
  let pos = 0
  const negative = text[0] === '-'
  if (negative || text[0] === '+') pos++
  while (text[pos] === '0') pos++
  if (pos >= text.length) {
    return {ok: true, scanned: {negative, numberText: text, integerDigits: '0', fractionDigits: '', suffix: ''}}
  }
  const integerStart = pos
  while (isDigit(text[pos])) pos++
  const integerDigits = text.slice(integerStart, pos) || '0'
  let fractionDigits = ''
  if (text[pos] === '.') {
    const fractionStart = ++pos
    while (isDigit(text[pos])) pos++
    fractionDigits = text.slice(fractionStart, pos)
  }
  const numberText = text.slice(0, pos)
  const suffix = text.slice(pos)
  if (!isWellFormedSuffix(suffix)) return {ok: false, suffix}
  return {ok: true, scanned: {negative, numberText, integerDigits, fractionDigits, suffix}}
}

function isWellFormedSuffix(suffix: string): boolean {
  let pos = 0
  while (pos < suffix.length && SUFFIX_LETTERS.includes(suffix[pos] as string)) pos++
  if (suffix[pos] === '+' || suffix[pos] === '-') pos++
  while (isDigit(suffix[pos])) pos++
  return pos === suffix.length
}
