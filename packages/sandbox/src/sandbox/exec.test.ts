import {execFile} from 'node:child_process'
import {fileURLToPath} from 'node:url'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {WebSocket} from 'ws'
import {runKubectl} from '../test-support/run-kubectl.js'
import type {Sandbox} from './start-sandbox.js'
import {startSandbox} from './start-sandbox.js'

const AGNHOST = 'registry.k8s.io/e2e-test-images/agnhost:2.53'
const pod = (namespace: string, name: string, ip: string | undefined, options: {image?: string; containers?: string[]; phase?: string} = {}) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {name, namespace},
  spec: {containers: (options.containers ?? ['app']).map((c) => ({name: c, image: options.image ?? AGNHOST})), ...(ip ? {nodeName: 'sandbox-node'} : {})},
  status: ip ? {phase: options.phase ?? 'Running', podIP: ip, podIPs: [{ip}]} : {phase: 'Pending'},
})

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await startSandbox({
    controllers: false,
    objects: [
      pod('x', 'a', '10.244.1.5'),
      pod('y', 'b', '10.244.2.7'),
      pod('y', 'web', '10.244.2.9', {image: 'nginx:1.27'}),
      pod('y', 'pair', '10.244.2.10', {containers: ['one', 'two']}),
      pod('y', 'unscheduled', undefined),
      pod('y', 'done', '10.244.2.11', {phase: 'Succeeded'}),
    ],
    network: {
      apiVersion: 'sandbox.kubeline.dev/v1alpha1',
      kind: 'NetworkSimulation',
      default: 'deny',
      connections: [
        {from: 'x/a', to: 'y/b', port: 80, result: 'allow'},
        {from: 'x/a', to: 'y/b', port: 81, result: 'refuse'},
      ],
    },
    users: [
      {name: 'exec-user', token: 'exec-token', rules: [{verbs: ['get'], resources: ['pods']}, {verbs: ['create'], resources: ['pods/exec']}]},
      {name: 'get-exec-user', token: 'get-exec-token', rules: [{verbs: ['get'], resources: ['pods', 'pods/exec']}]},
    ],
  })
})
afterAll(() => sandbox.stop())

interface RawExec {
  protocol: string
  messages: {channel: number; text: string}[]
}

/** Opens an exec WebSocket as the given token and collects every message until the server closes. */
function rawExec(path: string, token = sandbox.admin.token, protocols = ['v5.channel.k8s.io', 'v4.channel.k8s.io']): Promise<RawExec | {status: number; body: string}> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`wss://127.0.0.1:${sandbox.port}${path}`, protocols, {ca: sandbox.caCertificate, headers: {Authorization: `Bearer ${token}`}})
    const messages: {channel: number; text: string}[] = []
    socket.on('message', (data: Buffer) => messages.push({channel: data[0]!, text: data.subarray(1).toString('utf8')}))
    socket.on('close', () => resolve({protocol: socket.protocol, messages}))
    socket.on('unexpected-response', (_req, res) => {
      let body = ''
      res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')))
      res.on('end', () => resolve({status: res.statusCode ?? 0, body}))
    })
    socket.on('error', reject)
  })
}
const execPath = (namespace: string, name: string, command: string[], extra = '') =>
  `/api/v1/namespaces/${namespace}/pods/${name}/exec?${command.map((c) => `command=${encodeURIComponent(c)}`).join('&')}&stdout=true&stderr=true${extra}`

