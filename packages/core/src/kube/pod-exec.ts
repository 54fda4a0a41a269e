import type {WebSocket} from 'ws'
import {KubelineError} from '../errors/kubeline-error.js'

/**
 * The remote-command subprotocols kube-apiserver speaks over WebSocket, newest first (kubectl 1.30+
 * and client-node offer the same). v5 adds a close signal; without stdin both behave the same here.
 */
export const EXEC_PROTOCOLS = ['v5.channel.k8s.io', 'v4.channel.k8s.io'] as const

const STDOUT = 1
const STDERR = 2
const ERROR = 3

export interface ExecResult {
  exitCode: number
  stdout: string
  stderr: string
}

interface ExecStatus {
  status?: string
  message?: string
  reason?: string
  details?: {causes?: {reason?: string; message?: string}[]}
}

/** What an exec whose signal expired ends with. */
export const execTimeout = (what: string): KubelineError => new KubelineError('TIMEOUT', `${what} did not finish in time`)

/**
 * Reads one command's output and outcome from an open, paused exec socket: channel 1 and 2 are its output,
 * channel 3 the final metav1.Status. A non-zero exit is a result (exitCode), not an error; a failure
 * to run the command at all (no such executable, container not running) is an API_ERROR.
 */
export async function collectExec(socket: WebSocket, what: string, signal?: AbortSignal): Promise<ExecResult> {
  const out: Buffer[] = []
  const err: Buffer[] = []
  let status: ExecStatus | undefined
  return await new Promise<ExecResult>((resolve, reject) => {
    const onAbort = () => socket.terminate()
    // A signal that expired while the socket was connecting fires no event any more.
    if (signal?.aborted) onAbort()
    else signal?.addEventListener('abort', onAbort, {once: true})
    socket.on('message', (data: Buffer) => {
      const channel = data[0]
      const payload = data.subarray(1)
      if (channel === STDOUT) out.push(payload)
      else if (channel === STDERR) err.push(payload)
      else if (channel === ERROR && payload.length > 0) status = parseStatus(payload)
    })
    socket.once('error', reject)
    socket.resume()
    socket.once('close', () => {
      signal?.removeEventListener('abort', onAbort)
      if (signal?.aborted) return reject(execTimeout(what))
      const output = {stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8')}
      try {
        resolve({...output, exitCode: exitCodeOf(status, what)})
      } catch (failure) {
        reject(failure)
      }
    })
  })
}

function parseStatus(payload: Buffer): ExecStatus {
  try {
    return JSON.parse(payload.toString('utf8')) as ExecStatus
  } catch {
    return {status: 'Failure', message: payload.toString('utf8')}
  }
}

function exitCodeOf(status: ExecStatus | undefined, what: string): number {
  if (status === undefined) throw new KubelineError('API_ERROR', `${what}: the connection closed before the command's exit status arrived`)
  if (status.status === 'Success') return 0
  const exitCause = status.details?.causes?.find((cause) => cause.reason === 'ExitCode')
  if (status.reason === 'NonZeroExitCode' && exitCause?.message !== undefined && /^\d+$/.test(exitCause.message)) return Number(exitCause.message)
  throw new KubelineError('API_ERROR', `${what}: ${status.message ?? status.reason ?? 'the command failed'}`)
}
