import {afterEach, describe, expect, test} from 'vitest'
import {SCHEDULED_TIMESTAMP_ANNOTATION} from './cronjob-controller.js'
import {CRON_JOBS, JOBS} from './resource-keys.js'
import type {ControllerHarness} from './test-support/controller-harness.js'
import {startControllerHarness} from './test-support/controller-harness.js'
import {NAMESPACE, cronJob} from './test-support/workload-builders.js'

let harness: ControllerHarness
afterEach(() => harness.stop())

const MINUTE = 60_000
const cronStatus = (name: string) => (harness.store.get(CRON_JOBS, NAMESPACE, name)?.status ?? {}) as Record<string, unknown>
const jobNames = () => harness.store.list(JOBS, NAMESPACE).map((j) => j.metadata.name).sort()
const minutesOf = (iso: string) => Date.parse(iso) / MINUTE
const quick = {'sandbox.kubeline.dev/duration': '1s'}

describe('scheduling', () => {
  test('fires only when the clock reaches a schedule time, with upstream name, annotation and owner', async () => {
    harness = await startControllerHarness()
    harness.store.create(CRON_JOBS, cronJob('sync', '*/5 * * * *', quick))
    await harness.clock.advance(5 * MINUTE - 1000)
    expect(jobNames()).toEqual([])

    await harness.clock.advance(1000)
    const name = `sync-${minutesOf('2026-03-02T10:05:00Z')}`
    expect(jobNames()).toEqual([name])
    const created = harness.store.get(JOBS, NAMESPACE, name)
    expect(created?.metadata.labels).toEqual({cron: 'sync'})
    expect(created?.metadata.annotations).toEqual({[SCHEDULED_TIMESTAMP_ANNOTATION]: '2026-03-02T10:05:00Z'})
    expect(created?.metadata.ownerReferences).toEqual([expect.objectContaining({kind: 'CronJob', name: 'sync', controller: true, blockOwnerDeletion: true})])
    expect(cronStatus('sync')).toMatchObject({lastScheduleTime: '2026-03-02T10:05:00Z', active: [expect.objectContaining({kind: 'Job', name})]})

    await harness.clock.advance(2000)
    expect(cronStatus('sync')).toEqual({lastScheduleTime: '2026-03-02T10:05:00Z', lastSuccessfulTime: '2026-03-02T10:05:01Z'})
  })

  test('reads the schedule in spec.timeZone and stamps the scheduled time in that zone', async () => {
    harness = await startControllerHarness()
    harness.store.create(CRON_JOBS, cronJob('tokyo', '0 9 * * *', quick, {timeZone: 'Asia/Tokyo'}))
    await harness.clock.advance(14 * 60 * MINUTE - MINUTE)
    expect(jobNames()).toEqual([])
    await harness.clock.advance(MINUTE)
    const [name] = jobNames()
    expect(name).toBe(`tokyo-${minutesOf('2026-03-03T00:00:00Z')}`)
    expect(harness.store.get(JOBS, NAMESPACE, name ?? '')?.metadata.annotations?.[SCHEDULED_TIMESTAMP_ANNOTATION]).toBe('2026-03-03T09:00:00+09:00')
  })

  test('does not catch up on runs missed before the controller started', async () => {
    const existing = cronJob('hourly', '0 * * * *', quick)
    existing.status = {lastScheduleTime: '2026-03-01T10:00:00Z'}
    harness = await startControllerHarness({start: '2026-03-02T10:30:00Z', existing: [[CRON_JOBS, existing]]})
    await harness.clock.advance(29 * MINUTE)
    expect(jobNames()).toEqual([])
    await harness.clock.advance(MINUTE)
    expect(jobNames()).toEqual([`hourly-${minutesOf('2026-03-02T11:00:00Z')}`])
  })

  test('a schedule the engine cannot read never fires and reports no errors', async () => {
    harness = await startControllerHarness()
    harness.store.create(CRON_JOBS, cronJob('broken', '@every 1m', quick))
    await harness.clock.advance(10 * MINUTE)
    expect(jobNames()).toEqual([])
  })

  test('a suspended CronJob creates nothing', async () => {
    harness = await startControllerHarness()
    harness.store.create(CRON_JOBS, cronJob('paused', '* * * * *', quick, {suspend: true}))
    await harness.clock.advance(10 * MINUTE)
    expect(jobNames()).toEqual([])
  })

  test('uses an injected nextScheduleTime instead of the built-in engine', async () => {
    harness = await startControllerHarness({nextScheduleTime: (_cronJob, after) => new Date(Math.floor(after.getTime() / 30_000) * 30_000 + 30_000)})
    harness.store.create(CRON_JOBS, cronJob('fast', 'ignored by the hook', quick))
    await harness.clock.advance(30_000)
    expect(cronStatus('fast').lastScheduleTime).toBe('2026-03-02T10:00:30Z')
  })
})

describe('history limits', () => {
  test('keeps successfulJobsHistoryLimit finished Jobs, newest first', async () => {
    harness = await startControllerHarness()
    harness.store.create(CRON_JOBS, cronJob('ok', '* * * * *', quick, {successfulJobsHistoryLimit: 2}))
    await harness.clock.advance(5 * MINUTE + 5000)
    expect(jobNames()).toEqual([`ok-${minutesOf('2026-03-02T10:04:00Z')}`, `ok-${minutesOf('2026-03-02T10:05:00Z')}`])
    expect(cronStatus('ok').lastSuccessfulTime).toBe('2026-03-02T10:05:01Z')
  })

  test('keeps failedJobsHistoryLimit failed Jobs (default 1)', async () => {
    harness = await startControllerHarness()
    harness.store.create(CRON_JOBS, cronJob('bad', '* * * * *', {...quick, 'sandbox.kubeline.dev/exit-code': '1'}))
    await harness.clock.advance(3 * MINUTE + 5000)
    expect(jobNames()).toEqual([`bad-${minutesOf('2026-03-02T10:03:00Z')}`])
    expect(cronStatus('bad').lastSuccessfulTime).toBeUndefined()
  })
})

describe('concurrencyPolicy', () => {
  const slow = {'sandbox.kubeline.dev/duration': '90s'}

  test('Forbid skips a run while one is active and starts it late once that finishes', async () => {
    harness = await startControllerHarness()
    harness.store.create(CRON_JOBS, cronJob('single', '* * * * *', slow, {concurrencyPolicy: 'Forbid'}))
    await harness.clock.advance(2 * MINUTE + 10_000)
    expect(jobNames()).toEqual([`single-${minutesOf('2026-03-02T10:01:00Z')}`])
    await harness.clock.advance(30_000)
    expect(jobNames()).toContain(`single-${minutesOf('2026-03-02T10:02:00Z')}`)
    expect((cronStatus('single').active as unknown[]).length).toBe(1)
  })

  test('Replace deletes the active run and starts the new one', async () => {
    harness = await startControllerHarness()
    harness.store.create(CRON_JOBS, cronJob('replace', '* * * * *', slow, {concurrencyPolicy: 'Replace'}))
    await harness.clock.advance(2 * MINUTE)
    expect(jobNames()).toEqual([`replace-${minutesOf('2026-03-02T10:02:00Z')}`])
  })

  test('Allow runs them side by side', async () => {
    harness = await startControllerHarness()
    harness.store.create(CRON_JOBS, cronJob('many', '* * * * *', slow))
    await harness.clock.advance(2 * MINUTE)
    expect(jobNames()).toHaveLength(2)
    expect((cronStatus('many').active as unknown[]).length).toBe(2)
  })
})
