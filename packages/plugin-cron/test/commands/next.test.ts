import {RESOURCES} from '@kubeline/core'
import {runPlugin, startE2eCluster} from '@kubeline/sandbox/e2e'
import type {E2eCluster} from '@kubeline/sandbox/e2e'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {cronJob} from '../fixtures/cron-jobs.js'

let cluster: E2eCluster
beforeAll(async () => {
  cluster = await startE2eCluster()
})
afterAll(async () => cluster?.stop())

const cron = (args: string[], stdin?: string) =>
  runPlugin('kubectl-cron_trigger', args, {kubeconfig: cluster.kubeconfigPath, ...(stdin === undefined ? {} : {stdin})})

describe('cron-trigger next', () => {
  test('a schedule across the autumn DST change runs twice in the repeated hour', async () => {
    const run = await cron(['next', '--schedule', '30 1 * * *', '--time-zone', 'America/New_York', '--from', '2026-10-31T12:00:00Z', '--count', '3', '-o', 'json'])
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toEqual({
      apiVersion: 'kubeline.dev/v1alpha1',
      kind: 'NextRuns',
      schedule: '30 1 * * *',
      timeZone: 'America/New_York',
      from: '2026-10-31T12:00:00Z',
      runs: [
        {time: '2026-11-01T01:30:00-04:00', utc: '2026-11-01T05:30:00Z'},
        {time: '2026-11-01T01:30:00-05:00', utc: '2026-11-01T06:30:00Z'},
        {time: '2026-11-02T01:30:00-05:00', utc: '2026-11-02T06:30:00Z'},
      ],
    })
  })

  // As the API server writes times: whole seconds (the runs are on whole seconds anyway).
  test('--from is echoed in whole seconds, as Kubernetes writes times', async () => {
    const run = await cron(['next', '--schedule', '0 9 * * *', '--from', '2026-11-24T08:59:59.750Z', '--count', '1', '-o', 'json'])
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toMatchObject({from: '2026-11-24T08:59:59Z', runs: [{utc: '2026-11-24T09:00:00Z'}]})
  })

  test('piped stdin (a shell loop) is never read as the missing CronJob name', async () => {
    const run = await cron(['next', '--schedule', '0 9 * * *', '--from', '2026-11-24T00:00:00Z', '--count', '1', '-o', 'json'], 'nightly-report\n')
    expect(run).toMatchObject({code: 0, stderr: ''})
    expect(JSON.parse(run.stdout)).toMatchObject({schedule: '0 9 * * *', runs: [{utc: '2026-11-24T09:00:00Z'}]})
  })

  test("a CronJob's own schedule and zone are used", async () => {
    const ns = await cluster.createNamespace('next')
    await cluster.apply([cronJob('paris', {logLines: []}, {schedule: '0 9 * * 1-5', timeZone: 'Europe/Paris'})], ns)
    const run = await cron(['next', 'paris', '-n', ns, '--from', '2026-06-05T12:00:00Z', '--count', '2', '--no-headers'])
    expect(run.code).toBe(0)
    expect(run.stdout.split('\n').filter(Boolean).map((line) => line.split(/\s+/).slice(0, 3).join(' '))).toEqual([
      '1 2026-06-08T09:00:00+02:00 2026-06-08T07:00:00Z',
      '2 2026-06-09T09:00:00+02:00 2026-06-09T07:00:00Z',
    ])
  })

  test('an @every CronJob runs on the grid of its last run (here its creation), as the controller counts', async () => {
    const ns = await cluster.createNamespace('next-every')
    await cluster.apply([cronJob('every', {logLines: []}, {schedule: '@every 7m'})], ns)
    const created = Date.parse((await cluster.client.get(RESOURCES.cronjobs, 'every', {namespace: ns})).metadata.creationTimestamp as string)
    const from = new Date(created + 10 * 60_000).toISOString()
    const run = await cron(['next', 'every', '-n', ns, '--from', from, '--count', '1', '-o', 'json'])
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout).runs).toEqual([{time: expect.any(String), utc: new Date(created + 14 * 60_000).toISOString().replace('.000Z', 'Z')}])
  })

  test('a suspended CronJob gets its runs with a warning that none of them will start', async () => {
    const ns = await cluster.createNamespace('next-suspended')
    await cluster.apply([cronJob('paused', {logLines: []}, {suspend: true})], ns)
    const run = await cron(['next', 'paused', '-n', ns, '--count', '1'])
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^#\s+TIME/)
    expect(run.stderr).toBe('Warning: cronjob.batch/paused is suspended: the controller starts none of these runs until it is resumed\n')
  })

  test('a schedule that never runs within five years gives an empty list', async () => {
    const run = await cron(['next', '--schedule', '0 0 30 2 *', '-o', 'json'])
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout).runs).toEqual([])
  })

  test('a schedule that never runs within five years says so on stderr, not with an empty screen', async () => {
    const run = await cron(['next', '--schedule', '0 0 30 2 *'])
    expect(run).toMatchObject({code: 0, stdout: '', stderr: 'no run of "0 0 30 2 *" within five years\n'})
  })

  test.each([
    {args: ['next', '--schedule', '61 * * * *'], message: 'invalid schedule "61 * * * *"'},
    {args: ['next', '--schedule', '* * * * *', '--time-zone', 'Mars/Olympus'], message: 'Mars/Olympus'},
    {args: ['next', '--schedule', '* * * * *', '--from', 'yesterday'], message: 'invalid --from "yesterday"'},
    // Without an offset Date.parse would read the machine's zone; February 30 would become March 2.
    {args: ['next', '--schedule', '* * * * *', '--from', '2026-01-01T00:00:00'], message: 'invalid --from "2026-01-01T00:00:00"'},
    {args: ['next', '--schedule', '* * * * *', '--from', '2026-02-30T00:00:00Z'], message: 'invalid --from "2026-02-30T00:00:00Z"'},
    {args: ['next'], message: 'give either a CronJob name or --schedule'},
    {args: ['next', 'nightly', '--schedule', '0 2 * * *'], message: 'give either a CronJob name or --schedule'},
    {args: ['next', 'nightly', '--schedule', '@daily'], message: 'give either a CronJob name or --schedule'},
    {args: ['next', 'nightly', 'weekly'], message: 'one CronJob name at most, got 2: nightly weekly'},
    {args: ['next', '--schedule', '* * * * *', '--time-zone', 'UTC', '--controller-time-zone', 'Mars/Olympus'], message: 'invalid --controller-time-zone "Mars/Olympus"'},
  ])('bad input exits 2: $message', async ({args, message}) => {
    const run = await cron(args)
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(message)
  })

  // The shell splits an unquoted --schedule (and expands its stars into file names).
  test.each([
    {args: ['next', '--schedule', '0', '2', 'notes.txt', 'todo.md', '1'], message: 'got 5: 0 2 notes.txt todo.md 1'},
    {args: ['next', '--schedule=@every', '1h'], message: 'got 2: @every 1h'},
  ])('an unquoted --schedule exits 2 and says to quote it: $message', async ({args, message}) => {
    const run = await cron(args)
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(`error: the schedule must be one argument, ${message}`)
    expect(run.stderr).toContain("Quote it: kubectl cron-trigger next --schedule '0 2 * * 1'")
  })
})

