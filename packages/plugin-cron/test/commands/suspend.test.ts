import {RESOURCES} from '@kubeline/core'
import type {KubeObject} from '@kubeline/core'
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
const suspended = async (ns: string, name: string) =>
  (await cluster.client.get<KubeObject & {spec: {suspend?: boolean}}>(RESOURCES.cronjobs, name, {namespace: ns})).spec.suspend === true

describe('cron-trigger suspend/resume', () => {
  test.for([
    {verb: 'suspend', from: false},
    {verb: 'resume', from: true},
  ])('$verb with an unknown -o exits 2 before patching anything', async ({verb, from}) => {
    const ns = await cluster.createNamespace(`${verb}-bad-output`)
    await cluster.apply([cronJob('a', {logLines: []}, {suspend: from})], ns)
    const run = await cron([verb, 'a', '-n', ns, '-o', 'wide'])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('unable to match a printer suitable for the output format "wide"')
    expect(run.stdout).toBe('')
    expect(await suspended(ns, 'a')).toBe(from)
  })
})
