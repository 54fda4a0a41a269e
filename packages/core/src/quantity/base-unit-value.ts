import type {Quantity} from './quantity.js'
import {resourceUnitKind} from './resource-unit-kind.js'

/**
 * The number `-o json` prints beside a quantity's canonical string: millicores
 * for CPU-like resources, otherwise `value()` (bytes, or a count), both rounded
 * away from zero as upstream MilliValue()/Value(). Approximate beyond 2^53.
 */
export function baseUnitValue(quantity: Quantity, resourceName: string): number {
  return Number(resourceUnitKind(resourceName) === 'cores' ? quantity.milliValue() : quantity.value())
}
