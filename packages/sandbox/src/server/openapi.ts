import type {ResourceRegistry} from '../resources/resource-registry.js'
import {groupVersionPath} from '../resources/resource-type.js'
import type {ServedResource} from '../resources/resource-type.js'

/**
 * Just enough OpenAPI v3 for kubectl's field-validation check (kubectl
 * staging/src/k8s.io/cli-runtime/pkg/resource/query_param_verifier_v3.go): each
 * group-version document has a PATCH operation per kind, tagged with
 * x-kubernetes-group-version-kind and declaring the `fieldValidation` query parameter. kubectl
 * then leaves validation to the server instead of downloading schemas.
 */
export function openApiDocument(registry: ResourceRegistry, path: string): unknown {
  if (path === '/openapi/v3') return {paths: Object.fromEntries(groupVersions(registry).map((gv) => [gv.slice(1), {serverRelativeURL: `/openapi/v3${gv}?hash=sandbox`}]))}
  const groupVersion = path.slice('/openapi/v3'.length)
  const types = registry.all().filter((type) => groupVersionPath(type.group, type.version) === groupVersion)
  if (types.length === 0) return undefined
  return {
    openapi: '3.0.0',
    info: {title: 'Kubernetes', version: 'v1.32.0'},
    paths: Object.fromEntries(types.map((type) => [objectPath(type), {patch: patchOperation(type)}])),
  }
}

function groupVersions(registry: ResourceRegistry): string[] {
  return [...new Set(registry.all().map((type) => groupVersionPath(type.group, type.version)))]
}

function objectPath(type: ServedResource): string {
  const prefix = groupVersionPath(type.group, type.version)
  return type.namespaced ? `${prefix}/namespaces/{namespace}/${type.resource}/{name}` : `${prefix}/${type.resource}/{name}`
}

function patchOperation(type: ServedResource): Record<string, unknown> {
  return {
    operationId: `patch${type.kind}`,
    parameters: [
      {name: 'dryRun', in: 'query', schema: {type: 'string'}},
      {name: 'fieldManager', in: 'query', schema: {type: 'string'}},
      {name: 'fieldValidation', in: 'query', schema: {type: 'string'}},
    ],
    responses: {'200': {description: 'OK'}},
    'x-kubernetes-action': 'patch',
    'x-kubernetes-group-version-kind': {group: type.group, version: type.version, kind: type.kind},
  }
}