describe('exec over WebSocket', () => {
  test('agnhost connect that succeeds: an empty opening message, then Success on channel 3', async () => {
    const result = await rawExec(execPath('x', 'a', ['/agnhost', 'connect', '10.244.2.7:80', '--timeout=1s', '--protocol=tcp']))
    expect(result).toEqual({protocol: 'v5.channel.k8s.io', messages: [{channel: 1, text: ''}, {channel: 3, text: '{"metadata":{},"status":"Success"}'}]})
  })

  test.each([
    {port: 81, stderr: 'REFUSED\n'},
    {port: 82, stderr: 'TIMEOUT\n'},
  ])('agnhost connect to port $port: $stderr on channel 2 and a NonZeroExitCode status (v4 too)', async ({port, stderr}) => {
    const command = ['/agnhost', 'connect', `10.244.2.7:${port}`, '--timeout=1s', '--protocol=tcp']
    const result = (await rawExec(execPath('x', 'a', command, '&container=app'), 'exec-token', ['v4.channel.k8s.io'])) as RawExec
    expect(result.protocol).toBe('v4.channel.k8s.io')
    expect(result.messages.slice(1, 2)).toEqual([{channel: 2, text: stderr}])
    expect(JSON.parse(result.messages[2]!.text)).toEqual({
      metadata: {},
      status: 'Failure',
      message: `command terminated with non-zero exit code: error executing command [${command.join(' ')}], exit code 1`,
      reason: 'NonZeroExitCode',
      details: {causes: [{reason: 'ExitCode', message: '1'}]},
    })
  })

  test('a program the image does not have fails as containerd says', async () => {
    const result = (await rawExec(execPath('y', 'web', ['/agnhost', 'connect', '10.244.1.5:80']))) as RawExec
    const status = JSON.parse(result.messages.at(-1)!.text) as {reason: string; message: string; code: number}
    expect(status).toMatchObject({status: 'Failure', reason: 'InternalError', code: 500})
    expect(status.message).toMatch(/^Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]+": OCI runtime exec failed: exec failed: unable to start container process: exec: "\/agnhost": stat \/agnhost: no such file or directory: unknown$/)
  })

  test.each([
    {name: 'unknown container', path: execPath('x', 'a', ['true'], '&container=nope'), status: 400, body: 'container nope is not valid for pod a'},
    {name: 'no container in a pod with two', path: execPath('y', 'pair', ['true']), status: 400, body: 'a container name must be specified for pod pair, choose one of: [one two]'},
    {name: 'pod not scheduled', path: execPath('y', 'unscheduled', ['true']), status: 400, body: 'pod unscheduled does not have a host assigned'},
    {name: 'missing pod', path: execPath('y', 'ghost', ['true']), status: 404, body: 'pods "ghost" not found'},
    {name: 'no command', path: '/api/v1/namespaces/x/pods/a/exec?stdout=true', status: 400, body: 'you must specify at least 1 command'},
  ])('refused before the upgrade with a Status: $name', async ({path, status, body}) => {
    const result = (await rawExec(path)) as {status: number; body: string}
    expect(result.status).toBe(status)
    expect(JSON.parse(result.body)).toMatchObject({kind: 'Status', status: 'Failure', message: body, code: status})
  })

  test('a container that is not running: the kubelet says container not found', async () => {
    expect(await rawExec(execPath('y', 'done', ['true']))).toEqual({status: 500, body: 'container not found ("app")'})
  })

  test('RBAC: create on pods/exec is needed, get is not enough', async () => {
    const result = (await rawExec(execPath('x', 'a', ['true']), 'get-exec-token')) as {status: number; body: string}
    expect(result.status).toBe(403)
    expect(JSON.parse(result.body).message).toBe('pods "a" is forbidden: User "get-exec-user" cannot create resource "pods/exec" in API group "" in the namespace "x"')
    expect(sandbox.requests.entries({subresource: 'exec', user: 'get-exec-user'}).map((entry) => entry.status)).toEqual([403])
  })

  test('faults on pods/exec apply to the upgrade', async () => {
    sandbox.faults.add({match: {resource: 'pods/exec', name: 'a'}, effect: {kind: 'error', status: 503, message: 'kubelet unreachable'}, times: 1})
    const failed = (await rawExec(execPath('x', 'a', ['true']))) as {status: number; body: string}
    expect(failed.status).toBe(503)
    expect(JSON.parse(failed.body)).toMatchObject({reason: 'ServiceUnavailable', message: 'kubelet unreachable'})
    expect(await rawExec(execPath('x', 'a', ['/agnhost', 'connect', '10.244.2.7:80']))).toMatchObject({protocol: 'v5.channel.k8s.io'})
  })

  test('only the channel protocols are spoken', async () => {
    const result = (await rawExec(execPath('x', 'a', ['true']), sandbox.admin.token, ['channel.k8s.io'])) as {status: number; body: string}
    expect(result.status).toBe(400)
    expect(JSON.parse(result.body).message).toBe('the sandbox streams exec over WebSocket only, with subprotocol v5.channel.k8s.io or v4.channel.k8s.io')
  })
})

