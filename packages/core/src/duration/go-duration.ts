/**
 * Go's time.ParseDuration, exactly: nanoseconds as a bigint, the fraction computed in float64 as Go
 * does, overflow past int64 rejected, and Go's own error text (which the API server repeats for
 * `@every` schedules). parse-duration.ts words its errors for kubeline's flags on top of it.
 */
export class GoDurationError extends Error {
  override readonly name = 'GoDurationError'
  constructor(
    message: string,
    /** invalid: no number, a bad number or an overflow; missing-unit; unknown-unit (see `unit`). */
    readonly kind: 'invalid' | 'missing-unit' | 'unknown-unit',
    readonly unit?: string,
  ) {
    super(message)
  }
}

const NANOS_PER_SECOND = 1_000_000_000n
const MAX_MAGNITUDE = 2n ** 63n
const UNIT_NANOS: Readonly<Record<string, bigint>> = {
  ns: 1n, us: 1_000n, 'µs': 1_000n, 'μs': 1_000n, ms: 1_000_000n, s: NANOS_PER_SECOND, m: 60n * NANOS_PER_SECOND, h: 3600n * NANOS_PER_SECOND,
}

/** Go's time.ParseDuration, returning nanoseconds; errors carry Go's own text. */
export function goDurationNanos(text: string): bigint {
  const invalid = (): GoDurationError => new GoDurationError(`time: invalid duration ${timeQuote(text)}`, 'invalid')
  let rest = text
  const negative = rest.startsWith('-')
  if (negative || rest.startsWith('+')) rest = rest.slice(1)
  if (rest === '0') return 0n
  if (rest === '') throw invalid()
  let total = 0n
  while (rest !== '') {
    const number = /^(\d*)(?:\.(\d*))?/.exec(rest)?.[0] ?? ''
    const [whole = '', fraction] = number.split('.')
    if (whole === '' && !fraction) throw invalid()
    rest = rest.slice(number.length)
    const unit = /^[^.\d]*/.exec(rest)?.[0] ?? ''
    if (unit === '') throw new GoDurationError(`time: missing unit in duration ${timeQuote(text)}`, 'missing-unit')
    rest = rest.slice(unit.length)
    const unitNanos = UNIT_NANOS[unit]
    if (unitNanos === undefined) throw new GoDurationError(`time: unknown unit ${timeQuote(unit)} in duration ${timeQuote(text)}`, 'unknown-unit', unit)
    const value = BigInt(whole || '0')
    if (value > MAX_MAGNITUDE / unitNanos) throw invalid()
    total += value * unitNanos + fractionNanos(fraction ?? '', unitNanos)
    if (total > MAX_MAGNITUDE) throw invalid()
  }
  if (!negative && total > MAX_MAGNITUDE - 1n) throw invalid()
  return negative ? -total : total
}

/** Go computes the fraction in float64: uint64(float64(f) * (float64(unit) / scale)). */
function fractionNanos(fraction: string, unitNanos: bigint): bigint {
  if (fraction === '') return 0n
  // leadingFraction stops accumulating digits once they would overflow, but still consumes them.
  let digits = 0n
  let scale = 1
  for (const digit of fraction) {
    if (digits > (MAX_MAGNITUDE - 1n) / 10n) break
    const next = digits * 10n + BigInt(digit)
    if (next > MAX_MAGNITUDE) break
    digits = next
    scale *= 10
  }
  return BigInt(Math.trunc(Number(digits) * (Number(unitNanos) / scale)))
}

/** The time package's quote: printable ASCII kept, every other byte written as \xNN. */
function timeQuote(text: string): string {
  let quoted = '"'
  for (const character of text) {
    if (character >= ' ' && character <= '~') {
      quoted += character === '"' || character === '\\' ? `\\${character}` : character
    } else {
      for (const byte of new TextEncoder().encode(character)) quoted += `\\x${byte.toString(16).padStart(2, '0')}`
    }
  }
  return `${quoted}"`
}
