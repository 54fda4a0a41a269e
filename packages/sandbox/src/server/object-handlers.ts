import {notFound} from '../store/api-error.js'
import type {KubeObject} from '../store/object-store.js'
import {applyPatch} from '../patch/apply-patch.js'
import {admitObject, isDryRun, requireMatchingName, requireNamespace, withCreateDefaults, withIdentityDefaults} from './admission.js'
import type {ApiContext, ApiTarget, Handler} from './api-context.js'
import {mediaType, readBody, readObjectBody} from './read-body.js'
import {respondObject} from './respond.js'
import {subresourceView, writeObject} from './write-object.js'

function existingObject(context: ApiContext, target: ApiTarget): KubeObject {
  const object = context.store.peek(target.key, target.namespace, target.info.name!)
  if (!object) throw notFound(target.type.group, target.type.resource, target.info.name!)
  return object
}

export const handleGet: Handler = async (context, target, req, res) => {
  respondObject(context, target, req, res, 200, subresourceView(target, existingObject(context, target)))
}

export const handleCreate: Handler = async (context, target, req, res) => {
  const object = withCreateDefaults(admitObject(target, await readObjectBody(req)))
  requireNamespace(context, target)
  const created = isDryRun(target.url)
    ? context.store.dryRunCreate(target.key, object, withIdentityDefaults)
    : context.store.create(target.key, object, withIdentityDefaults)
  respondObject(context, target, req, res, 201, created)
}

export const handleUpdate: Handler = async (context, target, req, res) => {
  const body = await readObjectBody(req)
  const existing = existingObject(context, target)
  const next = target.info.subresource === 'scale' ? (body as KubeObject) : admitObject(target, body)
  requireMatchingName(target, next)
  const written = isDryRun(target.url) ? next : writeObject(context, target, existing, next)
  respondObject(context, target, req, res, 200, written)
}

export const handlePatch: Handler = async (context, target, req, res) => {
  const text = await readBody(req)
  const existing = existingObject(context, target)
  const patched = applyPatch(mediaType(req.headers['content-type']), subresourceView(target, existing), text)
  const next = target.info.subresource === 'scale' ? patched : admitObject(target, patched)
  requireMatchingName(target, next)
  const written = isDryRun(target.url) ? next : writeObject(context, target, existing, next)
  respondObject(context, target, req, res, 200, written)
}
