import {connect} from '@kubeline/core'
import type {KubeObject} from '@kubeline/core'
import {startSandbox} from '@kubeline/sandbox'
import type {Sandbox} from '@kubeline/sandbox'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {listCronJobs} from './list-cron-jobs.js'

// 1,100 CronJobs are three pages of 500 and 601 Jobs two: the service must send one request per page,
// and match Jobs to CronJobs across pages.
const CRON_JOBS = 1100
const CRON_JOBS_WITH_JOBS = 300
const now = new Date('2026-03-07T12:00:00Z')

const cronJob = (index: number): KubeObject => ({
  apiVersion: 'batch/v1',
  kind: 'CronJob',
  metadata: {name: `cron-${index}`, namespace: index % 2 ? 'a' : 'b', uid: `uid-${index}`, labels: {parity: index % 2 ? 'odd' : 'even'}},
  spec: {schedule: index % 3 ? '0 2 * * *' : '*/5 * * * *', timeZone: index % 4 ? undefined : 'Europe/Berlin', jobTemplate: {spec: {}}},
  status: {lastScheduleTime: '2026-03-07T02:00:00Z'},
})

const job = (index: number, run: number, startTime: string, outcome: 'Complete' | 'Failed', controller = true): KubeObject => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: {
    name: `cron-${index}-${run}`,
    namespace: index % 2 ? 'a' : 'b',
    ownerReferences: [{apiVersion: 'batch/v1', kind: 'CronJob', name: `cron-${index}`, uid: `uid-${index}`, controller}],
  },
  spec: {template: {spec: {containers: []}}},
  status: {startTime, conditions: [{type: outcome, status: 'True', reason: outcome === 'Failed' ? 'BackoffLimitExceeded' : 'CompletionsReached'}]},
})

/** The later Job of cron-i failed when i is even; the earlier one when i is a multiple of 3. */
function jobsOf(index: number): KubeObject[] {
  return [
    job(index, 2, '2026-03-07T02:00:00Z', index % 2 ? 'Complete' : 'Failed'),
    job(index, 1, '2026-03-06T02:00:00Z', index % 3 ? 'Complete' : 'Failed'),
  ]
}

let sandbox: Sandbox
beforeAll(async () => {
  const cronJobs = Array.from({length: CRON_JOBS}, (_, index) => cronJob(index))
  const jobs = Array.from({length: CRON_JOBS_WITH_JOBS}, (_, index) => jobsOf(index)).flat()
  // A failed Job that names the CronJob as owner but not as its controller does not count.
  jobs.push(job(CRON_JOBS - 1, 3, '2026-03-07T03:00:00Z', 'Failed', false))
  sandbox = await startSandbox({fixture: [...cronJobs, ...jobs], controllers: false})
})
afterAll(async () => sandbox?.stop())

describe('listCronJobs', () => {
  test('one request per page of each list; Jobs matched to their CronJob across pages', async () => {
    const kube = await connect({kubeconfig: sandbox.kubeconfigPath, env: {}})
    sandbox.requests.clear()
    const items = await listCronJobs(kube, {allNamespaces: true, now})
    expect(Object.fromEntries(sandbox.requests.counts().map(({verb, resource, count}) => [`${verb} ${resource}`, count]))).toEqual({
      'list cronjobs': Math.ceil(CRON_JOBS / 500),
      'list jobs': Math.ceil((2 * CRON_JOBS_WITH_JOBS + 1) / 500),
    })
    expect(items).toHaveLength(CRON_JOBS)
    const failed = items.filter((item) => item.warnings.some((warning) => warning.kind === 'LastJobFailed')).map((item) => item.name)
    const expected = Array.from({length: CRON_JOBS_WITH_JOBS}, (_, index) => index).filter((index) => index % 2 === 0)
    expect(failed.sort()).toEqual(expected.map((index) => `cron-${index}`).sort())
    expect(items.find((item) => item.name === 'cron-0')?.warnings.at(-1)).toEqual({
      kind: 'LastJobFailed',
      message: 'last Job cron-0-2 failed: BackoffLimitExceeded',
    })
  })

  test('sorted by namespace, then name; the selector is the server’s', async () => {
    const kube = await connect({kubeconfig: sandbox.kubeconfigPath, env: {}})
    const items = await listCronJobs(kube, {allNamespaces: true, selector: 'parity=odd', now})
    expect(items).toHaveLength(CRON_JOBS / 2)
    expect(items.every((item) => item.namespace === 'a')).toBe(true)
    const names = items.map((item) => item.name)
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)))
    expect(names.slice(0, 3)).toEqual(['cron-1', 'cron-1001', 'cron-1003'])
  })
})
