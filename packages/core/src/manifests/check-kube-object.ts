import {throwInvalidManifest} from './invalid-manifest.js'
import type {KubeObject} from '../kube/kube-object.js'

type PlainMapping = Record<string, unknown>

/**
 * Checks that a decoded value has the fields every Kubernetes object needs and
 * that the metadata the rest of kubeline reads has the right types, so that a
 * label written `version: 1.0` (a number) fails here, with its line, rather
 * than silently never matching a selector later. Adds `metadata: {}` when absent.
 * `at` is the `file:line` the error messages start with.
 */
export function checkKubeObject(value: unknown, at: string): KubeObject {
  if (!isPlainMapping(value)) throwInvalidManifest(at, `expected a mapping with apiVersion and kind, got ${describeValue(value)}`)
  for (const field of ['apiVersion', 'kind']) {
    if (!(field in value)) throwInvalidManifest(at, `missing "${field}"`)
    if (typeof value[field] !== 'string' || value[field] === '') throwInvalidManifest(at, `"${field}" must be a non-empty string`)
  }
  if (value.metadata === undefined) value.metadata = {}
  checkMetadata(value.metadata, at)
  return value as KubeObject
}

/** `kind: List`, or any `*List` kind (`PodList` from `kubectl get -o json`), with an `items` array. */
export function isListObject(object: KubeObject): object is KubeObject & {items: unknown[]} {
  return object.kind.endsWith('List') && Array.isArray(object.items)
}

function checkMetadata(metadata: unknown, at: string): void {
  if (!isPlainMapping(metadata)) throwInvalidManifest(at, `"metadata" must be a mapping, got ${describeValue(metadata)}`)
  for (const field of ['name', 'generateName', 'namespace']) {
    const fieldValue = metadata[field]
    if (fieldValue !== undefined && typeof fieldValue !== 'string') {
      throwInvalidManifest(at, `"metadata.${field}" must be a string, got ${describeValue(fieldValue)}`)
    }
  }
  for (const field of ['labels', 'annotations']) {
    const map = metadata[field]
    if (map === undefined) continue
    if (!isPlainMapping(map)) throwInvalidManifest(at, `"metadata.${field}" must be a mapping, got ${describeValue(map)}`)
    for (const [key, entry] of Object.entries(map)) {
      if (typeof entry !== 'string') {
        throwInvalidManifest(at, `"metadata.${field}.${key}" must be a string, got ${describeValue(entry)}: quote it`)
      }
    }
  }
}

function isPlainMapping(value: unknown): value is PlainMapping {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a sequence'
  if (value === null) return 'null'
  if (typeof value === 'object') return 'a mapping'
  return `${typeof value} ${JSON.stringify(value)}`
}
