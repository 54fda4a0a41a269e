import type {IncomingMessage, ServerResponse} from 'node:http'
import {authenticate, authorize} from '../auth/authorize.js'
import type {SandboxUser} from '../auth/sandbox-user.js'
import type {RequestLog} from '../requests/request-log.js'
import {ApiError, badRequest, methodNotAllowed, pathNotFound} from '../store/api-error.js'
import {handleAdmin} from './admin-handler.js'
import type {ApiContext, ApiTarget, Handler} from './api-context.js'
import {applyFaults, loseResponse} from './apply-faults.js'
import {handleDelete, handleDeleteCollection} from './delete-handlers.js'
import {requireDiscoveryDocument} from './discovery.js'
import {handleList} from './list-handler.js'
import {handleLog} from './log-handler.js'
import {handleCreate, handleGet, handlePatch, handleUpdate} from './object-handlers.js'
import {openApiDocument} from './openapi.js'
import {parseRequestInfo} from './request-info.js'
import type {RequestInfo, ResourceRequest, Verb} from './request-info.js'
import {sendError, sendJson} from './status.js'
import {handleSelfSubjectAccessReview} from './access-review-handler.js'
import {handleWatch} from './watch-handler.js'

export interface RouterOptions {
  context: ApiContext
  users: readonly SandboxUser[]
  requests: RequestLog
  serverAddress: () => string
}

/** Handles one HTTP request: authentication, faults, the request log, then the API. */
export function createRouter({context, users, requests, serverAddress}: RouterOptions) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'https://sandbox')
    const info = parseRequestInfo(req.method ?? 'GET', url)
    try {
      const user = authenticate(users, req.headers.authorization)
      if (url.pathname.startsWith('/_sandbox/')) {
        if (!user.admin) throw new ApiError(403, 'Forbidden', `User "${user.name}" cannot use the sandbox admin endpoints`)
        return await handleAdmin(context, requests, req, res, url.pathname)
      }
      recordRequest(requests, req, res, info, url.pathname, user.name)
      const outcome = await applyFaults(context.faults.take(faultSubject(info, url.pathname)), info, req)
      if (outcome.handled) return
      if (outcome.loseResponse) loseResponse(req, res)
      if (info.kind === 'nonResource') return serveNonResource(context, url.pathname, res, serverAddress())
      authorize(user, info)
      const target = resolveTarget(context, info, url, user)
      if (info.verb === 'watch') return await handleWatch(context, target, req, res, outcome.closeWatch)
      await dispatch(context, target, req, res)
    } catch (error) {
      if (error instanceof ApiError && error.code === 401) recordRequest(requests, req, res, info, url.pathname, undefined)
      if (!res.headersSent) sendError(res, error)
      else res.destroy()
    }
  }
}

/**
 * Logs an API request (not the admin endpoints) on arrival, so open watches count; its status
 * is filled in when the answer goes out.
 */
function recordRequest(requests: RequestLog, req: IncomingMessage, res: ServerResponse, info: RequestInfo, path: string, user: string | undefined): void {
  const entry = requests.record({method: req.method ?? 'GET', path, ...logFields(info), user, status: 0})
  const complete = () => (entry.status = res.statusCode)
  res.once('finish', complete)
  res.once('close', complete)
}

const HANDLERS: Partial<Record<Verb, Handler>> = {
  get: handleGet,
  list: handleList,
  create: handleCreate,
  update: handleUpdate,
  patch: handlePatch,
  delete: handleDelete,
  deletecollection: handleDeleteCollection,
}

function dispatch(context: ApiContext, target: ApiTarget, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const {verb, subresource} = target.info
  if (subresource === 'log' && verb === 'get') return handleLog(context, target, req, res)
  // Exec streams only over an upgraded connection (exec-upgrade.ts); kube-apiserver's proxy answers plain requests so.
  if (subresource === 'exec') throw badRequest('Upgrade request required')
  if (target.type.resource === 'selfsubjectaccessreviews' && verb === 'create') return handleSelfSubjectAccessReview(target, req, res)
  const handler = HANDLERS[verb]
  if (!handler) throw methodNotAllowed()
  return handler(context, target, req, res)
}

function resolveTarget(context: ApiContext, info: ResourceRequest, url: URL, user: SandboxUser): ApiTarget {
  const type = context.registry.lookup(info.group, info.version, info.resource)
  if (!type) throw pathNotFound()
  const subresourceServed = info.subresource === undefined || (type.subresources as string[]).includes(info.subresource)
  const subresourceVerbOk = info.subresource === undefined || subresourceVerbs(info.subresource).includes(info.verb)
  if (!subresourceServed || !subresourceVerbOk) throw pathNotFound()
  if (info.subresource === undefined && !type.verbs.includes(info.verb)) {
    throw methodNotAllowed()
  }
  if (type.namespaced && info.namespace === undefined && !['list', 'watch'].includes(info.verb)) throw pathNotFound()
  return {info, type, key: {group: type.group, resource: type.resource}, namespace: type.namespaced ? info.namespace : undefined, url, user}
}

function subresourceVerbs(subresource: string): string[] {
  if (subresource === 'log') return ['get']
  if (subresource === 'exec') return ['get', 'create']
  return ['get', 'update', 'patch']
}

function serveNonResource(context: ApiContext, path: string, res: ServerResponse, serverAddress: string): void {
  if (path === '/healthz' || path === '/readyz' || path === '/livez') {
    res.writeHead(200, {'Content-Type': 'text/plain'})
    res.end('ok')
    return
  }
  if (path.startsWith('/openapi/v3')) {
    const document = openApiDocument(context.registry, path)
    if (document === undefined) throw pathNotFound()
    return sendJson(res, 200, document)
  }
  sendJson(res, 200, requireDiscoveryDocument(context.registry, path, serverAddress))
}

function faultSubject(info: RequestInfo, path: string) {
  if (info.kind === 'nonResource') return {verb: info.verb, path}
  return {...logFields(info), verb: info.verb, path}
}

function logFields(info: RequestInfo) {
  if (info.kind === 'nonResource') return {verb: info.verb}
  return {verb: info.verb, resource: info.resource, subresource: info.subresource, namespace: info.namespace, name: info.name}
}
