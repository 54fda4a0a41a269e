import type {IncomingMessage, ServerResponse} from 'node:http'
import {isAllowed} from '../auth/authorize.js'
import {badRequest} from '../store/api-error.js'
import type {ApiTarget} from './api-context.js'
import {readObjectBody} from './read-body.js'
import type {Verb} from './request-info.js'
import {sendJson} from './status.js'

interface ResourceAttributes {
  namespace?: string
  verb?: string
  group?: string
  resource?: string
  subresource?: string
  name?: string
}

/** POST selfsubjectaccessreviews: whether the caller's rules allow the described request (what `kubectl auth can-i` asks). */
export async function handleSelfSubjectAccessReview(target: ApiTarget, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const review = (await readObjectBody(req)) as {spec?: {resourceAttributes?: ResourceAttributes}} | undefined
  const attributes = review?.spec?.resourceAttributes
  if (!attributes?.verb || !attributes.resource) throw badRequest('spec.resourceAttributes needs a verb and a resource')
  const allowed = isAllowed(target.user, {
    kind: 'resource',
    verb: attributes.verb as Verb,
    group: attributes.group ?? '',
    version: '',
    namespace: attributes.namespace || undefined,
    resource: attributes.resource,
    name: attributes.name || undefined,
    subresource: attributes.subresource || undefined,
  })
  sendJson(res, 201, {
    kind: 'SelfSubjectAccessReview',
    apiVersion: 'authorization.k8s.io/v1',
    metadata: {},
    spec: review?.spec,
    status: {allowed, ...(allowed ? {} : {reason: 'no sandbox rule allows it'})},
  })
}
