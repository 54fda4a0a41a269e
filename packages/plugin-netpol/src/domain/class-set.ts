// A fixed-size set of class indexes as a bit array: the matrix combines rules with word-wide AND/OR.

export type ClassSet = Uint32Array

export function emptyClassSet(size: number): ClassSet {
  return new Uint32Array(Math.ceil(size / 32))
}

export function fullClassSet(size: number): ClassSet {
  const set = emptyClassSet(size)
  for (let i = 0; i < size; i++) addClass(set, i)
  return set
}

export function addClass(set: ClassSet, index: number): void {
  set[index >>> 5] = (set[index >>> 5] ?? 0) | (1 << (index & 31))
}

export function hasClass(set: ClassSet, index: number): boolean {
  return ((set[index >>> 5] ?? 0) & (1 << (index & 31))) !== 0
}

/** into |= from */
export function unionInto(into: ClassSet, from: ClassSet): void {
  for (let i = 0; i < into.length; i++) into[i] = (into[i] ?? 0) | (from[i] ?? 0)
}

/** a & b, as a new set */
export function intersection(a: ClassSet, b: ClassSet): ClassSet {
  const result = new Uint32Array(a.length)
  for (let i = 0; i < a.length; i++) result[i] = (a[i] ?? 0) & (b[i] ?? 0)
  return result
}

/**
 * Applies one ordered rule to the still-undecided classes: `matched & undecided` is added to
 * `decided` (when given), then removed from `undecided`.
 */
export function settle(undecided: ClassSet, matched: ClassSet, decided: ClassSet | undefined): void {
  for (let i = 0; i < undecided.length; i++) {
    const hit = (undecided[i] ?? 0) & (matched[i] ?? 0)
    if (decided) decided[i] = (decided[i] ?? 0) | hit
    undecided[i] = (undecided[i] ?? 0) & ~hit
  }
}
