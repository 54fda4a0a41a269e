import {KubelineError} from '../errors/kubeline-error.js'
import type {KubeObject, ObjectList} from './kube-object.js'
import {resourcePath} from './resource-types.js'
import type {ResourceType} from './resource-types.js'
import type {HttpRequest, KubeTransport} from './transport.js'
import {parseBody} from './transport.js'
import {watchObjects} from './watch-stream.js'
import {EXEC_PROTOCOLS, collectExec, execTimeout} from './pod-exec.js'
import type {ExecResult} from './pod-exec.js'
import type {WatchEvent, WatchOptions} from './watch-stream.js'

export interface ListOptions {
  /** Omit for the client's namespace; `null` for all namespaces. */
  namespace?: string | null
  labelSelector?: string
  fieldSelector?: string
  /** Page size (kubectl's --chunk-size); 0 disables paging. */
  limit?: number
  signal?: AbortSignal
}

export interface ListPage<T extends KubeObject> {
  items: T[]
  resourceVersion: string
  /** True on the first page after the server expired our continue token and the list restarted. */
  restarted: boolean
}

export type PatchType = 'merge' | 'json' | 'strategic'

const PATCH_CONTENT_TYPES: Record<PatchType, string> = {
  merge: 'application/merge-patch+json',
  json: 'application/json-patch+json',
  strategic: 'application/strategic-merge-patch+json',
}

export interface WriteOptions {
  namespace?: string
  dryRun?: boolean
  fieldManager?: string
}

const DEFAULT_PAGE_SIZE = 500

/** How RBAC and error messages name an exec: `create` on `pods/exec`. */
const POD_EXEC: ResourceType = {group: '', version: 'v1', resource: 'pods/exec', kind: 'Pod', namespaced: true}

/**
 * The narrow client the plugins use: typed by ResourceType, namespace-defaulting,
 * paginating and watching as kubectl does. Built by `connect()`.
 */
export class KubeClient {
  constructor(
    private readonly transport: KubeTransport,
    /** The namespace of -n / the context / "default". */
    readonly namespace: string,
    readonly contextName: string,
    /** True when -n was given explicitly. */
    readonly namespaceExplicit = false,
  ) {}

  get server(): string {
    return this.transport.server
  }

  async get<T extends KubeObject = KubeObject>(type: ResourceType, name: string, options: {namespace?: string} = {}): Promise<T> {
    const namespace = this.scope(type, options.namespace)
    return await this.json<T>({
      method: 'GET',
      path: resourcePath(type, {namespace, name}),
      description: {verb: 'get', type, namespace, name},
    })
  }

  /** Like get, but undefined when the object does not exist. */
  async find<T extends KubeObject = KubeObject>(type: ResourceType, name: string, options: {namespace?: string} = {}): Promise<T | undefined> {
    try {
      return await this.get<T>(type, name, options)
    } catch (err) {
      if (err instanceof KubelineError && err.code === 'NOT_FOUND') return undefined
      throw err
    }
  }

  /** Every object, all pages collected. Restarts from scratch if the continue token expires. */
  async list<T extends KubeObject = KubeObject>(type: ResourceType, options: ListOptions = {}): Promise<ObjectList<T>> {
    let items: T[] = []
    let resourceVersion = ''
    for await (const page of this.listPages<T>(type, options)) {
      if (page.restarted) items = []
      items = items.concat(page.items)
      resourceVersion = page.resourceVersion
    }
    return {items, resourceVersion}
  }

  /**
   * Pages as they arrive, so callers can fold them without holding the whole list twice.
   * On 410 Gone (expired continue token) the list restarts and the next page says so.
   */
  async *listPages<T extends KubeObject = KubeObject>(type: ResourceType, options: ListOptions = {}): AsyncGenerator<ListPage<T>> {
    const namespace = options.namespace === null ? undefined : this.scope(type, options.namespace)
    const limit = options.limit ?? DEFAULT_PAGE_SIZE
    let continueToken: string | undefined
    let restarted = false
    for (;;) {
      let body: {items?: T[]; metadata?: {continue?: string; resourceVersion?: string}}
      try {
        body = await this.json({
          method: 'GET',
          path: resourcePath(type, {namespace}),
          query: {
            labelSelector: options.labelSelector || undefined,
            fieldSelector: options.fieldSelector || undefined,
            limit: limit > 0 ? limit : undefined,
            continue: continueToken,
          },
          signal: options.signal,
          description: {verb: 'list', type, namespace},
        })
      } catch (err) {
        if (err instanceof KubelineError && err.code === 'GONE' && continueToken !== undefined) {
          continueToken = undefined
          restarted = true
          continue
        }
        throw err
      }
      continueToken = body.metadata?.continue || undefined
      yield {items: withKind(body.items ?? [], type), resourceVersion: body.metadata?.resourceVersion ?? '', restarted}
      restarted = false
      if (continueToken === undefined) return
    }
  }

  async create<T extends KubeObject>(type: ResourceType, object: T, options: WriteOptions = {}): Promise<T> {
    const namespace = this.scope(type, options.namespace ?? object.metadata.namespace)
    return await this.json<T>({
      method: 'POST',
      path: resourcePath(type, {namespace}),
      query: writeQuery(options),
      body: object,
      description: {verb: 'create', type, namespace, name: object.metadata.name},
    })
  }

