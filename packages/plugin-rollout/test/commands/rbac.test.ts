import {RESOURCES} from '@kubeline/core'
import type {KubeObject} from '@kubeline/core'
import {REAL_CLUSTER_ENV, documentedRules, permissionsUsed, runPlugin, startE2eCluster, withoutPermission} from '@kubeline/sandbox/e2e'
import type {E2eCluster} from '@kubeline/sandbox/e2e'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {deployment, settledDeployment} from '../fixtures/deployments.js'
import {imagesOf} from '../fixtures/rollout-e2e.js'
import {hpa} from '../fixtures/traffic-objects.js'

// Sandbox users holding the replica-mode rules of docs/rbac.md's rollout-canary Role (its deployments and
// horizontalpodautoscalers rules: the others serve the traffic modes and blue/green), or those less one
// permission (sandbox only: a real cluster's RBAC is not set up by the suite).
const REPLICA_RESOURCES = ['deployments', 'horizontalpodautoscalers']
const REPLICA_ROLE = documentedRules('rollout-canary', 'Role').filter((rule) => rule.resources.some((resource) => REPLICA_RESOURCES.includes(resource)))
/** What the replica-mode rows of docs/rbac.md list, but `list deployments`: a watch lists again only after a 410. */
const USES = [
  'create deployments', 'delete deployments', 'get deployments', 'get horizontalpodautoscalers', 'list horizontalpodautoscalers', 'patch deployments',
  'patch horizontalpodautoscalers', 'watch deployments',
]

const start = (name: string, ...rest: string[]) => ['start', name, '-n', 'shop', '--image', `registry.example.com/${name}:2`, ...rest]
const promoteFull = (name: string) => ['promote', name, '-n', 'shop', '--full']

interface DenialRow {
  verb: string
  resource: keyof typeof RESOURCES
  /** The Deployment released, one per row so that a half-done release leaves no lock behind for another. */
  deployment: string
  /** Run by the user holding the whole replica-mode Role first. */
  before?: string[]
  args: string[]
  /** The object named in the API server's message: its requests are for one object, not a list. */
  object?: string
  /** Refused before the lock is taken: the Deployment is left as it was and no canary is created. */
  writesNothing?: boolean
}

// Every permission the release uses, taken away one at a time. The HPA rows pass --steps 50: at the default
// first step (10%) a Deployment of two keeps its two stable replicas, so its HPA's bounds are not patched.
const DENIALS: DenialRow[] = [
  {verb: 'get', resource: 'deployments', deployment: 'no-get', args: start('no-get'), object: 'no-get', writesNothing: true},
  {verb: 'patch', resource: 'deployments', deployment: 'no-patch', args: start('no-patch'), object: 'no-patch', writesNothing: true},
  {verb: 'create', resource: 'deployments', deployment: 'no-create', args: start('no-create')},
  {verb: 'watch', resource: 'deployments', deployment: 'no-watch', args: start('no-watch')},
  {verb: 'delete', resource: 'deployments', deployment: 'no-delete', before: start('no-delete', '--steps', '50'), args: promoteFull('no-delete'), object: 'no-delete-canary'},
  {verb: 'list', resource: 'horizontalpodautoscalers', deployment: 'no-list-hpa', args: start('no-list-hpa'), writesNothing: true},
  {verb: 'get', resource: 'horizontalpodautoscalers', deployment: 'no-get-hpa', args: start('no-get-hpa', '--steps', '50', '--hpa', 'adjust'), object: 'no-get-hpa'},
  {verb: 'patch', resource: 'horizontalpodautoscalers', deployment: 'no-patch-hpa', args: start('no-patch-hpa', '--steps', '50', '--hpa', 'adjust'), object: 'no-patch-hpa'},
]
/** The Deployments of the rows above that an HPA scales. */
const AUTOSCALED = ['no-get-hpa', 'no-patch-hpa']

const userWithout = ({verb, resource}: DenialRow) => `no-${verb}-${resource}`
const users = [
  {name: 'releaser', token: 'releaser-token-rbac-e2e', rules: REPLICA_ROLE},
  ...DENIALS.map((denial) => ({name: userWithout(denial), token: `${userWithout(denial)}-token-rbac-e2e`, rules: withoutPermission(REPLICA_ROLE, denial.verb, denial.resource)})),
]

