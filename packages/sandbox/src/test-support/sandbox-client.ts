import {request as httpsRequest} from 'node:https'
import type {IncomingMessage} from 'node:http'
import type {Sandbox} from '../sandbox/start-sandbox.js'

export interface ClientResponse {
  status: number
  headers: IncomingMessage['headers']
  text: string
  json: Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read arbitrary API JSON
}

export interface RequestOptions {
  body?: unknown
  contentType?: string
  accept?: string
  token?: string | null
}

/** One HTTPS request to the sandbox as the admin (or the given token), trusting only the sandbox's CA. */
export function call(sandbox: Sandbox, method: string, path: string, options: RequestOptions = {}): Promise<ClientResponse> {
  return new Promise((resolve, reject) => {
    const req = open(sandbox, method, path, options, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8')
        let json = {}
        try {
          json = JSON.parse(text) as object
        } catch {
          // not JSON: tests read .text
        }
        resolve({status: res.statusCode ?? 0, headers: res.headers, text, json})
      })
    })
    req.on('error', reject)
  })
}

/** Opens a streaming request (watch, follow) and hands each newline-terminated line to onLine. */
export function stream(sandbox: Sandbox, path: string, onLine: (line: string) => void, options: RequestOptions = {}): Promise<{status: number; close: () => void; ended: Promise<void>}> {
  return new Promise((resolve, reject) => {
    const req = open(sandbox, 'GET', path, options, (res) => {
      let buffer = ''
      const ended = new Promise<void>((done) => {
        res.on('end', done)
        res.on('close', done)
      })
      res.on('data', (chunk: Buffer) => {
        buffer += chunk.toString('utf8')
        let newline
        while ((newline = buffer.indexOf('\n')) >= 0) {
          onLine(buffer.slice(0, newline))
          buffer = buffer.slice(newline + 1)
        }
      })
      resolve({status: res.statusCode ?? 0, close: () => req.destroy(), ended})
    })
    req.on('error', (error) => {
      if ((error as NodeJS.ErrnoException).code !== 'ECONNRESET') reject(error)
    })
  })
}

function open(sandbox: Sandbox, method: string, path: string, options: RequestOptions, onResponse: (res: IncomingMessage) => void) {
  const headers: Record<string, string> = {Accept: options.accept ?? 'application/json'}
  const token = options.token === undefined ? sandbox.admin.token : options.token
  if (token !== null) headers.Authorization = `Bearer ${token}`
  let payload: string | undefined
  if (options.body !== undefined) {
    payload = typeof options.body === 'string' ? options.body : JSON.stringify(options.body)
    headers['Content-Type'] = options.contentType ?? 'application/json'
    headers['Content-Length'] = String(Buffer.byteLength(payload))
  }
  const req = httpsRequest(`${sandbox.url}${path}`, {method, headers, ca: sandbox.caCertificate}, onResponse)
  req.end(payload)
  return req
}

/** Waits until the predicate holds, polling every 10 ms. */
export async function eventually(predicate: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}
