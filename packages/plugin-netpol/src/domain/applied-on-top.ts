interface Named {
  metadata: {name: string; namespace?: string}
}

/** What `kubectl apply` matches objects of one kind by: namespace and name. */
export function objectKey(object: Named): string {
  return `${object.metadata.namespace ?? ''}/${object.metadata.name}`
}

/**
 * `current` with `changes` applied as `kubectl apply` would: an object with the namespace and name
 * of an earlier one (current, or earlier in `changes`) replaces it in its place; new ones come last.
 */
export function appliedOnTop<T extends Named>(current: readonly T[], changes: readonly T[]): T[] {
  const byKey = new Map(current.map((object) => [objectKey(object), object]))
  for (const object of changes) byKey.set(objectKey(object), object)
  return [...byKey.values()]
}