describe('kubectl exec as the oracle', () => {
  test('agnhost connect allowed by the simulation exits 0', async () => {
    const result = await runKubectl(sandbox.kubeconfigPath, ['exec', '-n', 'x', 'a', '--', '/agnhost', 'connect', '10.244.2.7:80', '--timeout=1s', '--protocol=tcp'])
    expect(result).toEqual({code: 0, stdout: '', stderr: ''})
  })

  test('agnhost connect dropped by the simulation exits 1 with TIMEOUT on stderr', async () => {
    const result = await runKubectl(sandbox.kubeconfigPath, ['exec', '-n', 'x', 'a', '--', '/agnhost', 'connect', '10.244.2.7:443', '--timeout=1s', '--protocol=tcp'])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^TIMEOUT\n/)
  })

  test('an unknown container', async () => {
    const result = await runKubectl(sandbox.kubeconfigPath, ['exec', '-n', 'x', 'a', '-c', 'nope', '--', 'true'])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('container nope is not valid for pod a')
  })
})

/**
 * client-node's Exec, run in a plain node process: under vitest its isomorphic-ws import does not
 * yield a constructor. Prints {status, stdout, stderr} as JSON.
 */
const CLIENT_NODE_EXEC = `
import {PassThrough} from 'node:stream'
import {Exec, KubeConfig} from '@kubernetes/client-node'
const [kubeconfig, ...command] = process.argv.slice(1)
const config = new KubeConfig()
config.loadFromFile(kubeconfig)
const collect = () => { const stream = new PassThrough(); stream.text = ''; stream.on('data', (chunk) => (stream.text += chunk)); return stream }
const stdout = collect(), stderr = collect()
const status = await new Promise((resolve, reject) => new Exec(config).exec('x', 'a', 'app', command, stdout, stderr, null, false, resolve).catch(reject))
process.stdout.write(JSON.stringify({status, stdout: stdout.text, stderr: stderr.text}))
`

function clientNodeExec(command: string[]): Promise<{status: Record<string, unknown>; stdout: string; stderr: string}> {
  const packageDirectory = fileURLToPath(new URL('../..', import.meta.url))
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--input-type=module', '-e', CLIENT_NODE_EXEC, sandbox.kubeconfigPath, ...command], {cwd: packageDirectory, timeout: 30_000}, (error, stdout, stderr) => {
      if (error) reject(new Error(`client-node exec failed: ${stderr}`))
      else resolve(JSON.parse(stdout) as {status: Record<string, unknown>; stdout: string; stderr: string})
    })
  })
}

describe("client-node's Exec as the oracle", () => {
  test('the status callback gets Success for an allowed connection', async () => {
    const result = await clientNodeExec(['/agnhost', 'connect', '10.244.2.7:80', '--timeout=1s', '--protocol=tcp'])
    expect(result).toEqual({status: {metadata: {}, status: 'Success'}, stdout: '', stderr: ''})
  })

  test('a refused connection: REFUSED on stderr and the exit code in the status causes', async () => {
    const result = await clientNodeExec(['/agnhost', 'connect', '10.244.2.7:81', '--timeout=1s', '--protocol=tcp'])
    expect(result.stderr).toBe('REFUSED\n')
    expect(result.status).toMatchObject({status: 'Failure', reason: 'NonZeroExitCode', details: {causes: [{reason: 'ExitCode', message: '1'}]}})
  })
})
