import {isDeepStrictEqual} from 'node:util'
import {invalid} from '../store/api-error.js'
import type {StatusCause} from '../store/api-error.js'
import type {KubeObject} from '../store/object-store.js'

type ContainerFields = Record<string, unknown> & {name?: unknown; image?: unknown; targetContainerName?: unknown; volumeMounts?: {subPath?: string; subPathExpr?: string}[]}

interface PodSpecContainers {
  containers?: {name?: string}[]
  initContainers?: {name?: string}[]
  ephemeralContainers?: ContainerFields[]
}

/** Container fields an ephemeral container may not set (everything outside upstream's allowedEphemeralContainerFields), in struct order. */
const FORBIDDEN_FIELDS = ['ports', 'resources', 'resizePolicy', 'restartPolicy', 'livenessProbe', 'readinessProbe', 'startupProbe', 'lifecycle']
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/
const DNS_LABEL_MESSAGE =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character " +
  "(e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"
const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror'

/**
 * The pod a write to pods/NAME/ephemeralcontainers stores: the existing pod with only
 * spec.ephemeralContainers taken from the request (kube-apiserver's
 * dropNonEphemeralContainerUpdates), after upstream's checks (pkg/apis/core/validation
 * ValidatePodEphemeralContainersUpdate and validateEphemeralContainers). 422 Invalid otherwise.
 */
export function ephemeralContainersUpdate(existing: KubeObject, requested: KubeObject): KubeObject {
  const oldSpec = (existing.spec ?? {}) as PodSpecContainers
  const newContainers = ((requested.spec as PodSpecContainers | undefined)?.ephemeralContainers ?? []) as ContainerFields[]
  const causes = existing.metadata.annotations?.[MIRROR_POD_ANNOTATION] !== undefined
    ? [{reason: 'FieldValueForbidden', field: '', message: 'Forbidden: static pods do not support ephemeral containers'}]
    : [...newContainerProblems(oldSpec, newContainers), ...changedContainerProblems(oldSpec.ephemeralContainers ?? [], newContainers)]
  if (causes.length > 0) throw invalid('', 'Pod', existing.metadata.name ?? '', causes)
  return {
    ...existing,
    metadata: {...existing.metadata, resourceVersion: requested.metadata.resourceVersion},
    spec: {...(existing.spec as object | undefined), ephemeralContainers: newContainers},
  }
}

function newContainerProblems(spec: PodSpecContainers, ephemeral: ContainerFields[]): StatusCause[] {
  const otherNames = new Set([...(spec.containers ?? []), ...(spec.initContainers ?? [])].map((c) => c.name))
  const seen = new Set(otherNames)
  return ephemeral.flatMap((container, index) => {
    const path = `spec.ephemeralContainers[${index}]`
    const causes: StatusCause[] = []
    const name = container.name
    if (typeof name !== 'string' || name === '') causes.push(required(`${path}.name`))
    else if (!DNS_LABEL.test(name) || name.length > 63) causes.push({reason: 'FieldValueInvalid', field: `${path}.name`, message: `Invalid value: ${JSON.stringify(name)}: ${DNS_LABEL_MESSAGE}`})
    if (typeof container.image !== 'string' || container.image.trim() === '') causes.push(required(`${path}.image`))
    if (typeof name === 'string' && name !== '') {
      if (seen.has(name)) causes.push({reason: 'FieldValueDuplicate', field: `${path}.name`, message: `Duplicate value: ${JSON.stringify(name)}`})
      seen.add(name)
    }
    const target = container.targetContainerName
    if (target !== undefined && target !== '' && !otherNames.has(target as string)) {
      causes.push({reason: 'FieldValueNotFound', field: `${path}.targetContainerName`, message: `Not found: ${JSON.stringify(target)}`})
    }
    for (const field of FORBIDDEN_FIELDS) if (isSet(container[field])) causes.push(forbidden(`${path}.${field}`))
    ;(container.volumeMounts ?? []).forEach((mount, mountIndex) => {
      for (const field of ['subPath', 'subPathExpr'] as const) if (mount[field]) causes.push(forbidden(`${path}.volumeMounts[${mountIndex}].${field}`))
    })
    return causes
  })
}

/** Existing ephemeral containers may not be changed or removed; patches may reorder them. */
function changedContainerProblems(old: ContainerFields[], requested: ContainerFields[]): StatusCause[] {
  const byName = new Map(requested.map((container) => [container.name, container]))
  return old.flatMap((container): StatusCause[] => {
    const next = byName.get(container.name)
    const problem = next === undefined ? 'removed' : isDeepStrictEqual(next, container) ? undefined : 'changed'
    if (problem === undefined) return []
    return [{reason: 'FieldValueForbidden', field: 'spec.ephemeralContainers', message: `Forbidden: existing ephemeral containers ${JSON.stringify(container.name)} may not be ${problem}`}]
  })
}

/** Set in Go terms: not nil and not an empty struct (kubectl debug sends `resources: {}`). */
function isSet(value: unknown): boolean {
  if (value === undefined || value === null) return false
  return !(typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0)
}

function required(field: string): StatusCause {
  return {reason: 'FieldValueRequired', field, message: 'Required value'}
}

function forbidden(field: string): StatusCause {
  return {reason: 'FieldValueForbidden', field, message: 'Forbidden: cannot be set for an Ephemeral Container'}
}
