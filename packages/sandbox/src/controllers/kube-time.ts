/** Kubernetes metav1.Time: RFC 3339 in UTC with whole seconds. */
export function kubeTime(at: Date | number): string {
  return new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/** Milliseconds since the epoch of a metav1.Time, or undefined when absent or malformed. */
export function parseKubeTime(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined
  const ms = Date.parse(text)
  return Number.isNaN(ms) ? undefined : ms
}
