import {execFile} from 'node:child_process'
import path from 'node:path'
import {promisify} from 'node:util'
import {startE2eCluster} from '@kubeline/sandbox/e2e'
import type {E2eCluster} from '@kubeline/sandbox/e2e'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {cronJob} from './fixtures/cron-jobs.js'

// TAB completion through the real executables: bin/kubectl_complete-cron_trigger (core's
// completion entry with this package's oclif.manifest.json), then kubectl's own plugin
// completion (1.26+), which finds it on PATH.
const run = promisify(execFile)
const binDir = path.resolve(import.meta.dirname, '../../../bin')

let cluster: E2eCluster
let ops: string
beforeAll(async () => {
  cluster = await startE2eCluster()
  ops = await cluster.createNamespace('complete')
  await cluster.apply([cronJob('nightly-report', {logLines: []}), cronJob('hourly-sync', {logLines: []}), cronJob('weekly-backup', {logLines: []})], ops)
})
afterAll(async () => cluster?.stop())

async function complete(file: string, args: string[]) {
  const env = {...process.env, KUBECONFIG: cluster.kubeconfigPath, PATH: `${binDir}${path.delimiter}${process.env.PATH ?? ''}`}
  return await run(file, args, {env})
}

describe('bin/kubectl_complete-cron_trigger', () => {
  test('offers the CronJobs of the -n namespace for `now`, then :4 (no file completion)', async () => {
    const {stdout, stderr} = await complete(path.join(binDir, 'kubectl_complete-cron_trigger'), ['__complete', 'now', '-n', ops, ''])
    expect(stdout).toBe('hourly-sync\nnightly-report\nweekly-backup\n:4\n')
    expect(stderr).toBe('')
  })

  test('filters by the typed prefix', async () => {
    const {stdout} = await complete(path.join(binDir, 'kubectl_complete-cron_trigger'), ['suspend', '-n', ops, 'w'])
    expect(stdout).toBe('weekly-backup\n:4\n')
  })

  test('a kubeconfig error (unknown --context) offers nothing and prints nothing on stderr', async () => {
    const {stdout, stderr} = await complete(path.join(binDir, 'kubectl_complete-cron_trigger'), ['now', '--context', 'no-such-context', ''])
    expect(stdout).toBe(':4\n')
    expect(stderr).toBe('')
  })
})

describe('kubectl __complete cron-trigger (kubectl finds kubectl_complete-cron_trigger on PATH)', () => {
  test('relays the CronJob names and the directive', async () => {
    const {stdout} = await complete('kubectl', ['__complete', 'cron-trigger', 'now', '-n', ops, ''])
    expect(stdout).toBe('hourly-sync\nnightly-report\nweekly-backup\n:4\n')
  })
})
