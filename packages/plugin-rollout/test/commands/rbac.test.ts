import {RESOURCES} from '@kubeline/core'
import type {KubeObject} from '@kubeline/core'
import {REAL_CLUSTER_ENV, runPlugin, startE2eCluster} from '@kubeline/sandbox/e2e'
import type {E2eCluster} from '@kubeline/sandbox/e2e'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {deployment, settledDeployment} from '../fixtures/deployments.js'
import {imagesOf} from '../fixtures/rollout-e2e.js'

// Sandbox users holding exactly the replica-mode rules of docs/rbac.md's rollout-canary Role
// (sandbox only: a real cluster's RBAC is not set up by the suite).
const REPLICA_ROLE = [
  {apiGroups: ['apps'], resources: ['deployments'], verbs: ['get', 'list', 'watch', 'create', 'patch', 'delete'], namespaces: ['shop']},
  {apiGroups: ['autoscaling'], resources: ['horizontalpodautoscalers'], verbs: ['get', 'list', 'patch'], namespaces: ['shop']},
]
const users = [
  {name: 'releaser', token: 'releaser-token-rbac-e2e', rules: REPLICA_ROLE},
  // Without patch on deployments the lock cannot be taken: the error must name it, nothing is written.
  {name: 'reader', token: 'reader-token-rbac-e2e', rules: REPLICA_ROLE.map((rule) => ({...rule, verbs: rule.verbs.filter((verb) => verb !== 'patch')}))},
]

let cluster: E2eCluster
const kubeconfigs: Record<string, string> = {}
const rollout = async (user: string, args: string[]) => await runPlugin('kubectl-rollout_canary', args, {kubeconfig: kubeconfigs[user]!, timeoutMs: 120_000})
const read = async (name: string): Promise<KubeObject | undefined> => await cluster.client.find(RESOURCES.deployments, name, {namespace: 'shop'})

describe.runIf(process.env[REAL_CLUSTER_ENV] === undefined)('kubectl rollout-canary with the least privileges of docs/rbac.md', () => {
  beforeAll(async () => {
    cluster = await startE2eCluster({users})
    await cluster.apply([{apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'shop'}}])
    await cluster.apply([deployment('web', {replicas: 4}), deployment('api', {replicas: 2})], 'shop')
    await settledDeployment(cluster.client, 'web', 'shop')
    await settledDeployment(cluster.client, 'api', 'shop')
    for (const user of users) kubeconfigs[user.name] = await cluster.sandbox!.writeKubeconfig(user.name)
  })
  afterAll(async () => cluster?.stop())

  test('start --wait, then start and promote --full, with the replica-mode Role: every request allowed', async () => {
    cluster.sandbox!.requests.clear()
    const waited = await rollout('releaser', ['start', 'web', '-n', 'shop', '--image', 'web=registry.example.com/web:2', '--steps', '25,50', '--pause', '1s', '--wait'])
    expect(waited.code).toBe(0)
    expect(imagesOf(await read('web'))).toEqual(['registry.example.com/web:2'])
    const started = await rollout('releaser', ['start', 'api', '-n', 'shop', '--image', 'registry.example.com/api:2', '--steps', '50'])
    expect(started.code).toBe(0)
    expect(await read('api-canary')).toBeDefined()
    const promoted = await rollout('releaser', ['promote', 'api', '-n', 'shop', '--full'])
    expect(promoted.stderr).not.toContain('forbidden')
    expect(promoted.code).toBe(0)
    expect(imagesOf(await read('api'))).toEqual(['registry.example.com/api:2'])
    const requests = cluster.sandbox!.requests.entries({user: 'releaser'})
    expect(requests.length).toBeGreaterThan(0)
    expect(requests.filter((request) => request.status === 403)).toEqual([])
    expect(requests.every((request) => request.namespace === 'shop')).toBe(true)
  })

  test('a Role without patch on deployments: exit 1 naming the permission, nothing written', async () => {
    const before = await read('api')
    const run = await rollout('reader', ['start', 'api', '-n', 'shop', '--image', 'registry.example.com/api:3'])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('deployments.apps "api" is forbidden: User "reader" cannot patch resource "deployments" in API group "apps" in the namespace "shop"')
    expect(run.stderr).toContain('kubectl auth can-i patch deployments')
    const after = await read('api')
    expect(after?.metadata.resourceVersion).toBe(before?.metadata.resourceVersion)
    expect(await read('api-canary')).toBeUndefined()
    expect(cluster.sandbox!.requests.count({user: 'reader', verb: 'create'})).toBe(0)
  })
})
