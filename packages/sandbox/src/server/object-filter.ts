import {parseFieldSelector, parseLabelSelector} from '@kubeline/core'
import {badRequest} from '../store/api-error.js'
import type {KubeObject} from '../store/object-store.js'

/** The labelSelector and fieldSelector query parameters of a list or watch. */
export interface ObjectFilter {
  matches(object: KubeObject): boolean
}

/** Parses both selectors; a bad one is 400 BadRequest, as kube-apiserver answers. */
export function objectFilter(params: URLSearchParams): ObjectFilter {
  const labelText = params.get('labelSelector') ?? ''
  const fieldText = params.get('fieldSelector') ?? ''
  try {
    const labels = parseLabelSelector(labelText)
    const fields = parseFieldSelector(fieldText)
    const fieldNames = fields.requirements.map((r) => r.field)
    return {
      matches: (object) => labels.matches(object.metadata.labels) && fields.matches(selectableFields(object, fieldNames)),
    }
  } catch (error) {
    throw badRequest(error instanceof Error ? error.message : String(error))
  }
}

/** Field values by dotted path (metadata.name, status.phase, spec.nodeName, involvedObject.name...); missing ones are "". */
function selectableFields(object: KubeObject, fieldNames: string[]): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const name of fieldNames) fields[name] = fieldValue(object, name)
  return fields
}

function fieldValue(object: KubeObject, path: string): string {
  let value: unknown = object
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return ''
    value = (value as Record<string, unknown>)[part]
  }
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : ''
}
