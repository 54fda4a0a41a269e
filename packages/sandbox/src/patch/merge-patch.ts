/** JSON value types a patch works on. */
export type Json = null | boolean | number | string | Json[] | {[key: string]: Json}

export function isObject(value: unknown): value is {[key: string]: Json} {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

/** RFC 7386 JSON Merge Patch: objects merge recursively, null deletes a key, anything else replaces. */
export function applyMergePatch(target: Json, patch: Json): Json {
  if (!isObject(patch)) return patch
  const result: {[key: string]: Json} = isObject(target) ? {...target} : {}
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key]
    else result[key] = applyMergePatch(result[key] ?? null, value)
  }
  return result
}
