import {afterEach, expect, test} from 'vitest'
import type {KubeObject} from '../store/object-store.js'
import {PODS} from './resource-keys.js'
import type {ControllerHarness} from './test-support/controller-harness.js'
import {startControllerHarness} from './test-support/controller-harness.js'
import {NAMESPACE} from './test-support/workload-builders.js'

let harness: ControllerHarness
afterEach(() => harness.stop())

interface PodOptions {
  annotations?: Record<string, string>
  initContainers?: {name: string; restartPolicy?: string}[]
  containers?: string[]
  status?: object
  nodeName?: string
  restartPolicy?: string
}

function pod(name: string, options: PodOptions = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {name, namespace: NAMESPACE, ...(options.annotations ? {annotations: options.annotations} : {})},
    spec: {
      ...(options.nodeName ? {nodeName: options.nodeName} : {}),
      ...(options.restartPolicy ? {restartPolicy: options.restartPolicy} : {}),
      ...(options.initContainers ? {initContainers: options.initContainers.map((c) => ({...c, image: 'busybox'}))} : {}),
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

interface InitContainerStatus {
  name: string
  ready: boolean
  started: boolean
  state: {running?: {startedAt: string}; terminated?: {exitCode: number; reason: string; startedAt: string; finishedAt: string}}
}
const initStatuses = (name: string) => (podStatus(name).initContainerStatuses ?? []) as InitContainerStatus[]

test('init containers have finished when the pod starts: their log is written and ends, their status is terminated Completed', async () => {
  harness = await startControllerHarness()
  const annotations = {'sandbox.kubeline.dev/log-migrate': 'migrating\nmigrated', 'sandbox.kubeline.dev/duration': '2s'}
  harness.store.create(PODS, pod('job-pod', {restartPolicy: 'Never', initContainers: [{name: 'migrate'}, {name: 'warm-cache'}], annotations}))
  await harness.clock.advance(100)
  expect(harness.logs.lines.get(`${NAMESPACE}/job-pod/migrate`)).toEqual(['migrating', 'migrated'])
  expect([...harness.logs.closed].sort()).toEqual([`${NAMESPACE}/job-pod/migrate`, `${NAMESPACE}/job-pod/warm-cache`])
  const completed = {terminated: {exitCode: 0, reason: 'Completed', startedAt: '2026-03-02T10:00:00Z', finishedAt: '2026-03-02T10:00:00Z'}}
  expect(initStatuses('job-pod')).toMatchObject([
    {name: 'migrate', ready: true, started: false, state: completed},
    {name: 'warm-cache', ready: true, started: false, state: completed},
  ])
  await harness.clock.advance(2000)
  expect(podStatus('job-pod').phase).toBe('Succeeded')
  expect(initStatuses('job-pod').map((s) => s.state)).toEqual([completed, completed])
})

test('a native sidecar (an init container with restartPolicy Always) runs until the pod ends, and so does its log', async () => {
  harness = await startControllerHarness()
  const sidecarPod = pod('with-proxy', {restartPolicy: 'Never', initContainers: [{name: 'proxy', restartPolicy: 'Always'}], annotations: {'sandbox.kubeline.dev/duration': '2s'}})
  harness.store.create(PODS, sidecarPod)
  await harness.clock.advance(100)
  expect(initStatuses('with-proxy')).toMatchObject([{name: 'proxy', ready: true, started: true, state: {running: {startedAt: '2026-03-02T10:00:00Z'}}}])
  expect(harness.logs.closed.size).toBe(0)
  await harness.clock.advance(2000)
  expect(podStatus('with-proxy').phase).toBe('Succeeded')
  expect(initStatuses('with-proxy')).toMatchObject([{name: 'proxy', ready: false, started: false, state: {terminated: {exitCode: 0, reason: 'Completed'}}}])
  expect([...harness.logs.closed].sort()).toEqual([`${NAMESPACE}/with-proxy/app`, `${NAMESPACE}/with-proxy/proxy`])
})

test('a long-running pod ends the logs of its init containers at start and of its sidecars when it is deleted', async () => {
  harness = await startControllerHarness()
  harness.store.create(PODS, pod('server', {initContainers: [{name: 'setup'}, {name: 'proxy', restartPolicy: 'Always'}]}))
  await harness.clock.advance(100_000)
  expect([...harness.logs.closed]).toEqual([`${NAMESPACE}/server/setup`])
  harness.store.delete(PODS, NAMESPACE, 'server')
  await harness.clock.advance(1)
  expect([...harness.logs.closed].sort()).toEqual([`${NAMESPACE}/server/app`, `${NAMESPACE}/server/proxy`, `${NAMESPACE}/server/setup`])
})

test('a fixture pod that already finished has the logs of all its containers ended, init containers included', async () => {
  const done = pod('done', {restartPolicy: 'Never', initContainers: [{name: 'setup'}], annotations: {'sandbox.kubeline.dev/log-setup': 'ready'}, status: {phase: 'Succeeded'}})
  harness = await startControllerHarness({existing: [[PODS, done]]})
  expect(harness.logs.lines.get(`${NAMESPACE}/done/setup`)).toEqual(['ready'])
  expect([...harness.logs.closed].sort()).toEqual([`${NAMESPACE}/done/app`, `${NAMESPACE}/done/setup`])
})
