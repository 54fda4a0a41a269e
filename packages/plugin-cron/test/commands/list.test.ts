import {runPlugin, startE2eCluster} from '@kubeline/sandbox/e2e'
import type {E2eCluster} from '@kubeline/sandbox/e2e'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {cronJob} from '../fixtures/cron-jobs.js'

let cluster: E2eCluster
beforeAll(async () => {
  cluster = await startE2eCluster()
})
afterAll(async () => cluster?.stop())

const cron = (args: string[]) => runPlugin('kubectl-cron_trigger', args, {kubeconfig: cluster.kubeconfigPath, timeoutMs: 120_000})

describe('cron-trigger list, history, suspend, resume', () => {
  test('list shows schedules, zones and the last Job failing; JSON is the CronJobList contract', async () => {
    const ns = await cluster.createNamespace('list')
    await cluster.apply(
      [
        cronJob('ok', {logLines: ['fine']}, {schedule: '0 3 * * *'}),
        cronJob('flaky', {logLines: ['boom'], exitCode: 1}, {schedule: '30 2 * * *', timeZone: 'Europe/Berlin'}),
      ],
      ns,
    )
    expect((await cron(['now', 'flaky', '-n', ns, '--wait'])).code).toBe(3)
    const table = await cron(['list', '-n', ns])
    expect(table.code).toBe(0)
    const lines = table.stdout.trim().split('\n')
    expect(lines[0]).toMatch(/^NAME\s+SCHEDULE\s+TIMEZONE\s+SUSPEND\s+ACTIVE\s+LAST SCHEDULE\s+LAST SUCCESS\s+NEXT RUN\s+WARNINGS$/)
    expect(lines[1]).toMatch(/^flaky\s+30 2 \* \* \*\s+Europe\/Berlin\s+False\s+0\s+<none>\s+<none>\s+\S+Z \(in [^)]+\)\s+RunsTwiceAtDst,SkippedAtDst,LastJobFailed$/)
    expect(lines[2]).toMatch(/^ok\s+0 3 \* \* \*\s+<none>\s+False\s+0\s+<none>\s+<none>\s+\S+T03:00:00Z/)
    const json = JSON.parse((await cron(['list', '-n', ns, '-o', 'json'])).stdout)
    expect(json).toMatchObject({apiVersion: 'kubeline.dev/v1alpha1', kind: 'CronJobList'})
    expect(json.items.map((item: {name: string}) => item.name)).toEqual(['flaky', 'ok'])
    expect(json.items[0]).toMatchObject({
      namespace: ns,
      schedule: '30 2 * * *',
      timeZone: 'Europe/Berlin',
      suspended: false,
      active: 0,
      nextRun: expect.stringMatching(/T0[01]:30:00Z$/), // 02:30 in Berlin, summer or winter
      warnings: expect.arrayContaining([{kind: 'LastJobFailed', message: expect.stringContaining('BackoffLimitExceeded')}]),
    })
  })

  test('the order is by code unit, as kubectl lists, whatever the locale (Danish sorts "aa" after "z")', async () => {
    const ns = await cluster.createNamespace('order')
    await cluster.apply([cronJob('zz-report', {logLines: []}), cronJob('aa-backup', {logLines: []}), cronJob('ab-sync', {logLines: []})], ns)
    const danish = await runPlugin('kubectl-cron_trigger', ['list', '-n', ns, '-o', 'json'], {kubeconfig: cluster.kubeconfigPath, env: {LC_ALL: 'da_DK.UTF-8'}})
    expect(danish.code).toBe(0)
    expect(JSON.parse(danish.stdout).items.map((item: {name: string}) => item.name)).toEqual(['aa-backup', 'ab-sync', 'zz-report'])
  })

  test('history lists manual and scheduled runs with their result', async () => {
    const ns = await cluster.createNamespace('hist')
    await cluster.apply([cronJob('report', {logLines: ['x']})], ns)
    expect((await cron(['now', 'report', '-n', ns, '--wait'])).code).toBe(0)
    const run = await cron(['history', 'report', '-n', ns, '-o', 'json'])
    expect(run.code).toBe(0)
    const doc = JSON.parse(run.stdout)
    expect(doc).toMatchObject({kind: 'CronJobHistory', cronJob: {namespace: ns, name: 'report'}})
    expect(doc.jobs).toEqual([expect.objectContaining({trigger: 'manual', result: 'Succeeded', name: expect.stringMatching(/^report-manual-/)})])
  })

  test('suspend then resume patch spec.suspend once each; repeats are no-ops; dry runs change nothing', async () => {
    const ns = await cluster.createNamespace('susp')
    await cluster.apply([cronJob('a', {logLines: []}), cronJob('b', {logLines: []})], ns)
    expect((await cron(['suspend', '-l', 'tier=batch', '-n', ns, '--dry-run=server'])).stdout).toBe(
      'cronjob.batch/a suspended (dry run: server)\ncronjob.batch/b suspended (dry run: server)\n',
    )
    expect(JSON.parse((await cron(['list', '-n', ns, '-o', 'json'])).stdout).items.map((i: {suspended: boolean}) => i.suspended)).toEqual([false, false])
    expect((await cron(['suspend', 'a', '-n', ns])).stdout).toBe('cronjob.batch/a suspended\n')
    expect((await cron(['suspend', 'a', '-n', ns])).stdout).toBe('cronjob.batch/a unchanged\n')
    expect(JSON.parse((await cron(['list', '-n', ns, '-o', 'json'])).stdout).items.map((i: {suspended: boolean}) => i.suspended)).toEqual([true, false])
    expect((await cron(['resume', 'a', '-n', ns, '-o', 'name'])).stdout).toBe('cronjob.batch/a\n')
    expect(JSON.parse((await cron(['list', '-n', ns, '-o', 'json'])).stdout).items.map((i: {suspended: boolean}) => i.suspended)).toEqual([false, false])
  })

  test('a bad --controller-time-zone exits 2 naming the flag, rather than flagging every CronJob', async () => {
    const ns = await cluster.createNamespace('ctz')
    await cluster.apply([cronJob('ok', {logLines: []})], ns)
    const run = await cron(['list', '-n', ns, '--controller-time-zone', 'Mars/Olympus'])
    expect(run).toMatchObject({code: 2, stdout: ''})
    expect(run.stderr).toContain('invalid --controller-time-zone "Mars/Olympus": unknown time zone Mars/Olympus')
  })

  test('names and -l together are refused (exit 2)', async () => {
    const run = await cron(['suspend', 'a', '-l', 'tier=batch'])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('name cannot be provided when a selector is specified')
  })
})
