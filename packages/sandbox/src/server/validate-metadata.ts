import {labelKeyProblems, labelValueProblems, objectNameProblems} from '@kubeline/core'
import {invalid} from '../store/api-error.js'
import type {StatusCause} from '../store/api-error.js'
import type {KubeObject} from '../store/object-store.js'
import type {ServedResource} from '../resources/resource-type.js'

/** 422 Invalid, as kube-apiserver's ValidateObjectMeta answers, for a bad name or bad labels. */
export function validateMetadata(type: ServedResource, object: KubeObject): void {
  const causes = [...nameCauses(type, object.metadata.name), ...labelCauses(object.metadata.labels)]
  if (causes.length > 0) throw invalid(type.group, type.kind, object.metadata.name ?? '', causes)
}

function nameCauses(type: ServedResource, name: string | undefined): StatusCause[] {
  if (name === undefined || name === '') return []
  return objectNameProblems(type.group, type.kind, name).map((problem) => fieldInvalid('metadata.name', name, problem))
}

function labelCauses(labels: Record<string, string> | undefined): StatusCause[] {
  return Object.entries(labels ?? {}).flatMap(([key, value]) => [
    ...labelKeyProblems(key).map((problem) => fieldInvalid('metadata.labels', key, problem)),
    ...labelValueProblems(String(value)).map((problem) => fieldInvalid('metadata.labels', value, problem)),
  ])
}

function fieldInvalid(field: string, value: string, problem: string): StatusCause {
  return {reason: 'FieldValueInvalid', field, message: `Invalid value: ${JSON.stringify(value)}: ${problem}`}
}