let cluster: E2eCluster
const kubeconfigs: Record<string, string> = {}
const rollout = async (user: string, args: string[]) => await runPlugin('kubectl-rollout_canary', args, {kubeconfig: kubeconfigs[user]!, timeoutMs: 120_000})
const read = async (name: string): Promise<KubeObject | undefined> => await cluster.client.find(RESOURCES.deployments, name, {namespace: 'shop'})
const boundsOf = async (name: string): Promise<unknown> => {
  const {spec} = await cluster.client.get(RESOURCES.horizontalpodautoscalers, name, {namespace: 'shop'})
  const {minReplicas, maxReplicas} = spec as {minReplicas: number; maxReplicas: number}
  return {minReplicas, maxReplicas}
}

describe.runIf(process.env[REAL_CLUSTER_ENV] === undefined)('kubectl rollout-canary with the least privileges of docs/rbac.md', () => {
  beforeAll(async () => {
    cluster = await startE2eCluster({users})
    await cluster.apply([{apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'shop'}}])
    const twoReplicas = ['api', ...DENIALS.map((denial) => denial.deployment)]
    await cluster.apply([deployment('web', {replicas: 4}), deployment('scaled', {replicas: 4}), ...twoReplicas.map((name) => deployment(name, {replicas: 2}))], 'shop')
    await cluster.apply(['scaled', ...AUTOSCALED].map((name) => hpa(name, name, 2, 8)), 'shop')
    for (const name of ['web', 'scaled', ...twoReplicas]) await settledDeployment(cluster.client, name, 'shop')
    for (const user of users) kubeconfigs[user.name] = await cluster.sandbox!.writeKubeconfig(user.name)
  })
  afterAll(async () => cluster?.stop())

  test('start --wait, start and promote --full, with an HPA too, with the replica-mode Role: every request allowed, only what docs/rbac.md lists', async () => {
    cluster.sandbox!.requests.clear()
    const waited = await rollout('releaser', ['start', 'web', '-n', 'shop', '--image', 'web=registry.example.com/web:2', '--steps', '25,50', '--pause', '1s', '--wait'])
    expect(waited.code).toBe(0)
    expect(imagesOf(await read('web'))).toEqual(['registry.example.com/web:2'])
    const started = await rollout('releaser', start('api', '--steps', '50'))
    expect(started.code).toBe(0)
    expect(await read('api-canary')).toBeDefined()
    const promoted = await rollout('releaser', promoteFull('api'))
    expect(promoted.stderr).not.toContain('forbidden')
    expect(promoted.code).toBe(0)
    expect(imagesOf(await read('api'))).toEqual(['registry.example.com/api:2'])
    expect((await rollout('releaser', start('scaled', '--steps', '50', '--hpa', 'adjust'))).code).toBe(0)
    expect(await boundsOf('scaled')).toEqual({minReplicas: 1, maxReplicas: 4})
    expect((await rollout('releaser', promoteFull('scaled'))).code).toBe(0)
    expect(await boundsOf('scaled')).toEqual({minReplicas: 2, maxReplicas: 8})
    const requests = cluster.sandbox!.requests.entries({user: 'releaser'})
    expect(requests.filter((request) => request.status === 403)).toEqual([])
    expect(requests.every((request) => request.namespace === 'shop')).toBe(true)
    expect(permissionsUsed(requests)).toEqual(USES)
  })

  test.each(DENIALS)('$args.0 $deployment without $verb $resource: exit 1 naming the missing permission', async (denial) => {
    const {verb, resource, object, args} = denial
    const {group} = RESOURCES[resource]
    if (denial.before) expect((await rollout('releaser', denial.before)).code).toBe(0)
    const before = await read(denial.deployment)
    const user = userWithout(denial)
    const run = await rollout(user, args)
    const qualified = `${resource}.${group}`
    expect(run.stderr).toContain(`error: ${qualified}${object ? ` "${object}"` : ''} is forbidden: User "${user}" cannot ${verb} resource "${resource}" in API group "${group}" in the namespace "shop"\n`)
    expect(run.stderr).toContain(`You need "${verb}" on ${qualified} -n shop. Check with: kubectl auth can-i ${verb} ${qualified} -n shop\n`)
    expect(run.code).toBe(1)
    if (!denial.writesNothing) return
    expect((await read(denial.deployment))?.metadata.resourceVersion).toBe(before?.metadata.resourceVersion)
    expect(await read(`${denial.deployment}-canary`)).toBeUndefined()
    expect(cluster.sandbox!.requests.count({user, verb: 'create'})).toBe(0)
  })
})
