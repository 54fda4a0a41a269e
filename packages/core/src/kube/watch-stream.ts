import {KubelineError} from '../errors/kubeline-error.js'
import {apiStatusError} from './api-error.js'
import type {KubeClient} from './kube-client.js'
import {splitLines} from './kube-client.js'
import type {KubeObject} from './kube-object.js'
import {resourcePath} from './resource-types.js'
import type {ResourceType} from './resource-types.js'
import type {KubeTransport} from './transport.js'

export interface WatchOptions {
  /** Omit for the client's namespace; `null` for all namespaces. */
  namespace?: string | null
  labelSelector?: string
  fieldSelector?: string
  /** Start after this version; without it the watch first lists and reports every object as ADDED. */
  resourceVersion?: string
  signal?: AbortSignal
  /** Called with a reason each time the stream is re-established (for --debug and tests). */
  onReconnect?: (reason: string) => void
}

export interface WatchEvent<T extends KubeObject = KubeObject> {
  type: 'ADDED' | 'MODIFIED' | 'DELETED'
  object: T
}

const MAX_STREAM_FAILURES = 5

/**
 * Informer-style watch: list, then watch from the list's resourceVersion; when the
 * stream ends or drops, resume from the last version seen; when the server says that
 * version is too old (410 Gone), list again and report the differences as events, so
 * the caller never misses a final state (e.g. a Job that completed while we reconnected).
 */
export async function* watchObjects<T extends KubeObject>(
  client: KubeClient,
  transport: KubeTransport,
  type: ResourceType,
  options: WatchOptions & {namespace?: string},
): AsyncGenerator<WatchEvent<T>> {
  const known = new Map<string, T>()
  const namespace = options.namespace ?? undefined
  let resourceVersion = options.resourceVersion
  try {
    if (resourceVersion === undefined) resourceVersion = yield* relist(client, type, options, known)
  } catch (err) {
    if (options.signal?.aborted) return
    throw err
  }
  let failures = 0
  while (!options.signal?.aborted) {
    let outcome: 'ended' | 'gone'
    try {
      const {stream} = await transport.stream({
        method: 'GET',
        path: resourcePath(type, {namespace}),
        query: {
          watch: 1,
          resourceVersion,
          allowWatchBookmarks: true,
          labelSelector: options.labelSelector || undefined,
          fieldSelector: options.fieldSelector || undefined,
        },
        signal: options.signal,
        description: {verb: 'watch', type, namespace},
      })
      outcome = 'ended'
      for await (const line of splitLines(stream)) {
        if (line.trim() === '') continue
        const event = JSON.parse(line) as {type: string; object: T & {code?: number}}
        failures = 0
        if (event.type === 'BOOKMARK') {
          resourceVersion = event.object.metadata.resourceVersion ?? resourceVersion
          continue
        }
        if (event.type === 'ERROR') {
          if (event.object.code === 410) {
            outcome = 'gone'
            break
          }
          throw apiStatusError(event.object.code ?? 500, event.object, {verb: 'watch', type, namespace, server: client.server})
        }
        resourceVersion = event.object.metadata.resourceVersion ?? resourceVersion
        remember(known, event.type, event.object)
        yield {type: event.type as WatchEvent['type'], object: event.object}
      }
    } catch (err) {
      if (options.signal?.aborted) return
      if (err instanceof KubelineError && err.code === 'GONE') {
        outcome = 'gone'
      } else if (err instanceof KubelineError || ++failures > MAX_STREAM_FAILURES) {
        throw err
      } else {
        options.onReconnect?.(`stream failed: ${(err as Error).message}`)
        await new Promise((resolve) => setTimeout(resolve, 100 * failures))
        continue
      }
    }
    if (outcome === 'gone') {
      options.onReconnect?.('resourceVersion too old (410 Gone): listing again')
      try {
        resourceVersion = yield* relist(client, type, options, known)
      } catch (err) {
        if (options.signal?.aborted) return
        throw err
      }
    } else {
      options.onReconnect?.('stream ended')
    }
  }
}

async function* relist<T extends KubeObject>(
  client: KubeClient,
  type: ResourceType,
  options: WatchOptions,
  known: Map<string, T>,
): AsyncGenerator<WatchEvent<T>, string> {
  const list = await client.list<T>(type, {
    namespace: options.namespace,
    labelSelector: options.labelSelector,
    fieldSelector: options.fieldSelector,
    signal: options.signal,
  })
  const seen = new Set<string>()
  for (const object of list.items) {
    const key = keyOf(object)
    seen.add(key)
    const previous = known.get(key)
    if (previous?.metadata.resourceVersion === object.metadata.resourceVersion) continue
    known.set(key, object)
    yield {type: previous ? 'MODIFIED' : 'ADDED', object}
  }
  for (const [key, object] of known) {
    if (seen.has(key)) continue
    known.delete(key)
    yield {type: 'DELETED', object}
  }
  return list.resourceVersion
}

function remember<T extends KubeObject>(known: Map<string, T>, type: string, object: T): void {
  if (type === 'DELETED') known.delete(keyOf(object))
  else known.set(keyOf(object), object)
}

function keyOf(object: KubeObject): string {
  return `${object.metadata.namespace ?? ''}/${object.metadata.name ?? ''}`
}
