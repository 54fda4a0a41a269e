import {afterEach, describe, expect, test} from 'vitest'
import type {KubeObject} from '../store/object-store.js'
import {JOBS, PODS} from './resource-keys.js'
import type {ControllerHarness} from './test-support/controller-harness.js'
import {startControllerHarness} from './test-support/controller-harness.js'
import {NAMESPACE, job} from './test-support/workload-builders.js'

let harness: ControllerHarness
afterEach(() => harness.stop())

const getJob = (name: string) => harness.store.get(JOBS, NAMESPACE, name)
const jobStatus = (name: string) => (getJob(name)?.status ?? {}) as Record<string, unknown>
const conditions = (name: string) => ((jobStatus(name).conditions ?? []) as {type: string; status: string; reason?: string}[]).map((c) => `${c.type}=${c.status}:${c.reason ?? ''}`)
const podsOf = (name: string) => harness.store.list(PODS, NAMESPACE).filter((p) => p.metadata.labels?.['job-name'] === name)
const phases = (pods: KubeObject[]) => pods.map((p) => (p.status as {phase: string}).phase)

describe('a Job that succeeds', () => {
  test('runs one pod for its duration, writes its log lines over time, then completes', async () => {
    harness = await startControllerHarness()
    harness.store.create(JOBS, job('report', {'sandbox.kubeline.dev/duration': '2s', 'sandbox.kubeline.dev/log': 'line 1\nline 2\nline 3\nline 4'}))
    await harness.clock.advance(100)
    const [pod] = podsOf('report')
    expect(pod?.metadata.labels).toMatchObject({'batch.kubernetes.io/job-name': 'report', 'controller-uid': getJob('report')?.metadata.uid})
    expect(pod?.metadata.ownerReferences?.[0]).toMatchObject({kind: 'Job', name: 'report', controller: true})
    expect(jobStatus('report')).toMatchObject({active: 1, startTime: '2026-03-02T10:00:00Z'})
    const logKey = `${NAMESPACE}/${pod?.metadata.name}/main`
    expect(harness.logs.lines.get(logKey)).toEqual(['line 1'])

    await harness.clock.advance(1000)
    expect(harness.logs.lines.get(logKey)).toEqual(['line 1', 'line 2', 'line 3'])
    expect(harness.logs.closed.has(logKey)).toBe(false)

    await harness.clock.advance(1000)
    expect(harness.logs.lines.get(logKey)).toHaveLength(4)
    expect(harness.logs.closed.has(logKey)).toBe(true)
    expect(phases(podsOf('report'))).toEqual(['Succeeded'])
    expect(jobStatus('report')).toMatchObject({succeeded: 1, ready: 0, completionTime: '2026-03-02T10:00:02Z'})
    expect(jobStatus('report').active).toBeUndefined()
    expect(conditions('report')).toEqual(['SuccessCriteriaMet=True:CompletionsReached', 'Complete=True:CompletionsReached'])
  })

  test('completions and parallelism: two at a time until four succeeded', async () => {
    harness = await startControllerHarness()
    harness.store.create(JOBS, job('batch', {'sandbox.kubeline.dev/duration': '1s'}, {completions: 4, parallelism: 2}))
    await harness.clock.advance(500)
    expect(jobStatus('batch')).toMatchObject({active: 2})
    await harness.clock.advance(1000)
    expect(jobStatus('batch')).toMatchObject({active: 2, succeeded: 2})
    await harness.clock.advance(1200)
    expect(jobStatus('batch')).toMatchObject({succeeded: 4})
    expect(podsOf('batch')).toHaveLength(4)
    expect(conditions('batch')).toContain('Complete=True:CompletionsReached')
  })

  test('ttlSecondsAfterFinished deletes the Job and its pods', async () => {
    harness = await startControllerHarness()
    harness.store.create(JOBS, job('short', {'sandbox.kubeline.dev/duration': '1s'}, {ttlSecondsAfterFinished: 30}))
    await harness.clock.advance(1500)
    expect(conditions('short')).toContain('Complete=True:CompletionsReached')
    await harness.clock.advance(29_000)
    expect(getJob('short')).toBeDefined()
    await harness.clock.advance(1000)
    expect(getJob('short')).toBeUndefined()
    expect(podsOf('short')).toEqual([])
  })
})

