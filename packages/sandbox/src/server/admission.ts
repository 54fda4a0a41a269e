import {ApiError, badRequest, invalid, notFound} from '../store/api-error.js'
import type {KubeObject} from '../store/object-store.js'
import {apiVersionOf} from '../resources/resource-type.js'
import type {ApiContext, ApiTarget} from './api-context.js'
import {validateMetadata} from './validate-metadata.js'

/**
 * Checks a request body is an object of the target's kind and places it where the URL says,
 * as kube-apiserver's REST handlers and admission (NamespaceLifecycle) do before storing.
 */
export function admitObject(target: ApiTarget, body: unknown): KubeObject {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw badRequest('the request body must be a JSON object')
  const object = body as KubeObject
  const {type} = target
  if (object.kind !== undefined && object.kind !== type.kind) {
    throw badRequest(`the API version in the data (${object.apiVersion}) does not match the expected API version (${apiVersionOf(type)}) or kind ${object.kind} is not ${type.kind}`)
  }
  const metadata = {...(typeof object.metadata === 'object' && object.metadata !== null ? object.metadata : {})}
  if (type.namespaced) {
    if (metadata.namespace !== undefined && metadata.namespace !== '' && metadata.namespace !== target.namespace) {
      throw badRequest('the namespace of the provided object does not match the namespace sent on the request')
    }
    metadata.namespace = target.namespace
  } else {
    delete metadata.namespace
  }
  if (!metadata.name && !metadata.generateName) {
    throw invalid(type.group, type.kind, '', [{reason: 'FieldValueRequired', field: 'metadata.name', message: 'Required value: name or generateName is required'}])
  }
  const admitted = {...object, apiVersion: apiVersionOf(type), kind: type.kind, metadata}
  validateMetadata(type, admitted)
  return admitted
}

/** NamespaceLifecycle: objects can only be created in a namespace that exists. */
export function requireNamespace(context: ApiContext, target: ApiTarget): void {
  if (!target.type.namespaced || target.namespace === undefined) return
  if (!context.store.peek({group: '', resource: 'namespaces'}, undefined, target.namespace)) {
    throw notFound('', 'namespaces', target.namespace)
  }
}

/** Defaults kube-apiserver applies on create that clients rely on. */
export function withCreateDefaults(object: KubeObject): KubeObject {
  if (object.kind === 'Namespace') {
    const name = object.metadata.name!
    return {
      ...object,
      metadata: {...object.metadata, labels: {...object.metadata.labels, 'kubernetes.io/metadata.name': name}},
      spec: {finalizers: ['kubernetes'], ...(object.spec as object | undefined)},
      status: {phase: 'Active'},
    }
  }
  if (object.kind === 'Pod' && object.status === undefined) return {...object, status: {phase: 'Pending'}}
  return object
}

/**
 * Defaults that need the new object's uid: a Job's selector and pod-template labels, as
 * kube-apiserver's job strategy generateSelector sets them (so `kubectl logs job/x` and
 * clients selecting by controller-uid find the pods).
 */
export function withIdentityDefaults(object: KubeObject): KubeObject {
  if (object.kind !== 'Job') return object
  const spec = (object.spec ?? {}) as {selector?: unknown; manualSelector?: boolean; template?: {metadata?: {labels?: Record<string, string>}}}
  if (spec.manualSelector) return object
  const uid = object.metadata.uid as string
  const name = object.metadata.name as string
  const identity = {'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': name, 'controller-uid': uid, 'job-name': name}
  const template = spec.template ?? {}
  return {
    ...object,
    spec: {
      ...spec,
      selector: spec.selector ?? {matchLabels: {'batch.kubernetes.io/controller-uid': uid}},
      template: {...template, metadata: {...template.metadata, labels: {...template.metadata?.labels, ...identity}}},
    },
  }
}

export function requireMatchingName(target: ApiTarget, object: KubeObject): void {
  if (object.metadata.name !== undefined && object.metadata.name !== target.info.name) {
    throw badRequest('the name of the object does not match the name on the URL')
  }
}

export function isDryRun(url: URL): boolean {
  const dryRun = url.searchParams.getAll('dryRun')
  if (dryRun.some((value) => value !== 'All')) throw new ApiError(400, 'BadRequest', `unsupported dry run value: ${dryRun.join(',')}`)
  return dryRun.length > 0
}
