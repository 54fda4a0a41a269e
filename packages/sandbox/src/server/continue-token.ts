import {badRequest, gone} from '../store/api-error.js'
import type {ListPosition, MemoryStore} from '../store/memory-store.js'

interface ContinueToken {
  /** The resourceVersion of the first page: the list is served as of that version. */
  resourceVersion: number
  /** The last object of the previous page. */
  after: ListPosition
}

const EXPIRED_MESSAGE =
  'The provided continue parameter is too old to display a consistent list result. You can start a new list without the ' +
  'continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing ' +
  'with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the ' +
  'time the first chunk was returned and now may show up in the list.'

/** An opaque base64 token, like kube-apiserver's (which wraps an etcd key and revision). */
export function encodeContinue(token: ContinueToken): string {
  return Buffer.from(JSON.stringify({v: 'meta.k8s.io/v1', rv: token.resourceVersion, ns: token.after.namespace, name: token.after.name})).toString('base64url')
}

/** The token's position; 410 Expired once the store's history no longer reaches its resourceVersion. */
export function decodeContinue(text: string, store: MemoryStore): ContinueToken {
  let decoded: {v?: unknown; rv?: unknown; ns?: unknown; name?: unknown}
  try {
    decoded = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as typeof decoded
  } catch {
    throw badRequest('continue key is not valid: illegal base64 data')
  }
  if (decoded.v !== 'meta.k8s.io/v1' || typeof decoded.rv !== 'number' || typeof decoded.ns !== 'string' || typeof decoded.name !== 'string') {
    throw badRequest('continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)')
  }
  if (!store.covers(decoded.rv)) throw gone(EXPIRED_MESSAGE)
  return {resourceVersion: decoded.rv, after: {namespace: decoded.ns, name: decoded.name}}
}
