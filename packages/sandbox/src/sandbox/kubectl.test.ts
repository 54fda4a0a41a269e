import {mkdtemp, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {eventually} from '../test-support/sandbox-client.js'
import {runKubectl, spawnKubectl} from '../test-support/run-kubectl.js'
import type {Sandbox} from './start-sandbox.js'
import {startSandbox} from './start-sandbox.js'

const namespace = {apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'shop'}}
const webDeployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {name: 'web', namespace: 'shop'},
  spec: {replicas: 2, selector: {matchLabels: {app: 'web'}}, template: {metadata: {labels: {app: 'web'}}, spec: {containers: [{name: 'web', image: 'nginx'}]}}},
}
const pod = {apiVersion: 'v1', kind: 'Pod', metadata: {name: 'api-0', namespace: 'shop', labels: {app: 'api'}}, spec: {containers: [{name: 'api', image: 'api:1'}]}, status: {phase: 'Running'}}
const cronJob = {
  apiVersion: 'batch/v1',
  kind: 'CronJob',
  metadata: {name: 'nightly', namespace: 'shop'},
  spec: {schedule: '0 2 * * *', timeZone: 'Europe/Paris', jobTemplate: {spec: {template: {spec: {restartPolicy: 'Never', containers: [{name: 'report', image: 'report:1'}]}}}}},
}

let sandbox: Sandbox
let kubeconfig: string
const kubectl = (args: string[], options?: {version?: string}) => runKubectl(kubeconfig, args, options)

beforeAll(async () => {
  sandbox = await startSandbox({controllers: false, objects: [namespace, webDeployment, pod, cronJob]})
  kubeconfig = sandbox.kubeconfigPath
})
afterAll(() => sandbox.stop())

describe('kubectl get', () => {
  test('prints a server-side table for pods', async () => {
    const result = await kubectl(['get', 'pods', '-n', 'shop'])
    expect(result.stderr).toBe('')
    expect(result.stdout).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\napi-0\s+0\/1\s+Running\s+0\s+\d+s\n$/)
  })

  test.each([
    [['get', 'deployments', '-n', 'shop'], /^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\nweb\s+0\/2\s+0\s+0\s+/],
    [['get', 'namespaces'], /NAME\s+STATUS\s+AGE\n(.*\n)*shop\s+Active\s+/],
    [['get', 'cronjobs', '-n', 'shop'], /^NAME\s+SCHEDULE\s+TIMEZONE\s+SUSPEND\s+ACTIVE\s+LAST SCHEDULE\s+AGE\nnightly\s+0 2 \* \* \*\s+Europe\/Paris\s+False\s+0\s+<none>\s+/],
    [['get', 'deploy', 'web', '-n', 'shop'], /^NAME\s+READY/],
  ])('kubectl %j', async (args, expected) => {
    const result = await kubectl(args)
    expect(result.stderr).toBe('')
    expect(result.stdout).toMatch(expected)
  })

  test('-o json prints the list', async () => {
    const result = await kubectl(['get', 'deployments', '-n', 'shop', '-o', 'json'])
    const list = JSON.parse(result.stdout) as {items: {metadata: {name: string}}[]}
    expect(list.items.map((item) => item.metadata.name)).toEqual(['web'])
  })

  test('-w prints changes as they happen', async () => {
    const watch = spawnKubectl(kubeconfig, ['get', 'configmaps', '-n', 'shop', '-w', '--output-watch-events'])
    try {
      // kubectl lists, then watches from the list's resourceVersion: anything created after the list is seen.
      await eventually(() => sandbox.requests.count({verb: 'list', resource: 'configmaps', namespace: 'shop'}) > 0, 10_000)
      sandbox.store.create({group: '', resource: 'configmaps'}, {apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'live', namespace: 'shop'}})
      await eventually(() => /ADDED\s+live/.test(watch.output()), 10_000)
      sandbox.store.delete({group: '', resource: 'configmaps'}, 'shop', 'live')
      await eventually(() => /DELETED\s+live/.test(watch.output()), 10_000)
    } finally {
      watch.child.kill()
    }
  })
})

