import {RESOURCES} from '@kubeline/core'
import {REAL_CLUSTER_ENV, documentedRules, permissionsUsed, runPlugin, startE2eCluster, withoutPermission} from '@kubeline/sandbox/e2e'
import type {E2eCluster} from '@kubeline/sandbox/e2e'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {DENY_ALL_BUT_A_TO_B, PODS_A_B_C, deployment, manifestList, networkPolicy, waitForPods} from '../fixtures/netpol-objects.js'

// Sandbox users holding exactly the ClusterRole docs/rbac.md shows for netpol-test, or that ClusterRole
// less one permission (sandbox only: a real cluster's RBAC is not set up by the suite).
const CLUSTER_ROLE = documentedRules('netpol-test', 'ClusterRole')
const LISTS = ['list adminnetworkpolicies', 'list baselineadminnetworkpolicies', 'list clusternetworkpolicies', 'list namespaces', 'list networkpolicies', 'list pods']

/** A suite whose cases pass: one names the Deployment web, so run reads it. */
const SUITE = JSON.stringify({
  apiVersion: 'kubeline.dev/v1alpha1',
  kind: 'NetpolTestSuite',
  metadata: {name: 'shop'},
  spec: {cases: [{from: 'shop/a', to: 'shop/b', port: 80, expect: 'allow'}, {from: 'shop/deployment/web', to: 'shop/b', port: 80, expect: 'deny'}]},
})
/** A proposed policy that only adds an allowance (c -> b), so diff has nothing to block on. */
const ALLOW_C_TO_B = manifestList([networkPolicy('allow-c-to-b', {podSelector: {matchLabels: {pod: 'b'}}, ingress: [{from: [{podSelector: {matchLabels: {pod: 'c'}}}]}]}, 'shop')])

interface CommandRow {
  command: string
  args: string[]
  stdin?: string
  /** The "verb resource" pairs of docs/rbac.md's row for the command. */
  uses: string[]
}

const COMMANDS: CommandRow[] = [
  {command: 'check', args: ['check', '--from', 'shop/deployment/web', '--to', 'shop/b', '--port', '80', '--expect', 'deny'], uses: ['get deployments', ...LISTS]},
  {command: 'matrix', args: ['matrix', '-n', 'shop', '--port', '80'], uses: LISTS},
  {command: 'diff', args: ['diff', '-n', 'shop', '-f', '-'], stdin: ALLOW_C_TO_B, uses: LISTS},
  {command: 'run', args: ['run', '-'], stdin: SUITE, uses: ['get deployments', ...LISTS]},
  {command: 'explain', args: ['explain', '-n', 'shop'], uses: LISTS},
  {command: 'lint', args: ['lint', '-n', 'shop'], uses: LISTS},
]

interface DenialRow {
  command: string
  verb: string
  resource: keyof typeof RESOURCES
  /** Where the refused request went: a namespace and an object name, or (absent) a cluster-wide list. */
  at?: {namespace: string; name: string}
}

// One permission of the ClusterRole taken away per command, so that every rule is shown to be needed.
const DENIALS: DenialRow[] = [
  {command: 'check', verb: 'list', resource: 'namespaces'},
  {command: 'matrix', verb: 'list', resource: 'pods'},
  {command: 'diff', verb: 'list', resource: 'networkpolicies'},
  {command: 'run', verb: 'get', resource: 'deployments', at: {namespace: 'shop', name: 'web'}},
  {command: 'explain', verb: 'list', resource: 'adminnetworkpolicies'},
  {command: 'lint', verb: 'list', resource: 'baselineadminnetworkpolicies'},
]

/** kube-apiserver's message for the refused request, and the `kubectl auth can-i` line core adds to it. */
function denialMessages({verb, resource, at}: DenialRow, user: string): {forbidden: string; canI: string} {
  const {group, namespaced} = RESOURCES[resource]
  const qualified = group === '' ? resource : `${resource}.${group}`
  const scope = at ? `in the namespace "${at.namespace}"` : 'at the cluster scope'
  const canIScope = at ? ` -n ${at.namespace}` : namespaced ? ' --all-namespaces' : ''
  return {
    forbidden: `${qualified}${at ? ` "${at.name}"` : ''} is forbidden: User "${user}" cannot ${verb} resource "${resource}" in API group "${group}" ${scope}`,
    canI: `You need "${verb}" on ${qualified}${canIScope}. Check with: kubectl auth can-i ${verb} ${qualified}${canIScope}\n`,
  }
}

const userWithout = ({verb, resource}: {verb: string; resource: string}) => `no-${verb}-${resource}`
const users = [
  {name: 'netpol', token: 'netpol-token-rbac-e2e', rules: CLUSTER_ROLE},
  ...DENIALS.map((denial) => ({name: userWithout(denial), token: `${userWithout(denial)}-token-rbac-e2e`, rules: withoutPermission(CLUSTER_ROLE, denial.verb, denial.resource)})),
]

let cluster: E2eCluster
const kubeconfigs: Record<string, string> = {}
const commandRow = (command: string): CommandRow => COMMANDS.find((row) => row.command === command)!
const netpol = async (user: string, row: CommandRow) =>
  await runPlugin('kubectl-netpol_test', row.args, {kubeconfig: kubeconfigs[user]!, ...(row.stdin === undefined ? {} : {stdin: row.stdin})})

describe.runIf(process.env[REAL_CLUSTER_ENV] === undefined)('kubectl netpol-test with the least privileges of docs/rbac.md', () => {
  beforeAll(async () => {
    cluster = await startE2eCluster({users})
    await cluster.apply([{apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'shop'}}])
    await cluster.apply([...PODS_A_B_C, ...DENY_ALL_BUT_A_TO_B, deployment('web', 1, {app: 'web'})], 'shop')
    await waitForPods(cluster, 'shop', 'app=web', 1)
    for (const user of users) kubeconfigs[user.name] = await cluster.sandbox!.writeKubeconfig(user.name)
  })
  afterAll(async () => cluster?.stop())

  test.each(COMMANDS)('$command with the ClusterRole: exit 0, reading only what its row of docs/rbac.md lists', async (row) => {
    cluster.sandbox!.requests.clear()
    const run = await netpol('netpol', row)
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const requests = cluster.sandbox!.requests.entries({user: 'netpol'})
    expect(requests.filter((request) => request.status !== 200)).toEqual([])
    expect(permissionsUsed(requests)).toEqual(row.uses)
  })

  test.each(DENIALS)('$command without $verb $resource: exit 1 naming the missing permission', async (denial) => {
    const run = await netpol(userWithout(denial), commandRow(denial.command))
    const {forbidden, canI} = denialMessages(denial, userWithout(denial))
    expect(run.stdout).toBe('')
    expect(run.stderr).toContain(`error: ${forbidden}\n  ${canI}`)
    expect(run.code).toBe(1)
  })
})
