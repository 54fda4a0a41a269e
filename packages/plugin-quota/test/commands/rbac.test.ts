import type {KubeObject} from '@kubeline/core'
import {REAL_CLUSTER_ENV, runPlugin, startE2eCluster} from '@kubeline/sandbox/e2e'
import type {E2eCluster} from '@kubeline/sandbox/e2e'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'

// Sandbox users holding exactly what docs/rbac.md documents for quota-report (sandbox only:
// a real cluster's RBAC is not set up by the suite). The Role, in namespace payments:
const NAMESPACED_ROLE = [
  {apiGroups: [''], resources: ['resourcequotas', 'limitranges', 'pods', 'persistentvolumeclaims', 'services'], verbs: ['list'], namespaces: ['payments']},
  {apiGroups: ['apps'], resources: ['replicasets'], verbs: ['list'], namespaces: ['payments']},
  {apiGroups: ['batch'], resources: ['jobs'], verbs: ['list'], namespaces: ['payments']},
]
// The ClusterRole for -A / -l: the same cluster-wide, plus list namespaces.
const CLUSTER_ROLE = [
  {apiGroups: [''], resources: ['resourcequotas', 'limitranges', 'pods', 'persistentvolumeclaims', 'services', 'namespaces'], verbs: ['list']},
  {apiGroups: ['apps'], resources: ['replicasets'], verbs: ['list']},
  {apiGroups: ['batch'], resources: ['jobs'], verbs: ['list']},
]
const users = [
  {name: 'tenant', token: 'tenant-token-rbac-e2e', rules: NAMESPACED_ROLE},
  {name: 'auditor', token: 'auditor-token-rbac-e2e', rules: CLUSTER_ROLE},
  // The Role without limitranges: the error must name what is missing.
  {name: 'partial', token: 'partial-token-rbac-e2e', rules: NAMESPACED_ROLE.map((rule) => ({...rule, resources: rule.resources.filter((resource) => resource !== 'limitranges')}))},
]

let cluster: E2eCluster
const kubeconfigs: Record<string, string> = {}

const namespace = (name: string, labels: Record<string, string> = {}): KubeObject => ({apiVersion: 'v1', kind: 'Namespace', metadata: {name, labels}})
const quota: KubeObject = {
  apiVersion: 'v1', kind: 'ResourceQuota', metadata: {name: 'compute'},
  spec: {hard: {'requests.cpu': '2', pods: '10'}}, status: {hard: {'requests.cpu': '2', pods: '10'}, used: {'requests.cpu': '500m', pods: '1'}},
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
    const run = await quotaReport('tenant', ['-n', 'payments', '--top', '1'])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^compute\s+requests\.cpu\s+500m\s+2000m\s+25%/m)
    expect(run.stdout).toContain('TOP CONSUMERS')
    expect(run.stdout).toMatch(/^payments\s+compute\s+requests\.cpu\s+deployment\/api\s+1\s+500m$/m)
    const requests = cluster.sandbox!.requests.entries({user: 'tenant'})
    expect(requests.length).toBeGreaterThan(0)
    expect(requests.every((request) => request.verb === 'list' && request.namespace === 'payments' && request.status === 200)).toBe(true)
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

  test('a Role without limitranges: the error names limitranges', async () => {
    const run = await quotaReport('partial', ['-n', 'payments'])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('limitranges is forbidden: User "partial" cannot list resource "limitranges" in API group "" in the namespace "payments"')
    expect(run.stderr).toContain('kubectl auth can-i list limitranges -n payments')
  })

  test('-A and -l with the ClusterRole: every namespace, --top included', async () => {
    const all = await quotaReport('auditor', ['-A', '--top', '1', '-o', 'json'])
    expect(all.stderr).toBe('')
    expect(all.code).toBe(0)
    const doc = JSON.parse(all.stdout)
    expect(doc.namespaces.map((ns: {namespace: string}) => ns.namespace)).toEqual(['payments', 'search'])
    expect(doc.namespaces[0].quotas[0].top).toContainEqual({resource: 'requests.cpu', consumers: [{kind: 'Deployment', namespace: 'payments', name: 'api', pods: 1, used: '500m', usedValue: 500}]})
    const labelled = await quotaReport('auditor', ['-l', 'team=search', '-o', 'json'])
    expect(labelled.code).toBe(0)
    expect(JSON.parse(labelled.stdout).namespaces.map((ns: {namespace: string}) => ns.namespace)).toEqual(['search'])
  })
})
