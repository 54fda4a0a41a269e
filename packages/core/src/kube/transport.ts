import http from 'node:http'
import https from 'node:https'
import type {IncomingHttpHeaders, IncomingMessage} from 'node:http'
import type {WebSocket} from 'ws'
import {transportError, apiStatusError} from './api-error.js'
import type {RequestDescription} from './api-error.js'
import type {KubeTarget} from './kubeconfig/resolve-target.js'
import {parseRetryAfter, retryDecision} from './retry-policy.js'
import {redactSecrets} from '../output/secret-redaction.js'

export interface TransportOptions {
  /** --request-timeout in ms; 0 or undefined means none (kubectl's default). */
  requestTimeoutMs?: number
  /** Attempts for retryable failures, the first included. */
  maxAttempts?: number
  /** --debug: one line per request on stderr (redacted). */
  debug?: (line: string) => void
  /** For tests: how to wait between retries. */
  sleep?: (ms: number) => Promise<void>
}

export interface HttpRequest {
  method: string
  path: string
  query?: Record<string, string | number | boolean | undefined>
  body?: unknown
  contentType?: string
  accept?: string
  signal?: AbortSignal
  description: Omit<RequestDescription, 'server'>
}

export interface HttpResponse {
  status: number
  headers: IncomingHttpHeaders
  body: Buffer
}

export interface StreamResponse {
  status: number
  headers: IncomingHttpHeaders
  stream: IncomingMessage
}

/** The HTTP options of a kubeconfig user: TLS material, auth headers, agent (see credentials.ts). */
export type PreparedOptions = Omit<https.RequestOptions, 'headers'> & {
  headers?: Record<string, string>
  /**
   * The agent for writes. Reads reuse kept-alive connections; a write must not, because a
   * server closing an idle connection just as a write is sent resets it with no way to know
   * whether the write was applied (and writes are never retried blindly).
   */
  writeAgent?: https.Agent
}

/**
 * HTTPS to one API server with kubectl's behaviour: a per-request timeout, retries of
 * retryable failures (see retry-policy.ts), and API failures mapped to typed errors.
 * Authentication (tokens, client certificates, exec plugins) is delegated to client-node.
 */
export class KubeTransport {
  readonly server: string
  private readonly prepare: () => Promise<PreparedOptions>
  private readonly options: Required<Omit<TransportOptions, 'debug'>> & Pick<TransportOptions, 'debug'>

  constructor(target: KubeTarget, prepare: () => Promise<PreparedOptions>, options: TransportOptions = {}) {
    this.server = target.cluster.server.replace(/\/+$/, '')
    this.prepare = prepare
    this.options = {
      requestTimeoutMs: options.requestTimeoutMs ?? 0,
      maxAttempts: options.maxAttempts ?? 5,
      sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
      debug: options.debug,
    }
  }

  /** A request whose whole body is read; API errors are thrown as KubelineError. */
  async request(req: HttpRequest): Promise<HttpResponse> {
    const response = await this.withRetries(req, async (deadline) => {
      const {status, headers, stream} = await this.send(req, deadline.signal)
      const body = await readAll(stream)
      deadline.cancel()
      return {status, headers, body}
    })
    if (response.status >= 400) throw apiStatusError(response.status, parseBody(response.body), this.describe(req))
    return response
  }

  /** A request whose body is streamed (watch, follow logs); only establishing it is retried and timed. */
  async stream(req: HttpRequest): Promise<StreamResponse> {
    // The timeout covers establishing the stream, not its lifetime: a watch or a log
    // follow lasts as long as the caller's own signal allows.
    const response = await this.withRetries(req, async (deadline) => {
      const opened = await this.send(req, deadline.signal, true)
      deadline.cancel()
      return opened
    })
    if (response.status >= 400) {
      throw apiStatusError(response.status, parseBody(await readAll(response.stream)), this.describe(req))
    }
    return response
  }

  /**
   * A WebSocket to `path` (exec), paused (resume it once listening), with this transport's TLS material and authentication. Not retried:
   * an exec may have run. API refusals (403, 404, 400) are thrown as KubelineError.
   */
  async upgrade(path: string, query: [string, string][], protocols: readonly string[], description: HttpRequest['description']): Promise<WebSocket> {
    const prepared = await this.prepare()
    const url = new URL(this.server.replace(/^http/, 'ws') + path)
    for (const [key, value] of query) url.searchParams.append(key, value)
    const {default: WebSocketClass} = await import('ws')
    const {headers, writeAgent: _writeAgent, agent: _agent, ...tls} = prepared
    const socket = new WebSocketClass(url, [...protocols], {...tls, headers: {...headers, 'User-Agent': 'kubeline/0.1'}, handshakeTimeout: this.options.requestTimeoutMs || undefined})
    const request = {...description, server: this.server}
    return await new Promise<WebSocket>((resolve, reject) => {
      // Paused until the caller listens: the first frames may follow the handshake at once.
      socket.once('open', () => {
        socket.pause()
        resolve(socket)
      })
      socket.once('unexpected-response', (_req, response) => {
        readAll(response).then((body) => reject(apiStatusError(response.statusCode ?? 0, parseBody(body), request)), reject)
      })
      socket.once('error', (err) => reject(transportError(err as Error & {code?: string}, request, this.options.requestTimeoutMs)))
    })
  }

