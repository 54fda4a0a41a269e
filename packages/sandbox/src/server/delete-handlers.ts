import type {IncomingMessage, ServerResponse} from 'node:http'
import {badRequest, notFound} from '../store/api-error.js'
import type {DeleteOptions, PropagationPolicy} from '../store/memory-store.js'
import {isDryRun} from './admission.js'
import type {ApiContext, ApiTarget} from './api-context.js'
import {objectFilter} from './object-filter.js'
import {readObjectBody} from './read-body.js'
import {respondObject} from './respond.js'
import {sendJson, successStatus} from './status.js'

const POLICIES = new Set<string>(['Background', 'Foreground', 'Orphan'])

/** DeleteOptions from the body (kubectl sends one) or the query; the query's propagationPolicy wins. */
async function deleteOptions(req: IncomingMessage, url: URL): Promise<DeleteOptions> {
  const body = ((await readObjectBody(req)) ?? {}) as {propagationPolicy?: string; orphanDependents?: boolean; preconditions?: DeleteOptions['preconditions']}
  const policy = url.searchParams.get('propagationPolicy') ?? body.propagationPolicy ?? (body.orphanDependents === true ? 'Orphan' : undefined)
  if (policy !== undefined && !POLICIES.has(policy)) throw badRequest(`unsupported propagationPolicy "${policy}"`)
  return {propagationPolicy: policy as PropagationPolicy | undefined, preconditions: body.preconditions}
}

export async function handleDelete(context: ApiContext, target: ApiTarget, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const options = await deleteOptions(req, target.url)
  const name = target.info.name!
  const existing = context.store.peek(target.key, target.namespace, name)
  if (!existing) throw notFound(target.type.group, target.type.resource, name)
  const deleted = isDryRun(target.url) ? existing : context.store.delete(target.key, target.namespace, name, options)
  respondObject(context, target, req, res, 200, deleted)
}

export async function handleDeleteCollection(context: ApiContext, target: ApiTarget, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const options = await deleteOptions(req, target.url)
  const filter = objectFilter(target.url.searchParams)
  const doomed = [...context.store.scan(target.key, target.namespace)].filter((object) => filter.matches(object))
  if (!isDryRun(target.url)) {
    for (const object of doomed) context.store.delete(target.key, target.namespace, object.metadata.name!, options)
  }
  sendJson(res, 200, successStatus())
}
