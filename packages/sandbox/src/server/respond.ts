import type {IncomingMessage, ServerResponse} from 'node:http'
import type {KubeObject} from '../store/object-store.js'
import type {ApiContext, ApiTarget} from './api-context.js'
import {sendJson} from './status.js'
import {toTable, wantsTable} from './table.js'

/** Sends one object, as a one-row Table when the client asked for one (kubectl get NAME). */
export function respondObject(context: ApiContext, target: ApiTarget, req: IncomingMessage, res: ServerResponse, code: number, object: unknown): void {
  if (target.info.subresource === undefined && wantsTable(req.headers.accept)) {
    const table = toTable(target.type.resource, [object as KubeObject], {now: context.now(), includeObject: target.url.searchParams.get('includeObject')})
    sendJson(res, code, table)
    return
  }
  sendJson(res, code, object)
}
