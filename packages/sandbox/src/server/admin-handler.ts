import type {IncomingMessage, ServerResponse} from 'node:http'
import {UsageError} from '@kubeline/core'
import type {FaultRule} from '../faults/fault-plan.js'
import type {RequestLog} from '../requests/request-log.js'
import {badRequest, pathNotFound} from '../store/api-error.js'
import type {ApiContext} from './api-context.js'
import {readObjectBody} from './read-body.js'
import {sendJson} from './status.js'

interface LogAppend {
  namespace: string
  pod: string
  container: string
  lines?: string[]
  finish?: boolean
}

/**
 * The admin-only /_sandbox endpoints, for tests and benchmarks in other processes:
 * - GET /_sandbox/faults, POST /_sandbox/faults (a FaultRule; answers the active fault with its id),
 *   DELETE /_sandbox/faults (all) and DELETE /_sandbox/faults/<id>
 * - GET /_sandbox/requests ({total, counts, entries}), DELETE /_sandbox/requests
 * - POST /_sandbox/logs ({namespace, pod, container, lines, finish}) appends pod log lines
 * - POST /_sandbox/compact forgets the watch history (old watches and continue tokens get 410)
 * - GET /_sandbox/network (the NetworkSimulation in force, or {} for allow-all), PUT /_sandbox/network
 *   (body: a NetworkSimulation document, JSON or YAML; 400 naming the bad field; failFirst counts restart),
 *   DELETE /_sandbox/network (back to allow-all)
 */
export async function handleAdmin(context: ApiContext, requests: RequestLog, req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
  const method = req.method ?? 'GET'
  const route = `${method} ${path.replace(/^\/_sandbox\/faults\/.+$/, '/_sandbox/faults/ID')}`
  switch (route) {
    case 'GET /_sandbox/faults':
      return sendJson(res, 200, {faults: context.faults.list()})
    case 'POST /_sandbox/faults':
      return sendJson(res, 201, context.faults.add(faultRule(await readObjectBody(req))))
    case 'DELETE /_sandbox/faults':
      context.faults.clear()
      return sendJson(res, 200, {faults: []})
    case 'DELETE /_sandbox/faults/ID':
      if (!context.faults.remove(path.slice('/_sandbox/faults/'.length))) throw pathNotFound()
      return sendJson(res, 200, {faults: context.faults.list()})
    case 'GET /_sandbox/requests':
      return sendJson(res, 200, {total: requests.count(), counts: requests.counts(), entries: requests.entries()})
    case 'DELETE /_sandbox/requests':
      requests.clear()
      return sendJson(res, 200, {total: 0})
    case 'POST /_sandbox/logs': {
      const {namespace, pod, container, lines = [], finish} = (await readObjectBody(req)) as LogAppend
      for (const line of lines) context.podLogs.append(namespace, pod, container, line)
      if (finish) context.podLogs.close(namespace, pod, container)
      return sendJson(res, 200, {appended: lines.length})
    }
    case 'GET /_sandbox/network':
      return sendJson(res, 200, context.network.current() ?? {})
    case 'PUT /_sandbox/network':
      replaceNetwork(context, await readObjectBody(req))
      return sendJson(res, 200, context.network.current())
    case 'DELETE /_sandbox/network':
      context.network.replace(undefined)
      return sendJson(res, 200, {})
    case 'POST /_sandbox/compact':
      context.store.compact()
      return sendJson(res, 200, {compactedThrough: context.store.resourceVersion})
    default:
      throw pathNotFound()
  }
}

function replaceNetwork(context: ApiContext, document: unknown): void {
  try {
    context.network.replace(document ?? null)
  } catch (error) {
    if (error instanceof UsageError) throw badRequest(error.message)
    throw error
  }
}

function faultRule(body: unknown): FaultRule {
  const rule = body as Partial<FaultRule> | undefined
  if (!rule || typeof rule.effect !== 'object' || rule.effect === null || typeof rule.effect.kind !== 'string') {
    throw badRequest('a fault needs an effect, e.g. {"match": {"verb": "list", "resource": "pods"}, "effect": {"kind": "error", "status": 503}, "times": 2}')
  }
  return rule as FaultRule
}
