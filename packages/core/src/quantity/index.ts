/**
 * Kubernetes `resource.Quantity`, exact.
 *
 * A Quantity holds an integer count of nano-units as a BigInt plus the format it
 * prints in, so "100m" + "900m" is exactly "1" and "1Gi" compares greater than
 * "1G" without float error or an int64 ceiling. It follows upstream
 * k8s.io/apimachinery pkg/api/resource (quantity.go, suffix.go, amount.go):
 *
 * - `Quantity.parse` is `ParseQuantity`: suffixes n u m "" k M G T P E and
 *   Ki Mi Gi Ti Pi Ei, exponents (`1e3`, `1E-3`), signs, "1." and ".5"; values
 *   finer than 1n round away from zero; BinarySI caps at 2^63-1. Bad input
 *   throws UsageError INVALID_QUANTITY: `invalid quantity "12x": unknown suffix "x" …`.
 * - The format (DecimalSI, BinarySI, DecimalExponent) comes from the suffix;
 *   `add`/`sub` keep the left operand's unless it is zero.
 * - `toString()`/`toJSON()` print the canonical form: "1.5" → "1500m",
 *   "1.5Gi" → "1536Mi", "1024Ki" → "1Mi", "1000m" → "1", "1e3" → "1e3".
 * - `value()`/`milliValue()` round away from zero as upstream; use `ratio()` or
 *   `cmp()` for percentages and checks, never rounded values.
 *
 * Deviations, on purpose: values with more than 10000 integer digits are
 * rejected (upstream accepts exponents to 2^31-1 but hangs adding them), and
 * `toString()` is always canonical where upstream echoes a few cached
 * non-canonical spellings such as "+1" or "1E3" (kubernetes #141166).
 *
 * For people: `formatInCommonUnit` renders a row of quantities in one unit
 * (cores or millicores, Ki…Pi, counts); `baseUnitValue` gives the JSON number
 * (millicores, bytes, counts).
 */
export {Quantity} from './quantity.js'
export type {QuantityFormat} from './quantity-format.js'
export {formatInCommonUnit} from './format-in-common-unit.js'
export {baseUnitValue} from './base-unit-value.js'
export {resourceUnitKind} from './resource-unit-kind.js'
export type {ResourceUnitKind} from './resource-unit-kind.js'
