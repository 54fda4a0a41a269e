/**
 * An error with the shape of a Kubernetes `Status` (metav1.Status): the store throws these
 * and the HTTP layer sends them as they are. Messages follow kube-apiserver's wording
 * (k8s.io/apimachinery/pkg/api/errors/errors.go) because clients print them verbatim.
 */
export type StatusReason =
  | 'NotFound'
  | 'AlreadyExists'
  | 'Conflict'
  | 'Invalid'
  | 'Gone'
  | 'Expired'
  | 'Forbidden'
  | 'Unauthorized'
  | 'BadRequest'
  | 'MethodNotAllowed'
  | 'UnsupportedMediaType'
  | 'NotAcceptable'
  | 'TooManyRequests'
  | 'InternalError'
  | 'ServiceUnavailable'
  | 'Timeout'

export interface StatusCause {
  reason: string
  message: string
  field?: string
}

export interface StatusDetails {
  name?: string
  group?: string
  kind?: string
  causes?: StatusCause[]
  retryAfterSeconds?: number
}

export class ApiError extends Error {
  readonly code: number
  readonly reason: StatusReason
  readonly details: StatusDetails | undefined

  constructor(code: number, reason: StatusReason, message: string, details?: StatusDetails) {
    super(message)
    this.name = 'ApiError'
    this.code = code
    this.reason = reason
    this.details = details
  }
}

/** `pods "web" not found`, or `deployments.apps "web" not found` for a named group. */
export function qualifiedResource(group: string, resource: string): string {
  return group === '' ? resource : `${resource}.${group}`
}

export function notFound(group: string, resource: string, name: string): ApiError {
  return new ApiError(404, 'NotFound', `${qualifiedResource(group, resource)} "${name}" not found`, {name, group, kind: resource})
}

export function alreadyExists(group: string, resource: string, name: string): ApiError {
  return new ApiError(409, 'AlreadyExists', `${qualifiedResource(group, resource)} "${name}" already exists`, {name, group, kind: resource})
}

export function conflict(group: string, resource: string, name: string): ApiError {
  const message =
    `Operation cannot be fulfilled on ${qualifiedResource(group, resource)} "${name}": ` +
    'the object has been modified; please apply your changes to the latest version and try again'
  return new ApiError(409, 'Conflict', message, {name, group, kind: resource})
}

/** 422 with one cause per invalid field, e.g. {field: 'metadata.name', reason: 'FieldValueRequired', message: 'Required value'}. */
export function invalid(group: string, kind: string, name: string, causes: StatusCause[]): ApiError {
  const list = causes.map((c) => `${c.field ?? ''}: ${c.message}`).join(', ')
  const message = `${kind} "${name}" is invalid: ${list}`
  return new ApiError(422, 'Invalid', message, {name, group, kind, causes})
}

export function gone(message: string): ApiError {
  return new ApiError(410, 'Expired', message)
}

export function badRequest(message: string): ApiError {
  return new ApiError(400, 'BadRequest', message)
}

/** A path nothing is served at (kube-apiserver's NotFound without details). */
export function pathNotFound(): ApiError {
  return new ApiError(404, 'NotFound', 'the server could not find the requested resource')
}

export function methodNotAllowed(): ApiError {
  return new ApiError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource')
}
