/**
 * The `pod-template-hash` label of a Deployment's ReplicaSets. Upstream
 * (pkg/controller/controller_utils.go ComputeHash) hashes the template with FNV-32a
 * plus the collision count and encodes the decimal digits with rand.SafeEncodeString.
 * Upstream feeds Go's spew dump to the hash, which we cannot reproduce, so we feed a
 * walk of the template with object keys sorted (key order never changes the hash):
 * same shape of value, different digits.
 */
const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789'
const FNV_OFFSET = 0x811c9dc5
const FNV_PRIME = 0x01000193

export function podTemplateHash(template: unknown, collisionCount = 0): string {
  let hash = hashValue(FNV_OFFSET, template)
  if (collisionCount > 0) hash = hashText(hash, String(collisionCount))
  return safeEncode(String(hash >>> 0))
}

function safeEncode(digits: string): string {
  let encoded = ''
  for (let i = 0; i < digits.length; i++) encoded += SAFE_ALPHABET[digits.charCodeAt(i) % SAFE_ALPHABET.length]
  return encoded
}

function hashText(hash: number, text: string): number {
  let h = hash
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME)
  return h
}

/** Feeds a JSON-like value to the hash; the type markers keep "1" and 1, or [a] and {0: a}, apart. */
function hashValue(hash: number, value: unknown): number {
  if (value === null || value === undefined) return hashText(hash, 'n')
  if (typeof value === 'string') return hashText(hashText(hashText(hash, '"'), value), '"')
  if (typeof value !== 'object') return hashText(hash, `${typeof value}:${String(value)};`)
  if (Array.isArray(value)) {
    let h = hashText(hash, '[')
    for (const item of value) h = hashText(hashValue(h, item), ',')
    return hashText(h, ']')
  }
  const record = value as Record<string, unknown>
  let h = hashText(hash, '{')
  for (const key of Object.keys(record).sort()) {
    if (record[key] === undefined) continue
    h = hashText(hashValue(hashText(h, key), record[key]), ',')
  }
  return hashText(h, '}')
}
