import {RESOURCES} from '@kubeline/core'
import type {KubeObject} from '@kubeline/core'
import {REAL_CLUSTER_ENV, documentedRules, permissionsUsed, runPlugin, startE2eCluster, withoutPermission} from '@kubeline/sandbox/e2e'
import type {E2eCluster} from '@kubeline/sandbox/e2e'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {deployment, settledDeployment} from '../fixtures/deployments.js'
import {fakeGatewayController} from '../fixtures/fake-gateway-controller.js'
import {imagesOf} from '../fixtures/rollout-e2e.js'
import {httpRoute, ingress, service} from '../fixtures/traffic-objects.js'

// Sandbox users holding the rollout-canary Role of docs/rbac.md less the rules the doc says to drop when no
// release uses that traffic mode or an HPA, or that less one more permission (sandbox only: a real cluster's
// RBAC is not set up by the suite). Each mode has a namespace of its own: `list` reads the routes of every
// release recorded in the namespace, finished ones included.
const ROLE = documentedRules('rollout-canary', 'Role')
const modeRole = (row: ModeRow) =>
  ROLE.filter((rule) => !rule.apiGroups!.some((group) => row.unusedGroups.includes(group))).map((rule) => ({...rule, namespaces: [row.namespace]}))
const IMAGE = 'web=registry.example.com/web:2'

interface ModeRow {
  mode: string
  namespace: string
  deployment: string
  /** The API groups of the Role's rules this mode does not need. */
  unusedGroups: string[]
  /** Run in order, each must exit 0: a release from start to its end. */
  commands: string[][]
  /** The "verb resource" pairs all of them send, as the mode's rows of docs/rbac.md list them. */
  uses: string[]
  /** Sent or not depending on timing: a watch while the Gateway has not accepted the new weights yet. */
  sometimes?: string[]
  /** The permission taken away, and the command that needs it. */
  denied: {verb: string; resource: string; group: string; name: string; args: string[]}
}

const start = (ns: string, name: string, ...traffic: string[]) => ['start', name, '-n', ns, '--image', IMAGE, ...traffic, '--steps', '25,50']
const bluegreen = (verb: string, name: string, ...rest: string[]) => ['bluegreen', verb, name, '-n', 'shop-bluegreen', ...rest]
const NGINX_START = start('shop-nginx', 'store', '--traffic', 'nginx', '--ingress', 'store')
const GATEWAY_START = start('shop-gateway', 'cart', '--traffic', 'gateway', '--httproute', 'cart')
const BLUEGREEN_START = bluegreen('start', 'search', '--image', IMAGE, '--service', 'search', '--preview-service', 'search-preview')

const MODES: ModeRow[] = [
  {
    mode: 'nginx',
    namespace: 'shop-nginx',
    deployment: 'store',
    unusedGroups: ['gateway.networking.k8s.io', 'autoscaling'],
    commands: [NGINX_START, ['status', 'store', '-n', 'shop-nginx'], ['list', '-n', 'shop-nginx'], ['set-weight', 'store', '-n', 'shop-nginx', '80'], ['promote', 'store', '-n', 'shop-nginx', '--full']],
    uses: [
      'create deployments', 'create ingresses', 'create services', 'delete deployments', 'delete ingresses', 'delete services', 'get deployments', 'get ingresses',
      'get services', 'list deployments', 'list ingresses', 'list replicasets', 'patch deployments', 'patch ingresses', 'patch services', 'watch deployments',
    ],
    denied: {verb: 'create', resource: 'ingresses', group: 'networking.k8s.io', name: '', args: NGINX_START},
  },
  {
    mode: 'gateway',
    namespace: 'shop-gateway',
    deployment: 'cart',
    unusedGroups: ['networking.k8s.io', 'autoscaling'],
    commands: [GATEWAY_START, ['status', 'cart', '-n', 'shop-gateway'], ['list', '-n', 'shop-gateway'], ['resume', 'cart', '-n', 'shop-gateway'], ['promote', 'cart', '-n', 'shop-gateway', '--full']],
    uses: [
      'create deployments', 'create services', 'delete deployments', 'delete services', 'get deployments', 'get httproutes', 'get services', 'list deployments',
      'list httproutes', 'list replicasets', 'patch deployments', 'patch httproutes', 'patch services', 'watch deployments',
    ],
    sometimes: ['watch httproutes'],
    denied: {verb: 'patch', resource: 'httproutes', group: 'gateway.networking.k8s.io', name: ' "cart"', args: GATEWAY_START},
  },
  {
    mode: 'blue/green',
    namespace: 'shop-bluegreen',
    deployment: 'search',
    unusedGroups: ['networking.k8s.io', 'gateway.networking.k8s.io', 'autoscaling'],
    commands: [BLUEGREEN_START, bluegreen('switch', 'search'), bluegreen('rollback', 'search'), bluegreen('switch', 'search'), bluegreen('finish', 'search', '--scale-down-delay', '0')],
    uses: ['create deployments', 'create services', 'delete deployments', 'delete services', 'get deployments', 'get services', 'list replicasets', 'patch deployments', 'patch services', 'watch deployments'],
    denied: {verb: 'create', resource: 'services', group: '', name: '', args: BLUEGREEN_START},
  },
]

