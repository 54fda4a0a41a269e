import {runDirectAndThroughOclif, startE2eCluster} from '@kubeline/sandbox/e2e'
import type {E2eCluster} from '@kubeline/sandbox/e2e'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {cronJob} from '../fixtures/cron-jobs.js'

// `list` runs without oclif when every flag is one its direct run takes (src/direct.ts,
// docs/performance.md). Whatever path it takes, the user must see the same bytes and exit code.
let cluster: E2eCluster
let ns: string
let empty: string
beforeAll(async () => {
  cluster = await startE2eCluster()
  ns = await cluster.createNamespace('direct')
  empty = await cluster.createNamespace('direct-empty')
  await cluster.apply([cronJob('nightly', {logLines: ['ok']}, {schedule: '0 3 * * *'}), cronJob('berlin', {logLines: ['ok']}, {schedule: '30 2 * * *', timeZone: 'Europe/Berlin'})], ns)
}, 60_000)
afterAll(async () => cluster?.stop())

// The NEXT RUN column says how far off the run is ("in 5h3m"): a minute may tick between the two runs.
const withoutCountdown = (text: string) => text.replaceAll(/\(in [^)]*\)/g, '(in …)')

describe('cron-trigger list: a direct run prints what the run through oclif prints', () => {
  test.each([
    {name: 'a table', argv: ['list', '-n', 'NS']},
    {name: 'every namespace as JSON', argv: ['list', '-A', '-o', 'json']},
    {name: 'YAML', argv: ['list', '-n', 'NS', '-o', 'yaml']},
    {name: 'names, a selector', argv: ['list', '-n', 'NS', '-l', 'tier=batch', '-o', 'name']},
    {name: 'wide, no headers, another controller zone', argv: ['list', '--namespace=NS', '-o', 'wide', '--no-headers', '--controller-time-zone', 'Asia/Tokyo']},
    {name: 'no CronJobs', argv: ['list', '-n', 'EMPTY']},
    {name: 'a bad zone: exit 2', argv: ['list', '-n', 'NS', '--controller-time-zone', 'Mars/Olympus']},
    {name: 'a bad output format: exit 2', argv: ['list', '-n', 'NS', '-o', 'bogus']},
    {name: 'a bad selector: exit 2', argv: ['list', '-A', '-l', 'tier in (']},
    {name: 'an unknown context: exit 2', argv: ['list', '--context', 'nowhere']},
  ])('$name: $argv', async ({argv}) => {
    const args = argv.map((word) => (word === 'NS' ? ns : word === 'EMPTY' ? empty : word))
    const {direct, oclif} = await runDirectAndThroughOclif('kubectl-cron_trigger', args, {kubeconfig: cluster.kubeconfigPath})
    const seen = (run: typeof direct) => ({stdout: withoutCountdown(run.stdout), stderr: run.stderr, code: run.code})
    expect(seen(direct)).toStrictEqual(seen(oclif))
  })
})
