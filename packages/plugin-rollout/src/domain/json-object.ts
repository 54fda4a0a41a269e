/** True for a JSON object (not null, not an array): the shape checks of decoded annotations and API bodies. */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}