  /** PUT with the object's resourceVersion: a 409 CONFLICT means someone else changed it. */
  async update<T extends KubeObject>(type: ResourceType, object: T, options: WriteOptions & {subresource?: string} = {}): Promise<T> {
    const namespace = this.scope(type, options.namespace ?? object.metadata.namespace)
    const name = object.metadata.name as string
    return await this.json<T>({
      method: 'PUT',
      path: resourcePath(type, {namespace, name, subresource: options.subresource}),
      query: writeQuery(options),
      body: object,
      description: {verb: 'update', type, namespace, name},
    })
  }

  async patch<T extends KubeObject = KubeObject>(
    type: ResourceType,
    name: string,
    patch: unknown,
    options: WriteOptions & {patchType?: PatchType; subresource?: string} = {},
  ): Promise<T> {
    const namespace = this.scope(type, options.namespace)
    return await this.json<T>({
      method: 'PATCH',
      path: resourcePath(type, {namespace, name, subresource: options.subresource}),
      query: writeQuery(options),
      body: patch,
      contentType: PATCH_CONTENT_TYPES[options.patchType ?? 'merge'],
      description: {verb: 'patch', type, namespace, name},
    })
  }

  async delete(
    type: ResourceType,
    name: string,
    options: WriteOptions & {propagationPolicy?: 'Background' | 'Foreground' | 'Orphan'} = {},
  ): Promise<void> {
    const namespace = this.scope(type, options.namespace)
    await this.transport.request({
      method: 'DELETE',
      path: resourcePath(type, {namespace, name}),
      query: writeQuery(options),
      body: {kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: options.propagationPolicy ?? 'Background'},
      description: {verb: 'delete', type, namespace, name},
    })
  }

  /** A watch that resumes after dropped streams and re-lists on 410 Gone (see watch-stream.ts). */
  watch<T extends KubeObject = KubeObject>(type: ResourceType, options: WatchOptions = {}): AsyncGenerator<WatchEvent<T>> {
    const namespace = options.namespace === null ? undefined : this.scope(type, options.namespace)
    return watchObjects<T>(this, this.transport, type, {...options, namespace})
  }

  /** GET of an arbitrary path (discovery, /version), parsed as JSON. */
  async raw<T>(path: string, verb = 'get'): Promise<T> {
    return await this.json<T>({method: 'GET', path, description: {verb}})
  }

  /** Lines of a container's log; with follow, until the container ends or the signal aborts. */
  async *logs(
    pod: string,
    options: {namespace?: string; container?: string; follow?: boolean; signal?: AbortSignal; sinceTime?: string} = {},
  ): AsyncGenerator<string> {
    const namespace = options.namespace ?? this.namespace
    const {stream} = await this.transport.stream({
      method: 'GET',
      path: `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(pod)}/log`,
      query: {container: options.container, follow: options.follow || undefined, sinceTime: options.sinceTime},
      accept: '*/*',
      signal: options.signal,
      description: {verb: 'get', type: {group: '', version: 'v1', resource: 'pods/log', kind: 'Pod', namespaced: true}, namespace, name: pod},
    })
    yield* splitLines(stream)
  }

  /**
   * Runs a command in a pod's container, as `kubectl exec` (WebSocket, no stdin, no TTY), and returns
   * its output and exit code. Needs `create` on pods/exec. Not retried: the command may have run.
   */
  async exec(pod: string, options: {namespace?: string; container?: string; command: readonly string[]; signal?: AbortSignal}): Promise<ExecResult> {
    const namespace = options.namespace ?? this.namespace
    const query: [string, string][] = [...options.command.map((part): [string, string] => ['command', part]), ['stdout', 'true'], ['stderr', 'true']]
    if (options.container !== undefined) query.push(['container', options.container])
    const path = `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(pod)}/exec`
    const description = {verb: 'create', type: POD_EXEC, namespace, name: pod}
    const what = `exec in pod ${namespace}/${pod}`
    if (options.signal?.aborted) throw execTimeout(what)
    const socket = await this.transport.upgrade(path, query, EXEC_PROTOCOLS, description)
    return await collectExec(socket, what, options.signal)
  }

  private scope(type: ResourceType, namespace: string | undefined): string | undefined {
    return type.namespaced ? (namespace ?? this.namespace) : undefined
  }

  private async json<T>(req: HttpRequest): Promise<T> {
    const response = await this.transport.request(req)
    const body = parseBody(response.body)
    if (typeof body !== 'object' || body === null) {
      throw new KubelineError('API_ERROR', `the server at ${this.server} answered ${req.method} ${req.path} with something that is not JSON`)
    }
    return body as T
  }
}

/** List items come without apiVersion/kind; put them back so objects are self-describing. */
function withKind<T extends KubeObject>(items: T[], type: ResourceType): T[] {
  const apiVersion = type.group === '' ? type.version : `${type.group}/${type.version}`
  for (const item of items) {
    item.apiVersion ??= apiVersion
    item.kind ??= type.kind
  }
  return items
}

function writeQuery(options: WriteOptions): Record<string, string | undefined> {
  return {dryRun: options.dryRun ? 'All' : undefined, fieldManager: options.fieldManager ?? 'kubeline'}
}

export async function* splitLines(stream: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder()
  let pending = ''
  for await (const chunk of stream) {
    pending += typeof chunk === 'string' ? chunk : decoder.decode(chunk, {stream: true})
    let newline = pending.indexOf('\n')
    while (newline >= 0) {
      yield pending.slice(0, newline)
      pending = pending.slice(newline + 1)
      newline = pending.indexOf('\n')
    }
  }
  pending += decoder.decode()
  if (pending !== '') yield pending
}