describe('a Job that fails', () => {
  test('retries with new pods and back-off, then fails with BackoffLimitExceeded', async () => {
    harness = await startControllerHarness()
    harness.store.create(JOBS, job('broken', {'sandbox.kubeline.dev/duration': '1s', 'sandbox.kubeline.dev/exit-code': '3'}, {backoffLimit: 2}))
    await harness.clock.advance(1200)
    expect(phases(podsOf('broken'))).toEqual(['Failed'])
    const terminated = (podsOf('broken')[0]?.status as {containerStatuses: {state: {terminated: unknown}}[]}).containerStatuses[0]?.state.terminated
    expect(terminated).toMatchObject({exitCode: 3, reason: 'Error'})
    expect(jobStatus('broken')).toMatchObject({failed: 1})
    // The failure is recorded at whole seconds (10:00:01), and the first back-off is jobBackoffBaseMs (1s).
    await harness.clock.advance(700)
    expect(podsOf('broken')).toHaveLength(1)
    await harness.clock.advance(200)
    expect(podsOf('broken')).toHaveLength(2)
    await harness.clock.advance(10_000)
    expect(phases(podsOf('broken'))).toEqual(['Failed', 'Failed', 'Failed'])
    expect(jobStatus('broken')).toMatchObject({failed: 3})
    expect(jobStatus('broken').completionTime).toBeUndefined()
    expect(conditions('broken')).toEqual(['FailureTarget=True:BackoffLimitExceeded', 'Failed=True:BackoffLimitExceeded'])
  })

  test('fail-attempts fails the first attempts and then succeeds', async () => {
    harness = await startControllerHarness()
    harness.store.create(JOBS, job('flaky', {'sandbox.kubeline.dev/duration': '1s', 'sandbox.kubeline.dev/fail-attempts': '2'}, {backoffLimit: 3}))
    await harness.clock.advance(20_000)
    expect(phases(podsOf('flaky'))).toEqual(['Failed', 'Failed', 'Succeeded'])
    expect(jobStatus('flaky')).toMatchObject({failed: 2, succeeded: 1})
    expect(conditions('flaky')).toContain('Complete=True:CompletionsReached')
  })

  test('activeDeadlineSeconds stops the running pod and fails with DeadlineExceeded', async () => {
    harness = await startControllerHarness()
    harness.store.create(JOBS, job('slow', {'sandbox.kubeline.dev/duration': '1m'}, {activeDeadlineSeconds: 5}))
    await harness.clock.advance(4000)
    expect(podsOf('slow')).toHaveLength(1)
    await harness.clock.advance(1000)
    expect(podsOf('slow')).toEqual([])
    expect(conditions('slow')).toEqual(['FailureTarget=True:DeadlineExceeded', 'Failed=True:DeadlineExceeded'])
    expect(jobStatus('slow')).toMatchObject({failed: 1})
  })
})

test('a suspended Job runs nothing until resumed, and its start time is reset', async () => {
  harness = await startControllerHarness()
  harness.store.create(JOBS, job('later', {'sandbox.kubeline.dev/duration': '1s'}, {suspend: true}))
  await harness.clock.advance(5000)
  expect(podsOf('later')).toEqual([])
  expect(conditions('later')).toEqual(['Suspended=True:JobSuspended'])
  const suspended = getJob('later')!
  harness.store.update(JOBS, {...suspended, spec: {...(suspended.spec as object), suspend: false}})
  await harness.clock.advance(100)
  expect(jobStatus('later')).toMatchObject({active: 1, startTime: '2026-03-02T10:00:05Z'})
  expect(conditions('later')).toEqual(['Suspended=False:JobResumed'])
  await harness.clock.advance(2000)
  expect(conditions('later')).toContain('Complete=True:CompletionsReached')
})

test('a Job suspended while running loses its active pods', async () => {
  harness = await startControllerHarness()
  harness.store.create(JOBS, job('running', {'sandbox.kubeline.dev/duration': '1m'}))
  await harness.clock.advance(1000)
  const current = getJob('running')!
  harness.store.update(JOBS, {...current, spec: {...(current.spec as object), suspend: true}})
  await harness.clock.advance(100)
  expect(podsOf('running')).toEqual([])
  expect(jobStatus('running').active).toBeUndefined()
})
