import {ApiError, qualifiedResource} from '../store/api-error.js'
import type {ResourceRequest} from '../server/request-info.js'
import type {AccessRule, SandboxUser} from './sandbox-user.js'

const UNAUTHORIZED = new ApiError(401, 'Unauthorized', 'Unauthorized')

/** The user a `Authorization: Bearer <token>` header names; 401 Unauthorized otherwise. */
export function authenticate(users: readonly SandboxUser[], authorization: string | undefined): SandboxUser {
  const match = /^Bearer\s+(.+)$/i.exec(authorization ?? '')
  const user = match ? users.find((candidate) => candidate.token === match[1]!.trim()) : undefined
  if (!user) throw UNAUTHORIZED
  return user
}

/** Throws 403 Forbidden with kube-apiserver's wording unless one of the user's rules allows the request. */
export function authorize(user: SandboxUser, request: ResourceRequest): void {
  if (!isAllowed(user, request) && !isSelfReview(request)) throw forbidden(user, request)
}

/** Every authenticated user may ask what they may do (the system:basic-user ClusterRole). */
function isSelfReview(request: ResourceRequest): boolean {
  return request.verb === 'create' && request.group === 'authorization.k8s.io' && request.resource === 'selfsubjectaccessreviews'
}

export function isAllowed(user: SandboxUser, request: ResourceRequest): boolean {
  return user.admin === true || (user.rules ?? []).some((rule) => allows(rule, request))
}

function allows(rule: AccessRule, request: ResourceRequest): boolean {
  const resource = request.subresource ? `${request.resource}/${request.subresource}` : request.resource
  return (
    includes(rule.verbs, request.verb) &&
    includes(rule.resources, resource) &&
    (rule.apiGroups === undefined || includes(rule.apiGroups, request.group)) &&
    (rule.namespaces === undefined || (request.namespace !== undefined && includes(rule.namespaces, request.namespace)))
  )
}

function includes(values: readonly string[], value: string): boolean {
  return values.includes('*') || values.includes(value)
}

/**
 * `pods "web" is forbidden: User "alice" cannot get resource "pods" in API group "" in the namespace "prod"`
 * (k8s.io/apiserver/pkg/endpoints/handlers/responsewriters/errors.go forbiddenMessage).
 */
export function forbidden(user: SandboxUser, request: ResourceRequest): ApiError {
  const resource = request.subresource ? `${request.resource}/${request.subresource}` : request.resource
  const scope = request.namespace === undefined ? 'at the cluster scope' : `in the namespace "${request.namespace}"`
  const subject = qualifiedResource(request.group, request.resource) + (request.name ? ` "${request.name}"` : '')
  const message = `${subject} is forbidden: User "${user.name}" cannot ${request.verb} resource "${resource}" in API group "${request.group}" ${scope}`
  const details = {...(request.name ? {name: request.name} : {}), ...(request.group ? {group: request.group} : {}), kind: request.resource}
  return new ApiError(403, 'Forbidden', message, details)
}
