import {Quantity} from '@kubeline/core'
import type {RawResourceList} from './kubernetes-objects.js'

/**
 * A resource name → exact Quantity map, the TypeScript twin of `corev1.ResourceList`
 * with the arithmetic of k8s.io/apiserver pkg/quota/v1/resources.go.
 */
export type ResourceList = Readonly<Record<string, Quantity>>

/** Parses a ResourceList as it appears in JSON or YAML (`cpu: 1`, `memory: "1Gi"`). */
export function parseResourceList(raw: RawResourceList | null | undefined): ResourceList {
  const result: Record<string, Quantity> = {}
  for (const [name, value] of Object.entries(raw ?? {})) result[name] = Quantity.parse(String(value))
  return result
}

/** Canonical strings, keys sorted: the shape the library hands out. */
export function formatResourceList(list: ResourceList): Record<string, string> {
  const result: Record<string, string> = {}
  for (const name of Object.keys(list).sort()) result[name] = list[name]!.toString()
  return result
}

/** Upstream `Add`: every key of either list; shared keys summed. */
export function addResourceLists(a: ResourceList, b: ResourceList): ResourceList {
  return combine(a, b, (x, y) => x.add(y))
}

/** Upstream `Subtract`: every key of either list; a missing key counts as zero. */
export function subtractResourceLists(a: ResourceList, b: ResourceList): ResourceList {
  return combine(a, b, (x, y) => x.sub(y))
}

/** Upstream `Max`: every key of either list, the larger value. */
export function maxResourceLists(a: ResourceList, b: ResourceList): ResourceList {
  const result: Record<string, Quantity> = {...a}
  for (const [name, quantity] of Object.entries(b)) result[name] = Object.hasOwn(a, name) ? Quantity.max(a[name]!, quantity) : quantity
  return result
}

/** Every value multiplied by a whole count (replicas). */
export function scaleResourceList(list: ResourceList, factor: number): ResourceList {
  const result: Record<string, Quantity> = {}
  for (const [name, quantity] of Object.entries(list)) result[name] = quantity.mul(BigInt(factor))
  return result
}

/** Upstream `Mask`: only the keys in `names`. */
export function maskResourceList(list: ResourceList, names: Iterable<string>): ResourceList {
  const result: Record<string, Quantity> = {}
  for (const name of names) if (Object.hasOwn(list, name)) result[name] = list[name]!
  return result
}

/** Upstream `RemoveZeros`. */
export function removeZeros(list: ResourceList): ResourceList {
  return Object.fromEntries(Object.entries(list).filter(([, quantity]) => !quantity.isZero()))
}

/**
 * Upstream `LessThanOrEqual(a, b)`: true when every key of `a` that `b` also has
 * is <= b's value; keys missing from `b` are unconstrained. `exceeded` lists the
 * keys that are over, sorted.
 */
export function lessThanOrEqual(a: ResourceList, b: ResourceList): {allowed: boolean; exceeded: string[]} {
  const exceeded = Object.keys(a)
    .filter((name) => Object.hasOwn(b, name) && a[name]!.cmp(b[name]!) > 0)
    .sort()
  return {allowed: exceeded.length === 0, exceeded}
}

function combine(a: ResourceList, b: ResourceList, op: (x: Quantity, y: Quantity) => Quantity): ResourceList {
  const result: Record<string, Quantity> = {}
  for (const name of new Set([...Object.keys(a), ...Object.keys(b)])) {
    result[name] = op(a[name] ?? Quantity.zero(), b[name] ?? Quantity.zero())
  }
  return result
}
