import {afterEach, expect, test} from 'vitest'
import type {KubeObject} from '../store/object-store.js'
import {PODS} from './resource-keys.js'
import type {ControllerHarness} from './test-support/controller-harness.js'
import {startControllerHarness} from './test-support/controller-harness.js'
import {NAMESPACE} from './test-support/workload-builders.js'

let harness: ControllerHarness
afterEach(() => harness.stop())

function pod(name: string, options: {annotations?: Record<string, string>; containers?: string[]; status?: object; nodeName?: string; restartPolicy?: string} = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {name, namespace: NAMESPACE, ...(options.annotations ? {annotations: options.annotations} : {})},
    spec: {
      ...(options.nodeName ? {nodeName: options.nodeName} : {}),
      ...(options.restartPolicy ? {restartPolicy: options.restartPolicy} : {}),
      containers: (options.containers ?? ['app']).map((name) => ({name, image: 'busybox'})),
    },
    ...(options.status ? {status: options.status} : {}),
  }
}
const podStatus = (name: string) => (harness.store.get(PODS, NAMESPACE, name)?.status ?? {}) as Record<string, unknown>

test('a bare pod is placed, started after its start delay and given an address that no other pod has', async () => {
  const fixturePod = pod('fixture', {status: {phase: 'Running', podIP: '10.200.0.1'}})
  harness = await startControllerHarness({existing: [[PODS, fixturePod]]})
  harness.store.create(PODS, pod('slow', {annotations: {'sandbox.kubeline.dev/start-delay': '3s'}}))
  await harness.clock.advance(2900)
  expect(podStatus('slow').phase).toBeUndefined()
  await harness.clock.advance(100)
  expect(podStatus('slow')).toMatchObject({phase: 'Running', podIP: '10.200.0.2', hostIP: '192.168.49.2', qosClass: 'BestEffort'})
  expect((harness.store.get(PODS, NAMESPACE, 'slow')?.spec as {nodeName: string}).nodeName).toBe('sandbox-node')
})

test('a pod keeps the node it names', async () => {
  harness = await startControllerHarness()
  harness.store.create(PODS, pod('pinned', {nodeName: 'special'}))
  await harness.clock.advance(200)
  expect((harness.store.get(PODS, NAMESPACE, 'pinned')?.spec as {nodeName: string}).nodeName).toBe('special')
  expect(podStatus('pinned').phase).toBe('Running')
})

test('each container gets its own log lines; a long-running pod writes them at start and keeps the stream open', async () => {
  harness = await startControllerHarness()
  harness.store.create(PODS, pod('multi', {containers: ['web', 'sidecar'], annotations: {'sandbox.kubeline.dev/log': 'serving', 'sandbox.kubeline.dev/log-sidecar': 'proxy up\nproxy ready'}}))
  await harness.clock.advance(200)
  expect(harness.logs.lines.get(`${NAMESPACE}/multi/web`)).toEqual(['serving'])
  expect(harness.logs.lines.get(`${NAMESPACE}/multi/sidecar`)).toEqual(['proxy up', 'proxy ready'])
  expect(harness.logs.closed.size).toBe(0)
})

test('pods that were already running when the controller started have their logs replayed once', async () => {
  const running = pod('old', {annotations: {'sandbox.kubeline.dev/log': 'a\nb'}, status: {phase: 'Running', podIP: '10.1.0.5'}})
  const done = pod('done', {restartPolicy: 'Never', annotations: {'sandbox.kubeline.dev/log': 'finished'}, status: {phase: 'Succeeded'}})
  harness = await startControllerHarness({existing: [[PODS, running], [PODS, done]]})
  await harness.clock.advance(1000)
  expect(harness.logs.lines.get(`${NAMESPACE}/old/app`)).toEqual(['a', 'b'])
  expect(harness.logs.lines.get(`${NAMESPACE}/done/app`)).toEqual(['finished'])
  expect([...harness.logs.closed]).toEqual([`${NAMESPACE}/done/app`])
  expect(podStatus('old').podIP).toBe('10.1.0.5')
})

test('deleting a running pod closes its log streams', async () => {
  harness = await startControllerHarness()
  harness.store.create(PODS, pod('gone', {annotations: {'sandbox.kubeline.dev/log': 'hello'}}))
  await harness.clock.advance(200)
  harness.store.delete(PODS, NAMESPACE, 'gone')
  await harness.clock.advance(1)
  expect([...harness.logs.closed]).toEqual([`${NAMESPACE}/gone/app`])
})
