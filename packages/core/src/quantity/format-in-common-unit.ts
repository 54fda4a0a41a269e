import {NANOS_PER_UNIT} from './quantity-format.js'
import type {Quantity} from './quantity.js'
import {resourceUnitKind} from './resource-unit-kind.js'

/** Largest first: the first unit that every non-zero value reaches wins. */
const BINARY_UNITS: ReadonlyArray<{suffix: string; nanos: bigint}> = ['Pi', 'Ti', 'Gi', 'Mi', 'Ki'].map((suffix, i) => ({
  suffix,
  nanos: 1024n ** BigInt(5 - i) * NANOS_PER_UNIT,
}))

/**
 * Renders quantities that sit side by side in a table (used and hard, request
 * and limit) in one human unit, chosen by the resource (see resourceUnitKind):
 * - cores: all whole cores → cores ("2", "0"); otherwise millicores, rounded
 *   away from zero like MilliValue() ("500m", "2000m").
 * - bytes: the largest of Ki, Mi, Gi, Ti, Pi that every non-zero value reaches
 *   (at least 1 of it), each printed with at most one decimal, rounded half
 *   away from zero ("1.5Gi", "10Gi"); zero prints "0"; when some non-zero value
 *   is below 1Ki, plain bytes ("900").
 * - count: whole numbers, rounded away from zero like Value() ("10").
 */
export function formatInCommonUnit(quantities: readonly Quantity[], resourceName: string): string[] {
  switch (resourceUnitKind(resourceName)) {
    case 'cores':
      return formatCores(quantities)
    case 'bytes':
      return formatBytes(quantities)
    case 'count':
      return quantities.map((q) => q.value().toString())
  }
}

function formatCores(quantities: readonly Quantity[]): string[] {
  const wholeCores = quantities.every((q) => q.nanoValue() % NANOS_PER_UNIT === 0n)
  return quantities.map((q) => (wholeCores ? q.value().toString() : `${q.milliValue()}m`))
}

function formatBytes(quantities: readonly Quantity[]): string[] {
  const magnitudes = quantities.filter((q) => !q.isZero()).map((q) => abs(q.nanoValue()))
  const unit = BINARY_UNITS.find((u) => magnitudes.every((m) => m >= u.nanos))
  if (unit === undefined || magnitudes.length === 0) return quantities.map((q) => q.value().toString())
  return quantities.map((q) => (q.isZero() ? '0' : `${oneDecimal(q.nanoValue(), unit.nanos)}${unit.suffix}`))
}

/** nanos ÷ unit rounded half away from zero to tenths, without a trailing ".0". */
function oneDecimal(nanos: bigint, unitNanos: bigint): string {
  const tenths = (abs(nanos) * 20n + unitNanos) / (2n * unitNanos)
  const digits = tenths % 10n === 0n ? `${tenths / 10n}` : `${tenths / 10n}.${tenths % 10n}`
  return nanos < 0n ? `-${digits}` : digits
}

function abs(n: bigint): bigint {
  return n < 0n ? -n : n
}
