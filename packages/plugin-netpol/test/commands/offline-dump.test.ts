import {execFile} from 'node:child_process'
import {mkdtemp, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {promisify} from 'node:util'
import {runPlugin, startE2eCluster} from '@kubeline/sandbox/e2e'
import type {E2eCluster} from '@kubeline/sandbox/e2e'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'

let cluster: E2eCluster
let dump: string
beforeAll(async () => {
  // The demo fixture, as users dump theirs: its pods, Deployments, ReplicaSets, Jobs and CronJobs.
  cluster = await startE2eCluster({fixture: 'demo', controllers: false}, {})
  dump = join(await mkdtemp(join(tmpdir(), 'netpol-dump-')), 'dump.yaml')
  await writeFile(dump, await kubectl(['get', 'ns,pods,netpol,deploy,rs,sts,ds,jobs,cronjobs', '-A', '-o', 'yaml']))
})
afterAll(async () => cluster?.stop())

async function kubectl(args: string[]): Promise<string> {
  return (await promisify(execFile)('kubectl', [...args, '--kubeconfig', cluster.kubeconfigPath], {maxBuffer: 64 * 1024 * 1024})).stdout
}

const offline = (args: string[]) => runPlugin('kubectl-netpol_test', [...args, '--offline', '-f', dump], {kubeconfig: '/nonexistent/kubeconfig'})

describe('netpol-test --offline -f on a cluster dump (kubectl get ... -A -o yaml)', () => {
  test('matrix shows the pods kubectl lists, once each: a workload whose pods are in the dump adds no representative pod', async () => {
    const listed = JSON.parse(await kubectl(['get', 'pods', '-A', '-o', 'json'])) as {items: {metadata: {namespace: string; name: string}; status?: {phase?: string}}[]}
    const running = listed.items.filter((pod) => !['Succeeded', 'Failed'].includes(pod.status?.phase ?? '')).map((pod) => `${pod.metadata.namespace}/${pod.metadata.name}`)
    const run = await offline(['matrix', '-o', 'json'])
    expect(run).toMatchObject({code: 0, stderr: ''})
    // checkout/cart-cleanup is a suspended CronJob with no Job in the dump: it still runs when triggered by hand.
    expect([...JSON.parse(run.stdout).results[0].pods].sort()).toEqual([...running, 'checkout/cart-cleanup-cronjob'].sort())
    expect(running).toHaveLength(19)
  })

  test('--from and --to name a dumped workload: its first pod by name, as against the cluster itself', async () => {
    const args = ['check', '--from', 'checkout/deploy/web', '--to', 'checkout/deploy/cart', '--port', '80', '-o', 'json']
    const run = await offline(args)
    const live = await runPlugin('kubectl-netpol_test', args, {kubeconfig: cluster.kubeconfigPath})
    expect(JSON.parse(run.stdout).verdict).toMatchObject({source: 'checkout/web-57d6bfd84b-27tjw', destination: 'checkout/cart-5884567f94-99pm6'})
    expect({code: run.code, stdout: run.stdout, stderr: run.stderr}).toEqual({code: live.code, stdout: live.stdout, stderr: live.stderr})
  })
})
