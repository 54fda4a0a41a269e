import {randomUUID} from 'node:crypto'
import {invalid} from './api-error.js'
import type {KubeObject, ResourceKey} from './object-store.js'

const GENERATED_SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789'

/** kube-apiserver's generateName suffix: five characters that avoid vowels and look-alikes. */
export function generatedName(prefix: string): string {
  let suffix = ''
  for (let i = 0; i < 5; i++) suffix += GENERATED_SUFFIX_ALPHABET[Math.floor(Math.random() * GENERATED_SUFFIX_ALPHABET.length)]
  return prefix + suffix
}

/** RFC 3339 with second precision, as metav1.Time serialises. */
export function kubeTimestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

export function newUid(): string {
  return randomUUID()
}

/** Everything except metadata and status: a change here bumps metadata.generation. */
export function specFingerprint(object: KubeObject): string {
  const {metadata: _metadata, status: _status, apiVersion: _apiVersion, kind: _kind, ...rest} = object
  return JSON.stringify(rest)
}

export function requireName(key: ResourceKey, object: KubeObject): string {
  const name = object.metadata?.name
  if (typeof name === 'string' && name !== '') return name
  throw invalid(key.group, object.kind ?? key.resource, '', [
    {reason: 'FieldValueRequired', field: 'metadata.name', message: 'Required value: name or generateName is required'},
  ])
}