const releaser = (row: ModeRow) => `${row.deployment}-releaser`
const restricted = (row: ModeRow) => `${row.deployment}-restricted`
const users = MODES.flatMap((row) => {
  const rules = modeRole(row)
  return [
    {name: releaser(row), token: `${releaser(row)}-token-rbac-e2e`, rules},
    {name: restricted(row), token: `${restricted(row)}-token-rbac-e2e`, rules: withoutPermission(rules, row.denied.verb, row.denied.resource)},
  ]
})

let cluster: E2eCluster
let stopGateway: () => Promise<void>
const kubeconfigs: Record<string, string> = {}
const rollout = async (user: string, args: string[]) => await runPlugin('kubectl-rollout_canary', args, {kubeconfig: kubeconfigs[user]!, timeoutMs: 120_000})
const read = async (row: ModeRow): Promise<KubeObject | undefined> => await cluster.client.find(RESOURCES.deployments, row.deployment, {namespace: row.namespace})

describe.runIf(process.env[REAL_CLUSTER_ENV] === undefined)('kubectl rollout-canary nginx, gateway and blue/green with the least privileges of docs/rbac.md', () => {
  beforeAll(async () => {
    cluster = await startE2eCluster({users})
    for (const row of MODES) {
      await cluster.apply([{apiVersion: 'v1', kind: 'Namespace', metadata: {name: row.namespace}}])
      await cluster.apply([deployment(row.deployment, {replicas: 2}), service(row.deployment), service('cdn')], row.namespace)
    }
    await cluster.apply([ingress('store', 'store')], 'shop-nginx')
    await cluster.apply([httpRoute('cart', 'cart')], 'shop-gateway')
    for (const row of MODES) await settledDeployment(cluster.client, row.deployment, row.namespace)
    stopGateway = fakeGatewayController(cluster.client, 'shop-gateway', 'cart').stop
    for (const user of users) kubeconfigs[user.name] = await cluster.sandbox!.writeKubeconfig(user.name)
  })
  afterAll(async () => {
    await stopGateway?.()
    await cluster?.stop()
  })

  test.each(MODES)('$mode: a release to its end with the Role less the rules of other modes, every request allowed', async (row) => {
    cluster.sandbox!.requests.clear()
    for (const args of row.commands) {
      const run = await rollout(releaser(row), args)
      expect(run.stderr, args.join(' ')).not.toContain('forbidden')
      expect(run.code, args.join(' ') + run.stderr).toBe(0)
    }
    expect(imagesOf(await read(row))).toEqual(['registry.example.com/web:2'])
    const requests = cluster.sandbox!.requests.entries({user: releaser(row)})
    expect(requests.filter((request) => request.status === 403)).toEqual([])
    expect(requests.every((request) => request.namespace === row.namespace)).toBe(true)
    const used = permissionsUsed(requests)
    expect(used.filter((permission) => !row.sometimes?.includes(permission))).toEqual(row.uses)
    expect(used.filter((permission) => !row.uses.includes(permission)).every((permission) => row.sometimes?.includes(permission))).toBe(true)
  })

  test.each(MODES)('$mode without $denied.verb $denied.resource: exit 1 naming the missing permission', async (row) => {
    const {verb, resource, group, name, args} = row.denied
    const run = await rollout(restricted(row), [...args.map((arg) => (arg === IMAGE ? 'web=registry.example.com/web:3' : arg))])
    const qualified = group === '' ? resource : `${resource}.${group}`
    expect(run.stderr).toContain(`error: ${qualified}${name} is forbidden: User "${restricted(row)}" cannot ${verb} resource "${resource}" in API group "${group}" in the namespace "${row.namespace}"\n`)
    expect(run.stderr).toContain(`You need "${verb}" on ${qualified} -n ${row.namespace}. Check with: kubectl auth can-i ${verb} ${qualified} -n ${row.namespace}\n`)
    expect(run.code).toBe(1)
  })
})
