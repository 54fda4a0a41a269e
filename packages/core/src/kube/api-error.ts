import {KubelineError} from '../errors/kubeline-error.js'
import type {ErrorCode} from '../errors/kubeline-error.js'
import {qualifiedResource} from './resource-types.js'
import type {ResourceType} from './resource-types.js'

/** What was being attempted, so a failure can say so in kubectl's terms. */
export interface RequestDescription {
  /** Kubernetes verb: get, list, watch, create, update, patch, delete. */
  verb: string
  type?: ResourceType
  namespace?: string
  name?: string
  server: string
}

/** The parts of a metav1.Status body that messages use. */
interface StatusBody {
  kind?: string
  message?: string
  reason?: string
  details?: {causes?: {field?: string; message?: string; reason?: string}[]}
}

/**
 * The one mapping from an API failure to a user-facing error (the client's error
 * mapping is the place where errors are built rather than thrown at their site).
 */
export function apiStatusError(status: number, body: unknown, request: RequestDescription): KubelineError {
  const statusBody = asStatus(body)
  const message = statusBody.message ?? defaultMessage(status, request)
  switch (status) {
    case 401:
      return new KubelineError('UNAUTHORIZED', `you must be logged in to the server (Unauthorized): ${message}`, {
        fix: 'Your credentials were rejected: refresh them (log in again, or check the token of the kubeconfig user).',
      })
    case 403:
      return new KubelineError('FORBIDDEN', message, {fix: canIHint(request)})
    case 404:
      return new KubelineError('NOT_FOUND', notFoundMessage(message, request), {fix: notFoundFix(request)})
    case 409:
      return new KubelineError('CONFLICT', message, {
        fix: 'The object changed or already exists; read it again and retry.',
      })
    case 410:
      return new KubelineError('GONE', message)
    case 422:
      return new KubelineError('INVALID_OBJECT', withCauses(message, statusBody), {
        fix: 'The API server rejected the object; fix the fields named above.',
      })
    case 429:
      return new KubelineError('SERVER_ERROR', `the server is throttling requests (TooManyRequests): ${message}`, {
        fix: 'Retry later, or raise --request-timeout.',
      })
    case 504:
      return new KubelineError('TIMEOUT', `the server timed out (${statusBody.reason ?? 'Timeout'}): ${message}`)
    default:
      return new KubelineError(status >= 500 ? 'SERVER_ERROR' : 'API_ERROR', `the server answered ${status} (${statusBody.reason ?? 'Unknown'}): ${message}`)
  }
}

const TLS_CODES = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS|HOSTNAME/

/** Transport failures: unreachable server, TLS problems, timeouts. */
export function transportError(err: Error & {code?: string}, request: RequestDescription, timeoutMs?: number): KubelineError {
  const code = err.code ?? ''
  if (err.name === 'TimeoutError' || code === 'KUBELINE_TIMEOUT') {
    return new KubelineError('TIMEOUT', `the server at ${request.server} did not answer ${describe(request)} within ${formatMs(timeoutMs)}`, {
      fix: 'The API server may be overloaded or unreachable; raise --request-timeout or check the network.',
    })
  }
  if (TLS_CODES.test(code)) {
    return new KubelineError('TLS', `TLS verification failed for ${request.server}: ${err.message}`, {
      fix: 'Check certificate-authority(-data) of the cluster in your kubeconfig. --insecure-skip-tls-verify turns verification off (unsafe).',
      cause: err,
    })
  }
  const reason: Record<string, string> = {
    ECONNREFUSED: 'connection refused',
    ENOTFOUND: 'host not found',
    EAI_AGAIN: 'name resolution failed',
    ECONNRESET: 'connection reset by the server',
    EHOSTUNREACH: 'host unreachable',
    ENETUNREACH: 'network unreachable',
    ETIMEDOUT: 'connection timed out',
  }
  return new KubelineError('UNREACHABLE', `unable to connect to the server at ${request.server}: ${reason[code] ?? err.message}`, {
    fix: 'Check that the cluster is running and that --context/--kubeconfig point at it.',
    cause: err,
  })
}

function asStatus(body: unknown): StatusBody {
  if (body !== null && typeof body === 'object' && !Array.isArray(body)) return body as StatusBody
  if (typeof body === 'string' && body.trim() !== '') return {message: body.trim().slice(0, 500)}
  return {}
}

function defaultMessage(status: number, request: RequestDescription): string {
  return `${describe(request)} failed with HTTP ${status}`
}

function describe(request: RequestDescription): string {
  const what = request.type ? qualifiedResource(request.type) : 'the API'
  const name = request.name ? ` "${request.name}"` : ''
  const where = request.namespace && request.type?.namespaced ? ` in namespace "${request.namespace}"` : ''
  return `${request.verb} ${what}${name}${where}`
}

function notFoundMessage(message: string, request: RequestDescription): string {
  if (request.namespace && request.type?.namespaced && request.name && !message.includes('namespace')) {
    return `${message} in namespace "${request.namespace}"`
  }
  return message
}

function notFoundFix(request: RequestDescription): string {
  if (request.type?.namespaced && request.name) return `Check the name, or pass -n <namespace> (looked in "${request.namespace}").`
  if (request.type && !request.name) return `The server does not serve ${qualifiedResource(request.type)}; is the API (or CRD) installed?`
  return 'Check the name.'
}

function canIHint(request: RequestDescription): string {
  if (!request.type) return 'Ask a cluster administrator for access.'
  const ns = request.type.namespaced ? (request.namespace ? ` -n ${request.namespace}` : ' --all-namespaces') : ''
  return `You need "${request.verb}" on ${qualifiedResource(request.type)}${ns}. Check with: kubectl auth can-i ${request.verb} ${qualifiedResource(request.type)}${ns}`
}

function withCauses(message: string, status: StatusBody): string {
  const causes = status.details?.causes ?? []
  if (causes.length === 0 || causes.every((cause) => cause.message && message.includes(cause.message))) return message
  const lines = causes.map((cause) => `  - ${cause.field ? `${cause.field}: ` : ''}${cause.message ?? cause.reason ?? 'invalid'}`)
  return `${message}\n${lines.join('\n')}`
}

function formatMs(ms: number | undefined): string {
  if (ms === undefined) return 'the time allowed'
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`
}

export type {ErrorCode}
