import {afterEach, expect, test} from 'vitest'
import {eventually} from '../test-support/sandbox-client.js'
import {runKubectl} from '../test-support/run-kubectl.js'
import type {Sandbox} from './start-sandbox.js'
import {startSandbox} from './start-sandbox.js'

let running: Sandbox | undefined
afterEach(() => running?.stop())

const deployments = {group: 'apps', resource: 'deployments'}
const pods = {group: '', resource: 'pods'}

/** A sandbox with running controllers at 20x speed, holding one object in the default namespace. */
async function sandboxWith(kind: string, apiVersion: string, spec: Record<string, unknown>): Promise<Sandbox> {
  running = await startSandbox({timeScale: 20, objects: [{apiVersion, kind, metadata: {name: kind === 'Job' ? 'report' : 'web', namespace: 'default'}, spec}]})
  return running
}

test('the controllers run on the sandbox store: a Deployment becomes ready and `kubectl scale` converges', async () => {
  const sandbox = await sandboxWith('Deployment', 'apps/v1', {
    replicas: 2,
    selector: {matchLabels: {app: 'web'}},
    template: {metadata: {labels: {app: 'web'}}, spec: {containers: [{name: 'web', image: 'nginx'}]}},
  })
  const readyReplicas = () => (sandbox.store.get(deployments, 'default', 'web')?.status as {readyReplicas?: number} | undefined)?.readyReplicas
  await eventually(() => readyReplicas() === 2, 10_000)
  await runKubectl(sandbox.kubeconfigPath, ['scale', 'deployment', 'web', '--replicas=3'])
  await eventually(() => readyReplicas() === 3, 10_000)
  expect(sandbox.store.list(pods, 'default').filter((pod) => pod.metadata.labels?.app === 'web')).toHaveLength(3)
})

test('a Job pod writes its log lines where `kubectl logs` reads them', async () => {
  const sandbox = await sandboxWith('Job', 'batch/v1', {
    template: {
      metadata: {annotations: {'sandbox.kubeline.dev/log': 'starting\nfinished'}},
      spec: {restartPolicy: 'Never', containers: [{name: 'report', image: 'report:1'}]},
    },
  })
  const podName = () => sandbox.store.list(pods, 'default')[0]?.metadata.name
  await eventually(() => podName() !== undefined, 10_000)
  const phase = () => (sandbox.store.get(pods, 'default', podName()!)?.status as {phase?: string}).phase
  await eventually(() => phase() === 'Succeeded', 10_000)
  const logs = await runKubectl(sandbox.kubeconfigPath, ['logs', podName()!])
  expect(logs.stdout).toBe('starting\nfinished\n')
})
