import {RESOURCES} from '@kubeline/core'
import type {KubeObject} from '@kubeline/core'
import {REAL_CLUSTER_ENV, documentedRules, permissionsUsed, runPlugin, startE2eCluster, withoutPermission} from '@kubeline/sandbox/e2e'
import type {E2eCluster} from '@kubeline/sandbox/e2e'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'

// Sandbox users holding exactly the Role (namespace payments) or the ClusterRole (-A, -l) that docs/rbac.md
// shows for quota-report, or one of them less one permission (sandbox only: a real cluster's RBAC is not set
// up by the suite).
const ROLE = documentedRules('quota-report', 'Role')
const CLUSTER_ROLE = documentedRules('quota-report', 'ClusterRole')
/** What the rows of docs/rbac.md list: `-n NS`, then what `--top N` adds, then what `-A` / `-l` add. */
const LISTS = ['list limitranges', 'list persistentvolumeclaims', 'list pods', 'list resourcequotas', 'list services']
const TOP_LISTS = ['list jobs', 'list replicasets']
const ACROSS_LISTS = ['list namespaces']
const TOP = ['--top', '1']

interface DenialRow {
  /** The user holding the Role (-n payments), or the ClusterRole (-A). */
  role: 'tenant' | 'auditor'
  permission: string
  /** The arguments of the run, space-separated. */
  run: string
}

const ROLES = {tenant: ROLE, auditor: CLUSTER_ROLE}
const denials = (role: DenialRow['role'], permissions: string[], run: string): DenialRow[] => permissions.map((permission) => ({role, permission, run}))
// Every permission of the Role and of the ClusterRole taken away, each from the run whose row of docs/rbac.md names it.
const DENIALS: DenialRow[] = [
  ...denials('tenant', LISTS, '-n payments'),
  ...denials('tenant', TOP_LISTS, '-n payments --top 1'),
  ...denials('auditor', [...ACROSS_LISTS, ...LISTS], '-A'),
  ...denials('auditor', TOP_LISTS, '-A --top 1'),
]

const verbAndResource = ({permission}: DenialRow) => permission.split(' ') as [string, keyof typeof RESOURCES]
const userWithout = (denial: DenialRow) => `${denial.role}-no-${verbAndResource(denial).join('-')}`
const users = [
  {name: 'tenant', token: 'tenant-token-rbac-e2e', rules: ROLE},
  {name: 'auditor', token: 'auditor-token-rbac-e2e', rules: CLUSTER_ROLE},
  ...DENIALS.map((denial) => ({name: userWithout(denial), token: `${userWithout(denial)}-token-rbac-e2e`, rules: withoutPermission(ROLES[denial.role], ...verbAndResource(denial))})),
]

let cluster: E2eCluster
const kubeconfigs: Record<string, string> = {}

const namespace = (name: string, labels: Record<string, string> = {}): KubeObject => ({apiVersion: 'v1', kind: 'Namespace', metadata: {name, labels}})
// requests.storage and services too, so that the report reads PVCs and Services: a quota on compute only needs neither.
const HARD = {'requests.cpu': '2', pods: '10', 'requests.storage': '10Gi', services: '5'}
const quota: KubeObject = {
  apiVersion: 'v1', kind: 'ResourceQuota', metadata: {name: 'compute'},
  spec: {hard: HARD}, status: {hard: HARD, used: {'requests.cpu': '500m', pods: '1', 'requests.storage': '0', services: '0'}},
}
const deployment: KubeObject = {
  apiVersion: 'apps/v1', kind: 'Deployment', metadata: {name: 'api'},
  spec: {selector: {matchLabels: {app: 'api'}}, template: {metadata: {labels: {app: 'api'}}, spec: {containers: [{name: 'app', image: 'nginx:1.27'}]}}},
}
const ownedBy = (owner: KubeObject) => ({ownerReferences: [{apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name!, uid: owner.metadata.uid!, controller: true}]})

/** The chain --top walks up: Pod → ReplicaSet → Deployment (created here: the controllers are off, so nothing changes it). */
async function deploymentWithOnePod(ns: string): Promise<void> {
  const [created] = await cluster.apply([deployment], ns)
  const [replicaSet] = await cluster.apply([{
    apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: {name: 'api-5d8f', ...ownedBy(created!)},
    spec: {replicas: 1, selector: {matchLabels: {app: 'api'}}, template: {metadata: {labels: {app: 'api'}}, spec: {containers: [{name: 'app', image: 'nginx:1.27'}]}}},
  }], ns)
  await cluster.apply([{
    apiVersion: 'v1', kind: 'Pod', metadata: {name: 'api-5d8f-x7k2p', labels: {app: 'api'}, ...ownedBy(replicaSet!)},
    spec: {containers: [{name: 'app', image: 'nginx:1.27', resources: {requests: {cpu: '500m'}, limits: {cpu: '500m'}}}]},
  }], ns)
}

