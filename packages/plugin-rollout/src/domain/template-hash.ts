import type {PodTemplateSpec} from './rollout-objects.js'

// The alphabet of apimachinery's rand.SafeEncodeString: no vowels, no look-alikes, so a hash never spells a word.
const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789'

/**
 * A short, stable fingerprint of a pod template: FNV-1a (32 bit) over its JSON with keys sorted,
 * written in the alphabet Kubernetes uses for pod-template-hash. Key order does not matter; any
 * value change does. It identifies "the canary template of this release", not an API-defaulted copy.
 */
export function templateHash(template: PodTemplateSpec): string {
  let hash = 0x811c9dc5
  for (const byte of new TextEncoder().encode(canonicalJson(template))) {
    hash ^= byte
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  // As rand.SafeEncodeString(fmt.Sprint(sum)): each decimal character indexes the alphabet by its code.
  return [...hash.toString(10)].map((digit) => SAFE_ALPHABET[digit.charCodeAt(0) % SAFE_ALPHABET.length]).join('')
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined)
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([key, v]) => `${JSON.stringify(key)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}
