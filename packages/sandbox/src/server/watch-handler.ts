import type {IncomingMessage, ServerResponse} from 'node:http'
import {ApiError, badRequest} from '../store/api-error.js'
import type {VersionedEvent} from '../store/event-history.js'
import type {KubeObject} from '../store/object-store.js'
import {apiVersionOf} from '../resources/resource-type.js'
import type {ApiContext, ApiTarget} from './api-context.js'
import {objectFilter} from './object-filter.js'
import type {ObjectFilter} from './object-filter.js'
import {isTrue} from './request-info.js'
import {statusBody} from './status.js'
import {toTable, wantsTable} from './table.js'

type EventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR'

/** A fault a test can inject: end the stream after this many object events, abruptly or not. */
export interface WatchOptions {
  afterEvents?: number
  abrupt?: boolean
}

/**
 * A watch stream (one JSON event per line). Without a resourceVersion (or "0") it starts with
 * an ADDED event per existing object; with one it replays the retained changes after it, or
 * sends a 410 ERROR event when the history no longer reaches back that far.
 */
export async function handleWatch(context: ApiContext, target: ApiTarget, req: IncomingMessage, res: ServerResponse, options: WatchOptions = {}): Promise<void> {
  const params = target.url.searchParams
  const filter = objectFilter(params)
  const since = parseResourceVersion(params.get('resourceVersion'))
  const encode = eventEncoder(context, target, wantsTable(req.headers.accept))
  res.writeHead(200, {'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked', 'Cache-Control': 'no-cache'})
  res.flushHeaders()
  if (since !== undefined && !context.store.covers(since)) {
    const tooOld = new ApiError(410, 'Expired', `too old resource version: ${since} (${context.store.resourceVersion})`)
    res.end(JSON.stringify({type: 'ERROR', object: statusBody(tooOld)}) + '\n')
    return
  }
  // Abrupt: the socket ends after the events already written, without the response's final chunk.
  const close = () => (options.abrupt ? res.socket?.end() : res.end())
  // Timers and store events can fire between end() and 'close': never write after the end.
  const write = (text: string) => {
    if (!res.writableEnded && !res.destroyed) res.write(text)
  }
  const stream = new WatchStream(target, filter, (type, object) => write(encode(type, object)), close, options.afterEvents)
  if (since === undefined) {
    for (const object of context.store.scan(target.key, target.namespace)) stream.offer({type: 'ADDED', object})
  } else {
    for (const change of context.store.changesSince(since)) stream.offerChange(change)
  }
  const unsubscribe = context.store.onChange((change) => stream.offerChange(change))
  const timers = [
    ...(isTrue(params.get('allowWatchBookmarks'))
      ? [setInterval(() => write(encode('BOOKMARK', bookmarkObject(target, context.store.resourceVersion))), context.bookmarkIntervalMs)]
      : []),
  ]
  const timeoutSeconds = Number(params.get('timeoutSeconds') ?? '0')
  const timeout = timeoutSeconds > 0 ? setTimeout(() => res.end(), timeoutSeconds * 1000) : undefined
  await new Promise<void>((resolve) => {
    const finish = () => {
      unsubscribe()
      timers.forEach(clearInterval)
      clearTimeout(timeout)
      resolve()
    }
    res.once('close', finish)
    if (res.writableEnded) finish()
  })
}

class WatchStream {
  private readonly known = new Set<string>()
  private sent = 0

  constructor(
    private readonly target: ApiTarget,
    private readonly filter: ObjectFilter,
    private readonly send: (type: EventType, object: KubeObject) => void,
    private readonly close: () => void,
    private readonly closeAfterEvents: number | undefined,
  ) {}

  offerChange({event}: VersionedEvent): void {
    const {key, object} = event
    if (key.group !== this.target.key.group || key.resource !== this.target.key.resource) return
    if (this.target.namespace !== undefined && object.metadata.namespace !== this.target.namespace) return
    this.offer(event)
  }

  /** Objects that stop matching the selectors are reported DELETED, as a filtered watch does. */
  offer({type, object}: {type: 'ADDED' | 'MODIFIED' | 'DELETED'; object: KubeObject}): void {
    if (this.closeAfterEvents !== undefined && this.sent >= this.closeAfterEvents) return
    const id = `${object.metadata.namespace ?? ''}/${object.metadata.name}`
    if (this.filter.matches(object)) {
      if (type === 'DELETED') this.known.delete(id)
      else this.known.add(id)
      this.emit(type, object)
    } else if (this.known.delete(id)) {
      this.emit('DELETED', object)
    }
  }

  private emit(type: EventType, object: KubeObject): void {
    this.send(type, object)
    this.sent++
    if (this.closeAfterEvents !== undefined && this.sent >= this.closeAfterEvents) this.close()
  }
}

function eventEncoder(context: ApiContext, target: ApiTarget, asTable: boolean): (type: EventType, object: KubeObject) => string {
  const includeObject = target.url.searchParams.get('includeObject')
  return (type, object) => {
    const payload = asTable && type !== 'BOOKMARK' ? toTable(target.type.resource, [object], {now: context.now(), includeObject}) : object
    return JSON.stringify({type, object: payload}) + '\n'
  }
}

function bookmarkObject(target: ApiTarget, resourceVersion: number): KubeObject {
  return {kind: target.type.kind, apiVersion: apiVersionOf(target.type), metadata: {resourceVersion: String(resourceVersion)}}
}

/** undefined means "start with the current state" (no resourceVersion, or "0"). */
function parseResourceVersion(text: string | null): number | undefined {
  if (text === null || text === '' || text === '0') return undefined
  const version = Number(text)
  if (!Number.isInteger(version) || version < 0) throw badRequest(`invalid resource version: ${text}`)
  return version
}