describe('kubectl writes', () => {
  test('create -f with the default validation', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'kubectl-create-'))
    const file = join(directory, 'objects.yaml')
    await writeFile(file, ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: settings', '  namespace: shop', 'data:', '  mode: fast', ''].join('\n'))
    const result = await kubectl(['create', '-f', file])
    expect(result.stderr).toBe('')
    expect(result.stdout).toBe('configmap/settings created\n')
    expect(sandbox.store.get({group: '', resource: 'configmaps'}, 'shop', 'settings')?.data).toEqual({mode: 'fast'})
  })

  test('label, annotate and patch --type merge', async () => {
    expect((await kubectl(['label', 'pod', 'api-0', '-n', 'shop', 'tier=backend'])).stdout).toBe('pod/api-0 labeled\n')
    expect((await kubectl(['annotate', 'pod', 'api-0', '-n', 'shop', 'owner=team-shop'])).stdout).toBe('pod/api-0 annotated\n')
    expect((await kubectl(['patch', 'deployment', 'web', '-n', 'shop', '--type', 'merge', '-p', '{"spec":{"paused":true}}'])).stdout).toBe('deployment.apps/web patched\n')
    const stored = sandbox.store.get({group: '', resource: 'pods'}, 'shop', 'api-0')!
    expect(stored.metadata.labels).toEqual({app: 'api', tier: 'backend'})
    expect(stored.metadata.annotations).toEqual({owner: 'team-shop'})
    expect((sandbox.store.get({group: 'apps', resource: 'deployments'}, 'shop', 'web')!.spec as {paused?: boolean}).paused).toBe(true)
  })

  test('scale', async () => {
    const result = await kubectl(['scale', 'deployment', 'web', '-n', 'shop', '--replicas=5'])
    expect(result.stdout).toBe('deployment.apps/web scaled\n')
    expect((sandbox.store.get({group: 'apps', resource: 'deployments'}, 'shop', 'web')!.spec as {replicas: number}).replicas).toBe(5)
  })

  test('logs', async () => {
    sandbox.podLogs.append('shop', 'api-0', 'api', 'listening on :8080')
    const result = await kubectl(['logs', 'api-0', '-n', 'shop'])
    expect(result.stdout).toBe('listening on :8080\n')
  })

  test('logs -f follows until the container finishes', async () => {
    const logRequests = () => sandbox.requests.count({resource: 'pods', subresource: 'log', name: 'api-0'})
    const before = logRequests()
    const follow = spawnKubectl(kubeconfig, ['logs', '-f', 'api-0', '-n', 'shop'])
    const exited = new Promise<number | null>((resolve) => follow.child.once('exit', resolve))
    await eventually(() => logRequests() > before, 10_000)
    sandbox.podLogs.append('shop', 'api-0', 'api', 'GET /healthz 200')
    await eventually(() => follow.output().includes('GET /healthz 200'), 10_000)
    sandbox.podLogs.close('shop', 'api-0', 'api')
    expect(await exited).toBe(0)
    expect(follow.output()).toMatch(/GET \/healthz 200\n$/)
  })

  test('delete', async () => {
    sandbox.store.create({group: '', resource: 'configmaps'}, {apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'doomed', namespace: 'shop'}})
    const result = await kubectl(['delete', 'configmap', 'doomed', '-n', 'shop'])
    expect(result.stdout).toBe('configmap "doomed" deleted\n')
    expect(sandbox.store.get({group: '', resource: 'configmaps'}, 'shop', 'doomed')).toBeUndefined()
  })

  test('create namespace (kubectl 1.31: 1.32 sends protobuf)', async () => {
    const result = await kubectl(['create', 'namespace', 'billing'], {version: '1.31'})
    expect(result.stdout).toBe('namespace/billing created\n')
    expect(sandbox.store.get({group: '', resource: 'namespaces'}, undefined, 'billing')?.status).toEqual({phase: 'Active'})
  })

  test('create job --from=cronjob (kubectl 1.31)', async () => {
    const result = await kubectl(['create', 'job', 'nightly-manual', '--from=cronjob/nightly', '-n', 'shop'], {version: '1.31'})
    expect(result.stdout).toBe('job.batch/nightly-manual created\n')
    const job = sandbox.store.get({group: 'batch', resource: 'jobs'}, 'shop', 'nightly-manual')!
    expect(job.metadata.annotations).toEqual({'cronjob.kubernetes.io/instantiate': 'manual'})
    expect(job.metadata.ownerReferences?.[0]).toMatchObject({kind: 'CronJob', name: 'nightly'})
  })

  test('kubectl 1.32 typed creates get a 415 (protobuf)', async () => {
    const result = await kubectl(['create', 'namespace', 'protobuf-test'])
    expect(result.code).not.toBe(0)
    expect(sandbox.store.get({group: '', resource: 'namespaces'}, undefined, 'protobuf-test')).toBeUndefined()
  })
})
