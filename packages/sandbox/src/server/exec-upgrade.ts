import type {IncomingMessage} from 'node:http'
import {STATUS_CODES} from 'node:http'
import type {Duplex} from 'node:stream'
import {WebSocketServer} from 'ws'
import type {WebSocket} from 'ws'
import {authenticate, authorize} from '../auth/authorize.js'
import type {SandboxUser} from '../auth/sandbox-user.js'
import type {ContainerView} from '../controllers/container-program.js'
import {connectionProbe} from '../network/connection-probe.js'
import {podAtAddress} from '../network/pod-at-address.js'
import {execCommand} from '../programs/exec-program.js'
import type {ExecOutcome} from '../programs/exec-program.js'
import type {LoggedRequest, RequestLog} from '../requests/request-log.js'
import {badRequest, notFound} from '../store/api-error.js'
import type {KubeObject} from '../store/object-store.js'
import type {ApiContext} from './api-context.js'
import {requestedContainer} from './pod-container.js'
import {isTrue, parseRequestInfo} from './request-info.js'
import {applyFaults} from './apply-faults.js'
import {asApiError, statusBody} from './status.js'

/** The remote-command subprotocols served, newest first (kubectl 1.30+ and client-node offer both). */
export const EXEC_PROTOCOLS = ['v5.channel.k8s.io', 'v4.channel.k8s.io']

const STDOUT = 1
const STDERR = 2
const ERROR = 3

export interface ExecUpgradeOptions {
  context: ApiContext
  users: readonly SandboxUser[]
  requests: RequestLog
}

/** A refusal the kubelet sends as plain text rather than as a Status. */
class KubeletError extends Error {}

/**
 * `pods/NAME/exec` over WebSocket (the https server's `upgrade` event): authentication and RBAC
 * (`create` on pods/exec, as kube-apiserver >= 1.31 checks upgrades), faults matching
 * `pods/exec` (error, throttle, delay, drop), the API server's checks
 * (pod, container, node), the kubelet's (container running), then the command's output on
 * channels 1 and 2 and its metav1.Status on channel 3, as the kubelet's streaming server sends them.
 */
