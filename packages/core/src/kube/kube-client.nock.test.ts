import nock from 'nock'
import {afterEach, beforeAll, describe, expect, test} from 'vitest'
import {KubelineError} from '../errors/kubeline-error.js'
import {connect} from './connect.js'
import {RESOURCES} from './resource-types.js'
import {clearRegisteredSecrets} from '../output/secret-redaction.js'
import {writeKubeconfig} from './test-support/kubeconfig-file.js'

const SERVER = 'https://k8s.example:6443'
const TOKEN = 'sekret-token-abc123'

beforeAll(() => nock.disableNetConnect())
afterEach(() => {
  nock.cleanAll()
  clearRegisteredSecrets()
})

async function client(extra: {debug?: (line: string) => void; user?: Record<string, unknown>} = {}) {
  const kubeconfig = writeKubeconfig({server: SERVER, 'insecure-skip-tls-verify': true}, extra.user ?? {token: TOKEN}, 'payments')
  return await connect({kubeconfig, env: {}, sleep: async () => {}, debug: extra.debug})
}

const pod = (name: string) => ({metadata: {name, namespace: 'payments', resourceVersion: '1'}})

async function failure(promise: Promise<unknown>): Promise<KubelineError> {
  try {
    await promise
  } catch (err) {
    if (err instanceof KubelineError) return err
    throw err
  }
  throw new Error('expected a failure')
}

