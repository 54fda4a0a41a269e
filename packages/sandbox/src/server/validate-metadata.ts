import {labelKeyProblems, labelValueProblems} from '@kubeline/core'
import {invalid} from '../store/api-error.js'
import type {StatusCause} from '../store/api-error.js'
import type {KubeObject} from '../store/object-store.js'
import type {ServedResource} from '../resources/resource-type.js'

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/
const LABEL_RULE =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"
const SUBDOMAIN_RULE =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"

/** Kinds whose names must be DNS labels (they become DNS names themselves); the rest take DNS subdomains. */
const LABEL_NAMED = new Set(['namespaces', 'services'])

/** 422 Invalid, as kube-apiserver's ValidateObjectMeta answers, for a bad name or bad labels. */
export function validateMetadata(type: ServedResource, object: KubeObject): void {
  const causes = [...nameCauses(type, object.metadata.name), ...labelCauses(object.metadata.labels)]
  if (causes.length > 0) throw invalid(type.group, type.kind, object.metadata.name ?? '', causes)
}

function nameCauses(type: ServedResource, name: string | undefined): StatusCause[] {
  if (name === undefined || name === '') return []
  const asLabel = LABEL_NAMED.has(type.resource) && type.group === ''
  const problems: string[] = []
  if (name.length > (asLabel ? 63 : 253)) problems.push(`must be no more than ${asLabel ? 63 : 253} characters`)
  if (!(asLabel ? DNS1123_LABEL : DNS1123_SUBDOMAIN).test(name)) problems.push(asLabel ? LABEL_RULE : SUBDOMAIN_RULE)
  return problems.map((problem) => fieldInvalid('metadata.name', name, problem))
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
