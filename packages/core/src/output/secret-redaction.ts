/**
 * The redaction guard: every line kubeline writes for people (errors, warnings,
 * --debug traces) passes through `redactSecrets`, which removes the credentials of
 * the kubeconfig in use and anything that looks like one.
 */
const known = new Set<string>()

/** Shorter values would redact ordinary words; real credentials are longer. */
const MIN_SECRET_LENGTH = 6

const PATTERNS: readonly [RegExp, string][] = [
  [/(authorization"?\s*[:=]\s*)("?)(bearer|basic)\s+[^\s"',}]+/gi, '$1$2$3 [REDACTED]'],
  [/\bbearer\s+[A-Za-z0-9\-._~+/]+=*/gi, 'Bearer [REDACTED]'],
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g, '[REDACTED PRIVATE KEY]'],
  [/((?:token|password|client-key-data|id-token|refresh-token|access-token|secret)"?\s*[:=]\s*"?)[^\s"',}]+/gi, '$1[REDACTED]'],
  // JWTs (service account and OIDC tokens) wherever they appear.
  [/\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]+/g, '[REDACTED]'],
]

/** Remember a credential (token, password, key) so that it is never printed. */
export function registerSecret(value: string | undefined | null): void {
  if (typeof value !== 'string') return
  const trimmed = value.trim()
  if (trimmed.length >= MIN_SECRET_LENGTH) known.add(trimmed)
}

export function redactSecrets(text: string): string {
  let out = text
  for (const secret of known) {
    if (out.includes(secret)) out = out.split(secret).join('[REDACTED]')
  }
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement)
  return out
}

/** For tests: forget the registered values. */
export function clearRegisteredSecrets(): void {
  known.clear()
}
