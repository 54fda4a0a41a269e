/**
 * How a quantity remembers to print itself, as upstream `resource.Format`:
 * the kind of suffix it was parsed from (or was given when built).
 */
export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent'

/** 10^9: a quantity is held as an exact integer count of nano-units (1n = 10^-9). */
export const NANOS_PER_UNIT = 1_000_000_000n
