import type {ServerResponse} from 'node:http'
import {ApiError} from '../store/api-error.js'

/** A metav1.Status body for a failure, as kube-apiserver sends it. */
export function statusBody(error: ApiError): Record<string, unknown> {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: error.message,
    reason: error.reason,
    ...(error.details ? {details: error.details} : {}),
    code: error.code,
  }
}

/** Any thrown value as an ApiError: unexpected ones become 500 InternalError. */
export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error
  const message = error instanceof Error ? error.message : String(error)
  return new ApiError(500, 'InternalError', `Internal error occurred: ${message}`)
}

export function sendJson(res: ServerResponse, code: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body)
  res.writeHead(code, {'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), ...headers})
  res.end(text)
}

export function sendError(res: ServerResponse, error: unknown, headers: Record<string, string> = {}): void {
  const apiError = asApiError(error)
  const retryAfter = apiError.details?.retryAfterSeconds
  sendJson(res, apiError.code, statusBody(apiError), retryAfter === undefined ? headers : {...headers, 'Retry-After': String(retryAfter)})
}

/** The Status a successful deletecollection (or a delete without an object to return) answers with. */
export function successStatus(details?: Record<string, unknown>): Record<string, unknown> {
  return {kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', ...(details ? {details} : {})}
}