export function createExecUpgradeHandler({context, users, requests}: ExecUpgradeOptions) {
  const sockets = new WebSocketServer({noServer: true, handleProtocols: (offered) => chooseProtocol([...offered]) ?? false})
  const probe = connectionProbe(context.network, podAtAddress(context.store))
  return async (req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> => {
    const url = new URL(req.url ?? '/', 'https://sandbox')
    const info = parseRequestInfo(req.method ?? 'GET', url)
    const entry = requests.record({method: req.method ?? 'GET', path: url.pathname, verb: info.verb, status: 0})
    try {
      if (info.kind !== 'resource' || info.group !== '' || info.resource !== 'pods' || info.subresource !== 'exec' || !info.name || !info.namespace) {
        throw badRequest('the sandbox upgrades only pods/exec requests')
      }
      Object.assign(entry, {resource: 'pods', subresource: 'exec', namespace: info.namespace, name: info.name})
      const user = authenticate(users, req.headers.authorization)
      entry.user = user.name
      authorize(user, {...info, verb: 'create'})
      const faults = await applyFaults(context.faults.take({verb: info.verb, resource: 'pods', subresource: 'exec', namespace: info.namespace, name: info.name, path: url.pathname}), info, req)
      if (faults.handled) return
      const pod = context.store.peek({group: '', resource: 'pods'}, info.namespace, info.name)
      if (!pod) throw notFound('', 'pods', info.name)
      const container = runningContainer(pod, url.searchParams.get('container'))
      const command = url.searchParams.getAll('command')
      if (command.length === 0) throw badRequest('you must specify at least 1 command')
      const protocol = chooseProtocol(offeredProtocols(req))
      if (!protocol) throw badRequest(`the sandbox streams exec over WebSocket only, with subprotocol ${EXEC_PROTOCOLS.join(' or ')}`)
      const source = {namespace: info.namespace, name: info.name}
      sockets.handleUpgrade(req, socket, head, (webSocket) => {
        entry.status = 101
        stream(webSocket, execCommand(command, container, source, probe), command, url.searchParams)
      })
    } catch (error) {
      refuse(socket, entry, error)
    }
  }
}

/** The container to run in; the kubelet refuses containers that are not running. */
function runningContainer(pod: KubeObject, requested: string | null): ContainerView {
  const name = requestedContainer(pod, requested)
  const spec = (pod.spec ?? {}) as {nodeName?: string; containers?: ContainerView[]; initContainers?: ContainerView[]; ephemeralContainers?: ContainerView[]}
  if (!spec.nodeName) throw badRequest(`pod ${pod.metadata.name} does not have a host assigned`)
  const status = (pod.status ?? {}) as {phase?: string; ephemeralContainerStatuses?: {name: string; state?: {running?: object}}[]}
  const regular = (spec.containers ?? []).find((c) => c.name === name)
  const ephemeral = (spec.ephemeralContainers ?? []).find((c) => c.name === name)
  const ephemeralRunning = (status.ephemeralContainerStatuses ?? []).some((s) => s.name === name && s.state?.running)
  const container = status.phase === 'Running' ? (regular ?? (ephemeralRunning ? ephemeral : undefined)) : undefined
  if (!container) throw new KubeletError(`container not found (${JSON.stringify(name)})`)
  return container
}

function offeredProtocols(req: IncomingMessage): string[] {
  if ((req.headers.upgrade ?? '').toLowerCase() !== 'websocket') return []
  return (req.headers['sec-websocket-protocol'] ?? '').split(',').map((protocol) => protocol.trim())
}

function chooseProtocol(offered: string[]): string | undefined {
  return offered.find((protocol) => EXEC_PROTOCOLS.includes(protocol))
}

function stream(webSocket: WebSocket, outcome: ExecOutcome, command: string[], params: URLSearchParams): void {
  const wantsStdout = isTrue(params.get('stdout'))
  const wantsStderr = isTrue(params.get('stderr'))
  const send = (channel: number, text: string) => webSocket.send(Buffer.concat([Buffer.from([channel]), Buffer.from(text, 'utf8')]))
  // The kubelet opens the stream with an empty message on the lowest channel the client reads.
  send(wantsStdout ? STDOUT : wantsStderr ? STDERR : ERROR, '')
  if (outcome.kind === 'exited') {
    if (wantsStdout && outcome.stdout) send(STDOUT, outcome.stdout)
    if (wantsStderr && outcome.stderr) send(STDERR, outcome.stderr)
  }
  send(ERROR, JSON.stringify(finalStatus(outcome, command)))
  webSocket.close(1000)
}

/** The Status the kubelet's ServeExec writes when the command ends (pkg/kubelet/cri/streaming/remotecommand). */
function finalStatus(outcome: ExecOutcome, command: string[]): Record<string, unknown> {
  if (outcome.kind === 'notStarted') {
    const cause = `error executing command in container: ${outcome.message}`
    return {metadata: {}, status: 'Failure', message: `Internal error occurred: ${cause}`, reason: 'InternalError', details: {causes: [{message: cause}]}, code: 500}
  }
  if (outcome.exitCode === 0) return {metadata: {}, status: 'Success'}
  return {
    metadata: {},
    status: 'Failure',
    message: `command terminated with non-zero exit code: error executing command [${command.join(' ')}], exit code ${outcome.exitCode}`,
    reason: 'NonZeroExitCode',
    details: {causes: [{reason: 'ExitCode', message: String(outcome.exitCode)}]},
  }
}

/** Answers a refused upgrade on the raw socket: a Status from the API server, plain text from the kubelet. */
function refuse(socket: Duplex, entry: LoggedRequest, error: unknown): void {
  const kubelet = error instanceof KubeletError
  const code = kubelet ? 500 : asApiError(error).code
  const body = kubelet ? error.message : JSON.stringify(statusBody(asApiError(error)))
  entry.status = code
  const headers = [`HTTP/1.1 ${code} ${STATUS_CODES[code] ?? ''}`, `Content-Type: ${kubelet ? 'text/plain; charset=utf-8' : 'application/json'}`, `Content-Length: ${Buffer.byteLength(body)}`, 'Connection: close']
  socket.end(`${headers.join('\r\n')}\r\n\r\n${body}`)
}
