import type {IncomingMessage, ServerResponse} from 'node:http'
import {badRequest} from '../store/api-error.js'
import type {KubeObject} from '../store/object-store.js'
import {apiVersionOf} from '../resources/resource-type.js'
import type {ApiContext, ApiTarget} from './api-context.js'
import {decodeContinue, encodeContinue} from './continue-token.js'
import {objectFilter} from './object-filter.js'
import {sendJson} from './status.js'
import {toTable, wantsTable} from './table.js'

interface Page {
  items: KubeObject[]
  metadata: {resourceVersion: string; continue?: string}
}

/**
 * One page of a list, in namespace/name order. With `limit`, a full page carries a continue
 * token that resumes after its last item; the list's resourceVersion stays the first page's.
 */
export function listPage(context: ApiContext, target: ApiTarget): Page {
  const params = target.url.searchParams
  const filter = objectFilter(params)
  const limit = parseLimit(params.get('limit'))
  const token = params.get('continue') ? decodeContinue(params.get('continue')!, context.store) : undefined
  const resourceVersion = token?.resourceVersion ?? context.store.resourceVersion
  const items: KubeObject[] = []
  let more = false
  for (const object of context.store.scan(target.key, target.namespace, token?.after)) {
    if (!filter.matches(object)) continue
    if (items.length === limit) {
      more = true
      break
    }
    items.push(object)
  }
  const metadata: Page['metadata'] = {resourceVersion: String(resourceVersion)}
  if (more) {
    const last = items[items.length - 1]!
    metadata.continue = encodeContinue({resourceVersion, after: {namespace: last.metadata.namespace ?? '', name: last.metadata.name!}})
  }
  return {items, metadata}
}

export async function handleList(context: ApiContext, target: ApiTarget, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const page = listPage(context, target)
  if (wantsTable(req.headers.accept)) {
    sendJson(res, 200, toTable(target.type.resource, page.items, {now: context.now(), includeObject: target.url.searchParams.get('includeObject'), listMetadata: page.metadata}))
    return
  }
  sendJson(res, 200, {kind: `${target.type.kind}List`, apiVersion: apiVersionOf(target.type), metadata: page.metadata, items: page.items})
}

function parseLimit(text: string | null): number {
  if (text === null || text === '' || text === '0') return Number.POSITIVE_INFINITY
  const limit = Number(text)
  if (!Number.isInteger(limit) || limit < 0) throw badRequest(`invalid limit "${text}"`)
  return limit
}
