/**
 * What a request asks for, parsed from its path the way kube-apiserver's RequestInfoFactory
 * does (k8s.io/apiserver/pkg/endpoints/request/requestinfo.go): resource requests under
 * /api/v1 and /apis/<group>/<version>, everything else is a non-resource path.
 */
export interface ResourceRequest {
  kind: 'resource'
  verb: Verb
  group: string
  version: string
  namespace: string | undefined
  resource: string
  name: string | undefined
  subresource: string | undefined
}

export interface NonResourceRequest {
  kind: 'nonResource'
  verb: string
  path: string
}

export type RequestInfo = ResourceRequest | NonResourceRequest

export type Verb = 'get' | 'list' | 'watch' | 'create' | 'update' | 'patch' | 'delete' | 'deletecollection'

/** Subresources of a namespace that are not collections inside it. */
const NAMESPACE_SUBRESOURCES = new Set(['status', 'finalize'])

export function parseRequestInfo(method: string, url: URL): RequestInfo {
  const parts = url.pathname.split('/').filter((part) => part !== '').map(decodeURIComponent)
  const lowerMethod = method.toLowerCase()
  let rest: string[]
  let group: string
  if (parts[0] === 'api' && parts.length >= 3) {
    group = ''
    rest = parts.slice(1)
  } else if (parts[0] === 'apis' && parts.length >= 4) {
    group = parts[1]!
    rest = parts.slice(2)
  } else {
    return {kind: 'nonResource', verb: lowerMethod, path: url.pathname}
  }
  const version = rest[0]!
  let segments = rest.slice(1)
  let namespace: string | undefined
  if (segments[0] === 'namespaces' && segments.length > 2 && !NAMESPACE_SUBRESOURCES.has(segments[2]!)) {
    namespace = segments[1]
    segments = segments.slice(2)
  }
  const [resource, name, subresource] = segments
  if (resource === undefined || segments.length > 3) return {kind: 'nonResource', verb: lowerMethod, path: url.pathname}
  // A namespace's own path names it: /api/v1/namespaces/team-a is the namespace object.
  if (resource === 'namespaces' && group === '' && name !== undefined && namespace === undefined) namespace = name
  return {kind: 'resource', verb: verbOf(lowerMethod, name, url), group, version, namespace, resource, name, subresource}
}

function verbOf(method: string, name: string | undefined, url: URL): Verb {
  switch (method) {
    case 'post':
      return 'create'
    case 'put':
      return 'update'
    case 'patch':
      return 'patch'
    case 'delete':
      return name === undefined ? 'deletecollection' : 'delete'
    default:
      if (name !== undefined) return 'get'
      return isTrue(url.searchParams.get('watch')) ? 'watch' : 'list'
  }
}

export function isTrue(value: string | null): boolean {
  return value === 'true' || value === '1'
}
