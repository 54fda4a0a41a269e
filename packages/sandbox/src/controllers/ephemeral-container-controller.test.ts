import {afterEach, expect, test} from 'vitest'
import type {KubeObject} from '../store/object-store.js'
import type {ContainerProgram} from './container-program.js'
import {envValue} from './container-program.js'
import {PODS} from './resource-keys.js'
import type {ControllerHarness} from './test-support/controller-harness.js'
import {startControllerHarness} from './test-support/controller-harness.js'
import {NAMESPACE} from './test-support/workload-builders.js'

let harness: ControllerHarness
afterEach(() => harness.stop())

/** Echoes its GREETING env var and exits with EXIT_CODE; knows nothing else. */
const echoProgram: ContainerProgram = (_pod, container) => {
  const greeting = envValue(container, 'GREETING')
  return greeting === undefined ? undefined : {lines: [greeting, 'bye'], exitCode: Number(envValue(container, 'EXIT_CODE') ?? 0)}
}

const pod = (name: string, status?: object): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {name, namespace: NAMESPACE},
  spec: {containers: [{name: 'app', image: 'app:1'}]},
  ...(status ? {status} : {}),
})
const debugger_ = (name: string, env: Record<string, string> = {}) => ({name, image: 'busybox', env: Object.entries(env).map(([key, value]) => ({name: key, value}))})

function addEphemeral(name: string, ...containers: object[]): void {
  const current = harness.store.get(PODS, NAMESPACE, name)!
  const existing = (current.spec as {ephemeralContainers?: object[]}).ephemeralContainers ?? []
  harness.store.update(PODS, {...current, spec: {...(current.spec as object), ephemeralContainers: [...existing, ...containers]}})
}
const statuses = (name: string) => ((harness.store.get(PODS, NAMESPACE, name)?.status as {ephemeralContainerStatuses?: {name: string; state: Record<string, Record<string, unknown>>}[]})?.ephemeralContainerStatuses ?? [])
const stateOf = (pod: string, container: string) => statuses(pod).find((s) => s.name === container)?.state

test('an ephemeral container waits, runs, and ends when its program ends, with its log lines', async () => {
  harness = await startControllerHarness({ephemeralContainerProgram: echoProgram})
  harness.store.create(PODS, pod('web'))
  await harness.clock.advance(100)
  addEphemeral('web', debugger_('probe', {GREETING: 'hello', EXIT_CODE: '3'}))
  await harness.clock.advance(0)
  expect(statuses('web')).toEqual([{name: 'probe', image: 'busybox', imageID: '', ready: false, restartCount: 0, state: {waiting: {reason: 'ContainerCreating'}}}])
  await harness.clock.advance(99)
  expect(stateOf('web', 'probe')).toEqual({waiting: {reason: 'ContainerCreating'}})
  await harness.clock.advance(1)
  expect(stateOf('web', 'probe')).toEqual({
    terminated: {exitCode: 3, reason: 'Error', startedAt: '2026-03-02T10:00:00Z', finishedAt: '2026-03-02T10:00:00Z'},
  })
  expect(statuses('web')[0]).toMatchObject({containerID: expect.stringMatching(/^containerd:\/\/[0-9a-f]{64}$/)})
  expect(harness.logs.lines.get(`${NAMESPACE}/web/probe`)).toEqual(['hello', 'bye'])
  expect(harness.logs.closed.has(`${NAMESPACE}/web/probe`)).toBe(true)
  // The pod's own containers are untouched.
  expect((harness.store.get(PODS, NAMESPACE, 'web')!.status as {phase: string}).phase).toBe('Running')
})

test('exit code 0 is Completed; a second container added later starts on its own', async () => {
  harness = await startControllerHarness({ephemeralContainerProgram: echoProgram})
  harness.store.create(PODS, pod('web'))
  await harness.clock.advance(100)
  addEphemeral('web', debugger_('first', {GREETING: 'one'}))
  await harness.clock.advance(100)
  addEphemeral('web', debugger_('second', {GREETING: 'two'}))
  await harness.clock.advance(100)
  expect(statuses('web').map((s) => [s.name, s.state.terminated?.reason])).toEqual([['first', 'Completed'], ['second', 'Completed']])
  expect(harness.logs.lines.get(`${NAMESPACE}/web/second`)).toEqual(['two', 'bye'])
})

test('an unknown program keeps running until the pod is deleted, when its log ends', async () => {
  harness = await startControllerHarness({ephemeralContainerProgram: echoProgram})
  harness.store.create(PODS, pod('web'))
  await harness.clock.advance(100)
  addEphemeral('web', debugger_('shell'))
  await harness.clock.advance(10_000)
  expect(stateOf('web', 'shell')).toEqual({running: {startedAt: '2026-03-02T10:00:00Z'}})
  expect(harness.logs.closed.size).toBe(0)
  harness.store.delete(PODS, NAMESPACE, 'web')
  await harness.clock.advance(0)
  expect([...harness.logs.closed]).toContain(`${NAMESPACE}/web/shell`)
})

test('ephemeral containers of a pod that is not Running wait for it; of a finished pod never start', async () => {
  harness = await startControllerHarness({ephemeralContainerProgram: echoProgram})
  harness.store.create(PODS, {...pod('slow'), metadata: {name: 'slow', namespace: NAMESPACE, annotations: {'sandbox.kubeline.dev/start-delay': '1s'}}})
  harness.store.create(PODS, pod('done', {phase: 'Succeeded'}))
  await harness.clock.advance(0)
  addEphemeral('slow', debugger_('probe', {GREETING: 'late'}))
  addEphemeral('done', debugger_('probe', {GREETING: 'never'}))
  await harness.clock.advance(500)
  expect(statuses('slow')).toEqual([])
  await harness.clock.advance(550)
  expect(stateOf('slow', 'probe')).toEqual({waiting: {reason: 'ContainerCreating'}})
  await harness.clock.advance(50)
  expect(stateOf('slow', 'probe')?.terminated).toMatchObject({exitCode: 0})
  expect(statuses('done')).toEqual([])
  expect(harness.logs.lines.has(`${NAMESPACE}/done/probe`)).toBe(false)
})

test('without a program option every ephemeral container runs forever', async () => {
  harness = await startControllerHarness()
  harness.store.create(PODS, pod('web'))
  await harness.clock.advance(100)
  addEphemeral('web', debugger_('probe', {GREETING: 'hello'}))
  await harness.clock.advance(1000)
  expect(Object.keys(stateOf('web', 'probe') ?? {})).toEqual(['running'])
})