const quotaReport = (user: string, args: string[]) => runPlugin('kubectl-quota_report', args, {kubeconfig: kubeconfigs[user]!})
/** The requests a user sent since the last clear: none refused, as "verb resource" pairs. */
function sentBy(user: string): {permissions: string[]; namespaces: (string | undefined)[]} {
  const requests = cluster.sandbox!.requests.entries({user})
  expect(requests.filter((request) => request.status !== 200)).toEqual([])
  return {permissions: permissionsUsed(requests), namespaces: [...new Set(requests.map((request) => request.namespace))]}
}

describe.runIf(process.env[REAL_CLUSTER_ENV] === undefined)('kubectl quota-report with the least privileges of docs/rbac.md', () => {
  beforeAll(async () => {
    cluster = await startE2eCluster({users, controllers: false})
    await cluster.apply([namespace('payments', {team: 'payments'}), namespace('search', {team: 'search'})])
    await cluster.apply([quota], 'payments')
    await deploymentWithOnePod('payments')
    await cluster.apply([quota], 'search')
    for (const user of users) kubeconfigs[user.name] = await cluster.sandbox!.writeKubeconfig(user.name)
  })
  afterAll(async () => cluster?.stop())

  test('-n with the namespaced Role: the full report, --top included, from namespaced lists only', async () => {
    cluster.sandbox!.requests.clear()
    const plain = await quotaReport('tenant', ['-n', 'payments'])
    expect(plain.stderr).toBe('')
    expect(plain.code).toBe(0)
    expect(sentBy('tenant')).toEqual({permissions: LISTS, namespaces: ['payments']})
    cluster.sandbox!.requests.clear()
    const run = await quotaReport('tenant', ['-n', 'payments', ...TOP])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^compute\s+requests\.cpu\s+500m\s+2000m\s+25%/m)
    expect(run.stdout).toContain('TOP CONSUMERS')
    expect(run.stdout).toMatch(/^payments\s+compute\s+requests\.cpu\s+deployment\/api\s+1\s+500m$/m)
    expect(sentBy('tenant')).toEqual({permissions: [...TOP_LISTS, ...LISTS].sort(), namespaces: ['payments']})
  })

  test('the namespaced Role elsewhere or across namespaces: exit 1 naming the permission that is missing', async () => {
    const other = await quotaReport('tenant', ['-n', 'search'])
    expect(other.code).toBe(1)
    expect(other.stderr).toMatch(/^error: \S+ is forbidden: User "tenant" cannot list resource "\S+" in API group "\w*" in the namespace "search"$/m)
    expect(other.stderr).toMatch(/You need "list" on \S+ -n search\. Check with: kubectl auth can-i list \S+ -n search/)
    const across = await quotaReport('tenant', ['-A'])
    expect(across.code).toBe(1)
    expect(across.stderr).toMatch(/cannot list resource "\S+" in API group "\w*" at the cluster scope/)
    expect(across.stderr).toMatch(/Check with: kubectl auth can-i list \S+( --all-namespaces)?\n/)
  })

  test.each(DENIALS)('$run as $role without $permission: exit 1 naming the missing permission', async (denial) => {
    const [verb, resource] = verbAndResource(denial)
    const user = userWithout(denial)
    const run = await quotaReport(user, denial.run.split(' '))
    const {group, namespaced} = RESOURCES[resource]
    const qualified = group === '' ? resource : `${resource}.${group}`
    const [scope, canIScope] = denial.role === 'tenant' ? ['in the namespace "payments"', ' -n payments'] : ['at the cluster scope', namespaced ? ' --all-namespaces' : '']
    expect(run.stdout).toBe('')
    expect(run.stderr).toContain(`error: ${qualified} is forbidden: User "${user}" cannot ${verb} resource "${resource}" in API group "${group}" ${scope}\n`)
    expect(run.stderr).toContain(`You need "${verb}" on ${qualified}${canIScope}. Check with: kubectl auth can-i ${verb} ${qualified}${canIScope}\n`)
    expect(run.code).toBe(1)
  })

  test('-A and -l with the ClusterRole: every namespace, --top included, from the lists docs/rbac.md names', async () => {
    cluster.sandbox!.requests.clear()
    const all = await quotaReport('auditor', ['-A', ...TOP, '-o', 'json'])
    expect(all.stderr).toBe('')
    expect(all.code).toBe(0)
    const doc = JSON.parse(all.stdout)
    expect(doc.namespaces.map((ns: {namespace: string}) => ns.namespace)).toEqual(['payments', 'search'])
    expect(doc.namespaces[0].quotas[0].top).toContainEqual({resource: 'requests.cpu', consumers: [{kind: 'Deployment', namespace: 'payments', name: 'api', pods: 1, used: '500m', usedValue: 500}]})
    expect(sentBy('auditor')).toEqual({permissions: [...ACROSS_LISTS, ...TOP_LISTS, ...LISTS].sort(), namespaces: [undefined]})
    cluster.sandbox!.requests.clear()
    const labelled = await quotaReport('auditor', ['-l', 'team=search', '-o', 'json'])
    expect(labelled.code).toBe(0)
    expect(JSON.parse(labelled.stdout).namespaces.map((ns: {namespace: string}) => ns.namespace)).toEqual(['search'])
    expect(sentBy('auditor')).toEqual({permissions: [...ACROSS_LISTS, ...LISTS].sort(), namespaces: [undefined]})
  })
})
