import {ApiError, badRequest} from '../store/api-error.js'
import type {KubeObject} from '../store/object-store.js'
import {applyJsonPatch} from './json-patch.js'
import {applyMergePatch, isObject} from './merge-patch.js'
import type {Json} from './merge-patch.js'
import {applyStrategicMergePatch} from './strategic-merge-patch.js'

export const PATCH_TYPES = ['application/json-patch+json', 'application/merge-patch+json', 'application/strategic-merge-patch+json']

/** Applies a PATCH request body of the given media type to an object. */
export function applyPatch(mediaType: string, target: KubeObject, bodyText: string): KubeObject {
  if (!PATCH_TYPES.includes(mediaType)) {
    throw new ApiError(415, 'UnsupportedMediaType', `the server does not support the patch type ${JSON.stringify(mediaType)}; use one of ${PATCH_TYPES.join(', ')}`)
  }
  const patch = parsePatch(bodyText)
  const document = target as unknown as Json
  const patched =
    mediaType === 'application/json-patch+json'
      ? applyJsonPatch(document, patch)
      : mediaType === 'application/merge-patch+json'
        ? applyMergePatch(document, patch)
        : applyStrategicMergePatch(document, patch)
  if (!isObject(patched) || !isObject(patched.metadata)) throw badRequest('the patched object is not a Kubernetes object')
  return patched as unknown as KubeObject
}

function parsePatch(text: string): Json {
  try {
    return JSON.parse(text) as Json
  } catch (error) {
    throw badRequest(`error decoding patch: ${error instanceof Error ? error.message : String(error)}`)
  }
}
