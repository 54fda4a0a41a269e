/** `-o json`: two-space indentation and a final newline, as kubectl prints. */
export function toJson(document: unknown): string {
  return `${JSON.stringify(document, null, 2)}\n`
}