  private describe(req: HttpRequest): RequestDescription {
    return {...req.description, server: this.server}
  }

  private async withRetries<T extends {status: number; headers: IncomingHttpHeaders}>(
    req: HttpRequest,
    attemptOnce: (deadline: Deadline) => Promise<T>,
  ): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const started = Date.now()
      let outcome: {response: T} | {error: Error & {code?: string}}
      const deadline = startDeadline(req.signal, this.options.requestTimeoutMs)
      try {
        outcome = {response: await attemptOnce(deadline)}
      } catch (err) {
        deadline.cancel()
        if (req.signal?.aborted) throw err
        outcome = {error: deadline.expired() ? Object.assign(new Error('request timed out'), {code: 'KUBELINE_TIMEOUT'}) : (err as Error & {code?: string})}
      }
      const status = 'response' in outcome ? outcome.response.status : undefined
      this.trace(req, status ?? (outcome as {error: Error}).error.message, Date.now() - started)
      const decision = retryDecision({
        method: req.method,
        attempt,
        maxAttempts: this.options.maxAttempts,
        status: status !== undefined && status >= 400 ? status : undefined,
        errorCode: 'error' in outcome ? outcome.error.code : undefined,
        retryAfterSeconds: 'response' in outcome ? parseRetryAfter(header(outcome.response.headers['retry-after']), new Date()) : undefined,
      })
      const done = 'response' in outcome && (status as number) < 400
      if (done || !decision.retry) {
        if ('response' in outcome) return outcome.response
        throw transportError(outcome.error, this.describe(req), this.options.requestTimeoutMs)
      }
      if ('response' in outcome && 'stream' in outcome.response) (outcome.response.stream as IncomingMessage).resume()
      await this.options.sleep(decision.delayMs)
    }
  }

  private async send(req: HttpRequest, signal: AbortSignal, streaming = false): Promise<StreamResponse> {
    const prepared = await this.prepare()
    const url = new URL(this.server + req.path)
    for (const [key, value] of Object.entries(req.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value))
    }
    const payload = req.body === undefined ? undefined : Buffer.from(typeof req.body === 'string' ? req.body : JSON.stringify(req.body))
    const headers: Record<string, string> = {
      ...prepared.headers,
      Accept: req.accept ?? 'application/json',
      'User-Agent': 'kubeline/0.1',
    }
    if (payload) {
      headers['Content-Type'] = req.contentType ?? 'application/json'
      headers['Content-Length'] = String(payload.length)
    }
    const lib = url.protocol === 'http:' ? http : https
    return await new Promise<StreamResponse>((resolve, reject) => {
      const {writeAgent, ...options} = prepared
      const agent = writeAgent && !['GET', 'HEAD'].includes(req.method) ? writeAgent : options.agent
      const request = lib.request(url, {...options, agent, method: req.method, headers, signal}, (response) => {
        resolve({status: response.statusCode ?? 0, headers: response.headers, stream: response})
      })
      request.on('error', reject)
      if (streaming) request.setNoDelay(true)
      request.end(payload)
    })
  }

  private trace(req: HttpRequest, outcome: number | string, ms: number): void {
    if (!this.options.debug) return
    const query = new URLSearchParams(
      Object.entries(req.query ?? {}).flatMap(([key, value]): [string, string][] => (value === undefined ? [] : [[key, String(value)]])),
    ).toString()
    this.options.debug(redactSecrets(`${req.method} ${this.server}${req.path}${query ? `?${query}` : ''} ${outcome} in ${ms}ms`))
  }
}

interface Deadline {
  signal: AbortSignal
  cancel(): void
  expired(): boolean
}

function startDeadline(callerSignal: AbortSignal | undefined, timeoutMs: number): Deadline {
  const controller = new AbortController()
  const timer = timeoutMs > 0 ? setTimeout(() => controller.abort(), timeoutMs) : undefined
  return {
    signal: callerSignal ? AbortSignal.any([callerSignal, controller.signal]) : controller.signal,
    cancel: () => clearTimeout(timer),
    expired: () => controller.signal.aborted,
  }
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}

async function readAll(stream: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

export function parseBody(body: Buffer): unknown {
  const text = body.toString('utf8')
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}
