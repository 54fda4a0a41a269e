import {RESOURCES} from '@kubeline/core'
import type {KubeObject} from '@kubeline/core'
import {runPlugin, startE2eCluster} from '@kubeline/sandbox/e2e'
import type {E2eCluster} from '@kubeline/sandbox/e2e'
import type {Sandbox} from '@kubeline/sandbox'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {SUSPEND_PATCH_ATTEMPTS} from '../../src/services/set-suspend.js'
import {cronJob} from '../fixtures/cron-jobs.js'

let cluster: E2eCluster
let sandbox: Sandbox
beforeAll(async () => {
  cluster = await startE2eCluster()
  sandbox = cluster.sandbox!
})
afterAll(async () => cluster?.stop())

const cron = (args: string[]) => runPlugin('kubectl-cron_trigger', args, {kubeconfig: cluster.kubeconfigPath, timeoutMs: 120_000})
const suspended = async (ns: string, name: string) =>
  (await cluster.client.get<KubeObject & {spec: {suspend?: boolean}}>(RESOURCES.cronjobs, name, {namespace: ns})).spec.suspend === true
const patches = (ns: string) => sandbox.requests.count({verb: 'patch', resource: 'cronjobs', namespace: ns})

// 409s are injected by the sandbox (fault rules), so these run on the sandbox only.
describe.runIf(process.env.KUBELINE_E2E_KUBECONFIG === undefined)('cron-trigger suspend/resume on 409 Conflict', () => {
  test.for([
    {verb: 'suspend', from: false, want: 'cronjob.batch/a suspended\n'},
    {verb: 'resume', from: true, want: 'cronjob.batch/a resumed\n'},
  ])('$verb re-reads and retries the patch until it is accepted', async ({verb, from, want}) => {
    const ns = await cluster.createNamespace(`conflict-${verb}`)
    await cluster.apply([cronJob('a', {logLines: []}, {suspend: from})], ns)
    sandbox.faults.add({match: {verb: 'patch', resource: 'cronjobs', namespace: ns}, effect: {kind: 'conflict'}, times: SUSPEND_PATCH_ATTEMPTS - 1})
    const run = await cron([verb, 'a', '-n', ns])
    expect(run.stderr).toBe('')
    expect(run).toMatchObject({code: 0, stdout: want})
    expect(await suspended(ns, 'a')).toBe(!from)
    expect(patches(ns)).toBe(SUSPEND_PATCH_ATTEMPTS)
  })

  test('gives up with exit 1 after a bounded number of conflicts, changing nothing', async () => {
    const ns = await cluster.createNamespace('conflict-always')
    await cluster.apply([cronJob('a', {logLines: []})], ns)
    sandbox.faults.add({match: {verb: 'patch', resource: 'cronjobs', namespace: ns}, effect: {kind: 'conflict'}})
    const run = await cron(['suspend', 'a', '-n', ns])
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/^error: .*cronjobs\.batch "a"/m)
    expect(await suspended(ns, 'a')).toBe(false)
    expect(patches(ns)).toBe(SUSPEND_PATCH_ATTEMPTS)
  })

  test('a CronJob that someone else suspended while we retried is reported unchanged, not patched again', async () => {
    const ns = await cluster.createNamespace('conflict-raced')
    await cluster.apply([cronJob('a', {logLines: []})], ns)
    const conflict = sandbox.faults.add({match: {verb: 'patch', resource: 'cronjobs', namespace: ns}, effect: {kind: 'conflict'}})
    // Reads of the CronJob are slowed so that the other writer lands between our 409 and our re-read.
    sandbox.faults.add({match: {verb: 'get', resource: 'cronjobs', namespace: ns}, effect: {kind: 'delay', ms: 1500}})
    const running = cron(['suspend', 'a', '-n', ns])
    while (!sandbox.faults.list().some((rule) => rule.id === conflict.id && rule.hits > 0)) await new Promise((resolve) => setTimeout(resolve, 20))
    // The other writer goes straight to the store: the API's reads are slowed for everyone.
    const key = {group: 'batch', resource: 'cronjobs'}
    const current = sandbox.store.get(key, ns, 'a') as KubeObject & {spec: Record<string, unknown>}
    sandbox.store.update(key, {...current, spec: {...current.spec, suspend: true}})
    const run = await running
    expect(run).toMatchObject({code: 0, stdout: 'cronjob.batch/a unchanged\n'})
    expect(patches(ns)).toBe(1)
    expect(await suspended(ns, 'a')).toBe(true)
  })
})