describe('cron-trigger validate', () => {
  test.each([
    {schedule: '0 2 * * 1-5', code: 0},
    {schedule: '@every 1h30m', code: 0},
    {schedule: '*/15 9-17 * * mon-fri', code: 0},
    {schedule: '0 2 * * 7', code: 2, message: 'above maximum (6)'},
    {schedule: '0 0 L * *', code: 2, message: 'invalid schedule'},
    {schedule: 'TZ=UTC 0 2 * * *', code: 2, message: 'invalid schedule'},
    {schedule: '* * * * * *', code: 2, message: 'expected exactly 5 fields, found 6'},
  ])('$schedule -> exit $code', async ({schedule, code, message}) => {
    const run = await cron(['validate', schedule])
    expect(run.code).toBe(code)
    if (message) expect(run.stderr).toContain(message)
    else expect(run.stdout).toMatch(/^valid: /)
  })

  // The shell splits an unquoted schedule (and expands its stars into file names).
  test('-o json gives the next run in whole seconds, as Kubernetes writes times', async () => {
    const run = await cron(['validate', '0 2 * * *', '-o', 'json'])
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toMatchObject({kind: 'ScheduleValidation', valid: true, nextRun: expect.stringMatching(/T02:00:00Z$/)})
  })

  test('an unquoted schedule exits 2 and says to quote it', async () => {
    const run = await cron(['validate', '0', '2', 'notes.txt', 'todo.md', '1'])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('error: the schedule must be one argument, got 5: 0 2 notes.txt todo.md 1')
    expect(run.stderr).toContain("Quote it: kubectl cron-trigger validate '0 2 * * 1'")
  })
})

// Kubernetes 1.29+ refuses a TZ= prefix on create, so only the sandbox can hold such a CronJob now;
// clusters upgraded from older versions still have them, and the controller still runs them.
describe.runIf(process.env.KUBELINE_E2E_KUBECONFIG === undefined)('cron-trigger next and list (sandbox only)', () => {
  test('a CronJob stored with a CRON_TZ= prefix runs in that zone, as the controller runs it', async () => {
    const ns = await cluster.createNamespace('next-legacy-tz')
    await cluster.apply([cronJob('legacy', {logLines: []}, {schedule: 'CRON_TZ=Europe/Berlin 0 2 * * *'})], ns)
    const next = await cron(['next', 'legacy', '-n', ns, '--from', '2026-05-31T12:00:00Z', '--count', '1', '-o', 'json'])
    expect(next.code).toBe(0)
    expect(JSON.parse(next.stdout)).toMatchObject({timeZone: 'Europe/Berlin', runs: [{time: '2026-06-01T02:00:00+02:00', utc: '2026-06-01T00:00:00Z'}]})
    const list = await cron(['list', '-n', ns, '-o', 'json'])
    expect(list.code).toBe(0)
    expect(JSON.parse(list.stdout).items[0]).toMatchObject({name: 'legacy', nextRun: expect.stringMatching(/T0[01]:00:00Z$/)}) // 02:00 in Berlin, summer or winter
  })
})