describe('KubeClient over HTTP (nock 15)', () => {
  test('sends the kubeconfig token and defaults to the context namespace', async () => {
    const scope = nock(SERVER)
      .get('/api/v1/namespaces/payments/pods/web-1')
      .matchHeader('authorization', `Bearer ${TOKEN}`)
      .reply(200, {kind: 'Pod', apiVersion: 'v1', ...pod('web-1')})
    const kube = await client()
    expect((await kube.get(RESOURCES.pods, 'web-1')).metadata.name).toBe('web-1')
    expect(kube.namespace).toBe('payments')
    scope.done()
  })

  test('reads a token file on each request', async () => {
    const fs = await import('node:fs')
    const path = await import('node:path')
    const os = await import('node:os')
    const tokenFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tok-')), 'token')
    fs.writeFileSync(tokenFile, 'first-token-value\n')
    const scope = nock(SERVER)
      .get('/api/v1/namespaces/payments/pods/a').matchHeader('authorization', 'Bearer first-token-value').reply(200, pod('a'))
      .get('/api/v1/namespaces/payments/pods/a').matchHeader('authorization', 'Bearer rotated-token-value').reply(200, pod('a'))
    const kube = await client({user: {tokenFile}})
    await kube.get(RESOURCES.pods, 'a')
    fs.writeFileSync(tokenFile, 'rotated-token-value')
    await kube.get(RESOURCES.pods, 'a')
    scope.done()
  })

  test('an exec credential plugin supplies the token (and it is registered for redaction)', async () => {
    const fs = await import('node:fs')
    const path = await import('node:path')
    const os = await import('node:os')
    const {redactSecrets} = await import('../output/secret-redaction.js')
    const plugin = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'exec-')), 'get-token')
    const credential = {apiVersion: 'client.authentication.k8s.io/v1', kind: 'ExecCredential', status: {token: 'exec-issued-token-42'}}
    fs.writeFileSync(plugin, `#!/bin/sh\necho '${JSON.stringify(credential)}'\n`, {mode: 0o755})
    const scope = nock(SERVER)
      .get('/api/v1/namespaces/payments/pods/a')
      .matchHeader('authorization', 'Bearer exec-issued-token-42')
      .reply(200, pod('a'))
    const kube = await client({user: {exec: {apiVersion: 'client.authentication.k8s.io/v1', command: plugin, interactiveMode: 'Never'}}})
    await kube.get(RESOURCES.pods, 'a')
    scope.done()
    expect(redactSecrets('token exec-issued-token-42 leaked')).toBe('token [REDACTED] leaked')
  })

  test('lists every page with limit/continue and fills in kind', async () => {
    const scope = nock(SERVER)
      .get('/apis/apps/v1/deployments').query({limit: 2})
      .reply(200, {metadata: {continue: 'c1', resourceVersion: '10'}, items: [pod('a'), pod('b')]})
      .get('/apis/apps/v1/deployments').query({limit: 2, continue: 'c1'})
      .reply(200, {metadata: {resourceVersion: '10'}, items: [pod('c')]})
    const kube = await client()
    const list = await kube.list(RESOURCES.deployments, {namespace: null, limit: 2})
    expect(list.items.map((item) => item.metadata.name)).toEqual(['a', 'b', 'c'])
    expect(list.items[0]).toMatchObject({apiVersion: 'apps/v1', kind: 'Deployment'})
    expect(list.resourceVersion).toBe('10')
    scope.done()
  })

  test('restarts the list when the continue token expired (410)', async () => {
    const scope = nock(SERVER)
      .get('/api/v1/namespaces/payments/pods').query({limit: 1})
      .reply(200, {metadata: {continue: 'old'}, items: [pod('stale')]})
      .get('/api/v1/namespaces/payments/pods').query({limit: 1, continue: 'old'})
      .reply(410, {kind: 'Status', code: 410, reason: 'Expired', message: 'continue token expired'})
      .get('/api/v1/namespaces/payments/pods').query({limit: 1})
      .reply(200, {metadata: {continue: 'new'}, items: [pod('a')]})
      .get('/api/v1/namespaces/payments/pods').query({limit: 1, continue: 'new'})
      .reply(200, {metadata: {resourceVersion: '7'}, items: [pod('b')]})
    const kube = await client()
    const list = await kube.list(RESOURCES.pods, {limit: 1})
    expect(list.items.map((item) => item.metadata.name)).toEqual(['a', 'b'])
    scope.done()
  })

  test('passes label and field selectors through', async () => {
    const scope = nock(SERVER)
      .get('/api/v1/pods').query({labelSelector: 'app=web,tier!=db', fieldSelector: 'status.phase=Running', limit: 500})
      .reply(200, {metadata: {}, items: []})
    const kube = await client()
    await kube.list(RESOURCES.pods, {namespace: null, labelSelector: 'app=web,tier!=db', fieldSelector: 'status.phase=Running'})
    scope.done()
  })

  test('retries 429 honouring Retry-After, for writes too', async () => {
    const waits: number[] = []
    const kubeconfig = writeKubeconfig({server: SERVER, 'insecure-skip-tls-verify': true}, {token: TOKEN})
    const kube = await connect({kubeconfig, env: {}, sleep: async (ms) => void waits.push(ms)})
    const scope = nock(SERVER)
      .post('/apis/batch/v1/namespaces/default/jobs').query(true).reply(429, {kind: 'Status', code: 429}, {'Retry-After': '2'})
      .post('/apis/batch/v1/namespaces/default/jobs').query(true).reply(201, {metadata: {name: 'j'}})
    const job = await kube.create(RESOURCES.jobs, {apiVersion: 'batch/v1', kind: 'Job', metadata: {name: 'j'}})
    expect(job.metadata.name).toBe('j')
    expect(waits).toEqual([2000])
    scope.done()
  })

  test('retries 5xx on reads but never blindly on writes', async () => {
    const scope = nock(SERVER)
      .get('/api/v1/namespaces/payments/pods/a').reply(503, 'unavailable')
      .get('/api/v1/namespaces/payments/pods/a').reply(500, 'oops')
      .get('/api/v1/namespaces/payments/pods/a').reply(200, pod('a'))
      .patch('/api/v1/namespaces/payments/pods/a').query(true).reply(503, 'unavailable')
    const kube = await client()
    expect((await kube.get(RESOURCES.pods, 'a')).metadata.name).toBe('a')
    const err = await failure(kube.patch(RESOURCES.pods, 'a', {metadata: {labels: {x: 'y'}}}))
    expect(err.code).toBe('SERVER_ERROR')
    scope.done()
  })

  test('a merge patch is sent with its content type', async () => {
    const scope = nock(SERVER)
      .patch('/apis/apps/v1/namespaces/payments/deployments/web', {spec: {replicas: 3}})
      .query({fieldManager: 'kubeline'})
      .matchHeader('content-type', 'application/merge-patch+json')
      .reply(200, {metadata: {name: 'web'}})
    const kube = await client()
    await kube.patch(RESOURCES.deployments, 'web', {spec: {replicas: 3}})
    scope.done()
  })

  test.each([
    {
      name: '403 names the permission and suggests kubectl auth can-i',
      status: 403,
      body: {kind: 'Status', code: 403, reason: 'Forbidden', message: 'pods is forbidden: User "alice" cannot list resource "pods" in API group "" in the namespace "payments"'},
      code: 'FORBIDDEN',
      message: /User "alice" cannot list/,
      fix: /kubectl auth can-i list pods -n payments/,
    },
    {
      name: '401 asks to log in again',
      status: 401,
      body: {kind: 'Status', code: 401, reason: 'Unauthorized', message: 'Unauthorized'},
      code: 'UNAUTHORIZED',
      message: /logged in/,
      fix: /credentials/,
    },
  ])('$name', async ({status, body, code, message, fix}) => {
    nock(SERVER).get('/api/v1/namespaces/payments/pods').query(true).reply(status, body)
    const kube = await client()
    const err = await failure(kube.list(RESOURCES.pods))
    expect(err.code).toBe(code)
    expect(err.message).toMatch(message)
    expect(err.fix).toMatch(fix)
  })

  test('404 says what was not found and where', async () => {
    nock(SERVER).get('/apis/batch/v1/namespaces/payments/cronjobs/nightly').reply(404, {
      kind: 'Status', code: 404, reason: 'NotFound', message: 'cronjobs.batch "nightly" not found',
    })
    const kube = await client()
    const err = await failure(kube.get(RESOURCES.cronjobs, 'nightly'))
    expect(err.code).toBe('NOT_FOUND')
    expect(err.message).toBe('cronjobs.batch "nightly" not found in namespace "payments"')
    expect(err.exitCode).toBe(2)
  })

  test('find() returns undefined on 404', async () => {
    nock(SERVER).get('/api/v1/namespaces/payments/pods/gone').reply(404, {kind: 'Status', code: 404, message: 'pods "gone" not found'})
    const kube = await client()
    expect(await kube.find(RESOURCES.pods, 'gone')).toBeUndefined()
  })

  test('422 lists the field causes', async () => {
    nock(SERVER).post('/api/v1/namespaces/payments/pods').query(true).reply(422, {
      kind: 'Status', code: 422, reason: 'Invalid', message: 'Pod "x" is invalid',
      details: {causes: [{field: 'spec.containers[0].image', message: 'Required value'}]},
    })
    const kube = await client()
    const err = await failure(kube.create(RESOURCES.pods, {apiVersion: 'v1', kind: 'Pod', metadata: {name: 'x'}}))
    expect(err.code).toBe('INVALID_OBJECT')
    expect(err.message).toContain('spec.containers[0].image: Required value')
  })

  test('409 is CONFLICT and is not retried', async () => {
    const scope = nock(SERVER).put('/apis/apps/v1/namespaces/payments/deployments/web').query(true).once().reply(409, {
      kind: 'Status', code: 409, reason: 'Conflict', message: 'the object has been modified; please apply your changes to the latest version and try again',
    })
    const kube = await client()
    const err = await failure(kube.update(RESOURCES.deployments, {apiVersion: 'apps/v1', kind: 'Deployment', metadata: {name: 'web', resourceVersion: '3'}}))
    expect(err.code).toBe('CONFLICT')
    scope.done()
  })

  test('--debug traces requests without the token', async () => {
    const lines: string[] = []
    nock(SERVER).get('/api/v1/namespaces/payments/pods/a').reply(200, pod('a'))
    const kube = await client({debug: (line) => lines.push(line)})
    await kube.get(RESOURCES.pods, 'a')
    expect(lines).toEqual([expect.stringMatching(/^GET https:\/\/k8s\.example:6443\/api\/v1\/namespaces\/payments\/pods\/a 200 in \d+ms$/)])
    expect(lines.join('\n')).not.toContain(TOKEN)
  })

  test('an unreachable server is UNREACHABLE (exit 1) naming the server', async () => {
    nock(SERVER).get('/api/v1/namespaces/payments/pods/a').times(5).replyWithError(Object.assign(new Error('connect ECONNREFUSED'), {code: 'ECONNREFUSED'}))
    const kube = await client()
    const err = await failure(kube.get(RESOURCES.pods, 'a'))
    expect(err.code).toBe('UNREACHABLE')
    expect(err.message).toBe(`unable to connect to the server at ${SERVER}: connection refused`)
    expect(err.exitCode).toBe(1)
  })
})
