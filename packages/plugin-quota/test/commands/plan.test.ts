import {execFile} from 'node:child_process'
import {randomBytes} from 'node:crypto'
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {promisify} from 'node:util'
import {RESOURCES} from '@kubeline/core'
import type {KubeObject} from '@kubeline/core'
import {runPlugin, startE2eCluster} from '@kubeline/sandbox/e2e'
import type {E2eCluster} from '@kubeline/sandbox/e2e'
import {afterAll, beforeAll, describe, expect, onTestFinished, test} from 'vitest'

// A user who may read everything plan mode needs in a namespace, but not nodes.
const developer = {
  name: 'developer',
  token: 'developer-token-plan-e2e',
  rules: [{verbs: ['get', 'list'], resources: ['resourcequotas', 'limitranges', 'pods', 'persistentvolumeclaims', 'services', 'daemonsets', 'storageclasses']}],
}

let cluster: E2eCluster
beforeAll(async () => {
  cluster = await startE2eCluster({users: [developer]})
})
afterAll(async () => cluster?.stop())

const quotaReport = (args: string[], options: {kubeconfig?: string; stdin?: string} = {}) =>
  runPlugin('kubectl-quota_report', args, {kubeconfig: options.kubeconfig ?? cluster.kubeconfigPath, stdin: options.stdin})

const directory = mkdtempSync(join(tmpdir(), 'quota-plan-'))
let files = 0
/** Manifests as a JSON stream, one object after another, as kubectl reads it, in a new file (kubectl refuses JSON objects between YAML `---` separators). */
function manifestFile(objects: KubeObject[] | string): string {
  const file = join(directory, `manifests-${++files}.yaml`)
  writeFileSync(file, typeof objects === 'string' ? objects : objects.map((object) => JSON.stringify(object)).join('\n'))
  return file
}

function quota(hard: Record<string, string>, used: Record<string, string>): KubeObject {
  return {apiVersion: 'v1', kind: 'ResourceQuota', metadata: {name: 'compute'}, spec: {hard}, status: {hard, used}}
}

function deployment(name: string, replicas: number, resources: object = {requests: {cpu: '200m'}}): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {name},
    spec: {
      replicas,
      selector: {matchLabels: {app: name}},
      template: {metadata: {labels: {app: name}}, spec: {containers: [{name: 'app', image: 'nginx:1.27', resources}]}},
    },
  }
}

/** A Deployment whose pods run on `runtimeClassName`. */
function onRuntimeClass(runtimeClassName: string, name: string, replicas: number, resources: object): KubeObject {
  const workload = deployment(name, replicas, resources)
  ;(workload.spec as {template: {spec: {runtimeClassName: string}}}).template.spec.runtimeClassName = runtimeClassName
  return workload
}

function runtimeClass(name: string, podFixed: Record<string, string>): KubeObject {
  return {apiVersion: 'node.k8s.io/v1', kind: 'RuntimeClass', metadata: {name}, handler: 'kata', overhead: {podFixed}} as KubeObject
}

const limitRange: KubeObject = {
  apiVersion: 'v1',
  kind: 'LimitRange',
  metadata: {name: 'defaults'},
  spec: {limits: [{type: 'Container', defaultRequest: {cpu: '250m'}, max: {cpu: '1'}}]},
}

describe('kubectl quota-report -f (plan mode)', () => {
  test('a Deployment that fits: one row per quota key, exit 0', async () => {
    const ns = await cluster.createNamespace('plan-fits')
    await cluster.apply([quota({'requests.cpu': '2', pods: '10'}, {'requests.cpu': '500m', pods: '2'})], ns)
    const run = await quotaReport(['-n', ns, '-f', manifestFile([deployment('web', 3)])])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const lines = run.stdout.split('\n')
    expect(lines[0]).toMatch(/^NAMESPACE\s+QUOTA\s+RESOURCE\s+USED\s+\+REQUESTED\s+AFTER\s+HARD\s+FITS$/)
    expect(lines[1]).toMatch(new RegExp(`^${ns}\\s+compute\\s+pods\\s+2\\s+\\+3\\s+5\\s+10\\s+yes$`))
    expect(lines[2]).toMatch(new RegExp(`^${ns}\\s+compute\\s+requests\\.cpu\\s+500m\\s+\\+600m\\s+1100m\\s+2000m\\s+yes$`))
    expect(run.stdout).toContain('limitedResources')
    expect(run.stdout).toMatch(/^Fits: /m)
  })

  test('a Deployment that does not fit: exit 3 with the API server\'s exceeded-quota message', async () => {
    const ns = await cluster.createNamespace('plan-over')
    await cluster.apply([quota({'requests.cpu': '1', pods: '10'}, {'requests.cpu': '500m', pods: '2'})], ns)
    const run = await quotaReport(['-n', ns, '-f', manifestFile([deployment('web', 3)])])
    expect(run.code).toBe(3)
    expect(run.stdout).toMatch(new RegExp(`^${ns}\\s+compute\\s+requests\\.cpu\\s+500m\\s+\\+600m\\s+1100m\\s+1000m\\s+NO$`, 'm'))
    expect(run.stdout).toContain('exceeded quota: compute, requested: requests.cpu=600m, used: requests.cpu=500m, limited: requests.cpu=1')
  })

  test('an upgrade replaces the live Deployment instead of adding to it', async () => {
    const ns = await cluster.createNamespace('plan-upgrade')
    // 2 × 200m run today; the same Deployment again needs only its surge pod (25% of 2, rounded up): +200m.
    // Counted as new it would need +400m and not fit under 700m.
    await cluster.apply([quota({'requests.cpu': '700m'}, {'requests.cpu': '400m'}), deployment('web', 2)], ns)
    const run = await quotaReport(['-n', ns, '-f', manifestFile([deployment('web', 2)]), '-o', 'json'])
    expect(run.code).toBe(0)
    const plan = JSON.parse(run.stdout)
    expect(plan.objects).toEqual([expect.objectContaining({kind: 'Deployment', name: 'web', action: 'update', replicas: 2, surge: 1})])
    expect(plan.quotas[0].lines).toEqual([expect.objectContaining({resource: 'requests.cpu', used: '400m', requested: '200m', after: '600m', fits: true})])
  })

  test('a namespace that does not exist yet has no quota: nothing to reject', async () => {
    const run = await quotaReport(['-n', 'plan-not-created-yet', '-f', manifestFile([deployment('web', 1)])])
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^No ResourceQuota limits what these manifests request\.\n/)
  })

  test('-f - reads the manifests from stdin', async () => {
    const ns = await cluster.createNamespace('plan-stdin')
    await cluster.apply([quota({pods: '1'}, {pods: '1'})], ns)
    const run = await quotaReport(['-n', ns, '-f', '-'], {stdin: JSON.stringify(deployment('worker', 1))})
    expect(run.code).toBe(3)
    expect(run.stdout).toContain('exceeded quota: compute, requested: pods=1, used: pods=1, limited: pods=1')
  })

  test('LimitRange defaults are applied before the quota check, and its violations are reported in the server\'s words', async () => {
    const ns = await cluster.createNamespace('plan-limits')
    await cluster.apply([quota({'requests.cpu': '4'}, {'requests.cpu': '0'}), limitRange], ns)
    const defaulted = await quotaReport(['-n', ns, '-f', manifestFile([deployment('web', 2, {})])])
    expect(defaulted.code).toBe(0)
    expect(defaulted.stdout).toMatch(/requests\.cpu\s+0m\s+\+500m\s+500m\s+4000m\s+yes/)
    const tooBig = await quotaReport(['-n', ns, '-f', manifestFile([deployment('big', 1, {limits: {cpu: '2'}})])])
    expect(tooBig.code).toBe(3)
    expect(tooBig.stdout).toMatch(new RegExp(`${ns}\\s+deployment/big\\s+maximum cpu usage per Container is 1, but limit is 2`))
  })

  test('a quota on cpu or memory rejects pods that do not declare it, even with room to spare', async () => {
    const ns = await cluster.createNamespace('plan-must-specify')
    await cluster.apply([quota({'requests.cpu': '4', 'limits.memory': '4Gi'}, {'requests.cpu': '0', 'limits.memory': '0'})], ns)
    const run = await quotaReport(['-n', ns, '-f', manifestFile([deployment('web', 2, {requests: {cpu: '100m'}})]), '-o', 'json'])
    expect(run.code).toBe(3)
    const plan = JSON.parse(run.stdout)
    expect(plan.fits).toBe(false)
    expect(plan.quotas).toEqual([expect.objectContaining({name: 'compute', fits: true})])
    expect(plan.violations).toEqual([{kind: 'Deployment', namespace: ns, name: 'web', messages: ['failed quota: compute: must specify limits.memory for: app']}])
  })

  test('--no-headers prints only the quota rows; the report\'s gates are refused with -f', async () => {
    const ns = await cluster.createNamespace('plan-no-headers')
    await cluster.apply([quota({'requests.cpu': '2', pods: '10'}, {'requests.cpu': '500m', pods: '2'})], ns)
    const file = manifestFile([deployment('web', 3)])
    const run = await quotaReport(['-n', ns, '-f', file, '--no-headers'])
    expect(run.code).toBe(0)
    expect(run.stdout.split('\n')).toEqual([expect.stringMatching(new RegExp(`^${ns}\\s+compute\\s+pods\\s`)), expect.stringMatching(/\srequests\.cpu\s/), ''])
    for (const flag of [['--top', '3'], ['--fail-at', '90'], ['--warn', '50'], ['--fail-on-missing']]) {
      const refused = await quotaReport(['-n', ns, '-f', file, ...flag])
      expect(refused.code, flag.join(' ')).toBe(2)
      expect(refused.stderr).toContain(`${flag[0]}`)
      expect(refused.stdout).toBe('')
    }
  })

  test('a chart that raises its quota and brings its LimitRange is checked against them', async () => {
    const ns = await cluster.createNamespace('plan-own-quota')
    await cluster.apply([quota({'requests.cpu': '1', pods: '2'}, {'requests.cpu': '0', pods: '2'})], ns)
    const raised = {...quota({'requests.cpu': '2', pods: '10'}, {}), status: undefined}
    const run = await quotaReport(['-n', ns, '-f', manifestFile([raised, limitRange, deployment('web', 3, {})])])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(new RegExp(`^${ns}\\s+compute\\s+pods\\s+2\\s+\\+3\\s+5\\s+10\\s+yes$`, 'm'))
    expect(run.stdout).toMatch(new RegExp(`^${ns}\\s+compute\\s+requests\\.cpu\\s+0m\\s+\\+750m\\s+750m\\s+2000m\\s+yes$`, 'm'))
  })

  test('-o json is the QuotaPlan contract', async () => {
    const ns = await cluster.createNamespace('plan-json')
    await cluster.apply([quota({'requests.memory': '1Gi'}, {'requests.memory': '256Mi'})], ns)
    const pod: KubeObject = {apiVersion: 'v1', kind: 'Pod', metadata: {name: 'job'}, spec: {containers: [{name: 'c', image: 'busybox', resources: {requests: {memory: '512Mi'}}}]}}
    const run = await quotaReport(['-n', ns, '-f', manifestFile([pod]), '-o', 'json'])
    expect(run.code).toBe(0)
    const doc = JSON.parse(run.stdout)
    expect(Object.keys(doc)).toEqual(['apiVersion', 'kind', 'context', 'namespace', 'offline', 'fits', 'quotas', 'delta', 'objects', 'violations', 'notes'])
    expect(doc).toMatchObject({apiVersion: 'kubeline.dev/v1alpha1', kind: 'QuotaPlan', namespace: ns, offline: false, fits: true, violations: []})
    expect(doc.quotas).toEqual([
      {
        namespace: ns,
        name: 'compute',
        fits: true,
        lines: [{
          resource: 'requests.memory', used: '256Mi', requested: '512Mi', after: '768Mi', hard: '1Gi',
          usedValue: 268435456, requestedValue: 536870912, afterValue: 805306368, hardValue: 1073741824, fits: true, shortfall: '0',
        }],
      },
    ])
    expect(doc.delta).toEqual({'count/pods': '1', memory: '512Mi', pods: '1', 'requests.memory': '512Mi'})
    expect(doc.objects).toEqual([{kind: 'Pod', namespace: ns, name: 'job', action: 'create', replicas: 1, surge: 0, usage: doc.delta, delta: doc.delta}])
  })

  test('--offline takes quotas and LimitRanges from the manifests and needs no kubeconfig', async () => {
    const offline = manifestFile([quota({'requests.cpu': '500m'}, {}), limitRange, deployment('web', 3, {})])
    const run = await quotaReport(['-f', offline, '--offline', '-n', 'payments'], {kubeconfig: join(directory, 'no-such-kubeconfig')})
    expect(run.stderr).toBe('')
    expect(run.code).toBe(3) // 3 × the LimitRange's 250m default request
    expect(run.stdout).toMatch(/^payments\s+compute\s+requests\.cpu\s+0m\s+\+750m\s+750m\s+500m\s+NO$/m)
    expect(run.stdout).toContain('exceeded quota: compute, requested: requests.cpu=750m, used: requests.cpu=0, limited: requests.cpu=500m')
  })

  // kubectl apply -n X -f (cli-runtime resource.Builder, RequireNamespace): an object of another namespace is refused.
  test('-n and a manifest of another namespace: exit 2 with kubectl apply\'s message; without -n it plans in its own', async () => {
    const elsewhere = {...deployment('web', 1), metadata: {name: 'web', namespace: 'checkout'}}
    const file = manifestFile([deployment('api', 1), elsewhere])
    const refused = await quotaReport(['-f', file, '--offline', '-n', 'payments'], {kubeconfig: join(directory, 'no-such-kubeconfig')})
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain(`error: ${file}:2 (document 2): the namespace from the provided object "checkout" does not match the namespace "payments". You must pass '--namespace=checkout' to perform this operation.`)
    expect(refused.stdout).toBe('')
    const own = await quotaReport(['-f', file, '--offline', '-o', 'json'], {kubeconfig: join(directory, 'no-such-kubeconfig')})
    expect(own.code).toBe(0)
    expect((JSON.parse(own.stdout) as {objects: {name: string; namespace: string}[]}).objects.map(({name, namespace}) => `${namespace}/${name}`)).toEqual(['default/api', 'checkout/web'])
  })

  test('a user without node rights gets a note for DaemonSets, not a failure; --nodes overrides', async () => {
    if (cluster.mode !== 'sandbox') return
    const ns = await cluster.createNamespace('plan-nodes')
    await cluster.apply([quota({pods: '5'}, {pods: '0'})], ns)
    const kubeconfig = await cluster.sandbox!.writeKubeconfig('developer', join(directory, 'developer-kubeconfig'))
    const daemonSet: KubeObject = {apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: {name: 'agent'}, spec: {template: {spec: {containers: [{name: 'a', image: 'agent'}]}}}}
    const file = manifestFile([daemonSet])
    const run = await quotaReport(['-n', ns, '-f', file], {kubeconfig})
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('cannot list nodes (forbidden): DaemonSet pods are not counted; pass --nodes N')
    const counted = await quotaReport(['-n', ns, '-f', file, '--nodes', '6'], {kubeconfig})
    expect(counted.code).toBe(3)
    expect(counted.stdout).toContain('exceeded quota: compute, requested: pods=6, used: pods=0, limited: pods=5')
  })

  // Upstream plugin/pkg/admission/runtimeclass: a pod naming a RuntimeClass gets its overhead.podFixed, which quota charges.
  test('a RuntimeClass adds its pod overhead to every pod; one that does not exist refuses the pods in the server\'s words', async () => {
    const ns = await cluster.createNamespace('plan-runtime-class')
    await cluster.apply([quota({'requests.cpu': '2', 'requests.memory': '2Gi'}, {'requests.cpu': '0', 'requests.memory': '0'})], ns)
    // Cluster-scoped, so a random name, removed afterwards (a real cluster keeps it otherwise); created by kubectl, which takes the manifest as written.
    const kata = `kata-${randomBytes(3).toString('hex')}`
    await promisify(execFile)('kubectl', ['create', '-f', manifestFile([runtimeClass(kata, {cpu: '250m', memory: '120Mi'})]), '--kubeconfig', cluster.kubeconfigPath])
    onTestFinished(async () => cluster.client.delete(RESOURCES.runtimeclasses, kata))
    const resources = {requests: {cpu: '200m', memory: '128Mi'}}
    const run = await quotaReport(['-n', ns, '-f', manifestFile([onRuntimeClass(kata, 'web', 3, resources)])])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    // 3 × (200m + 250m) and 3 × (128Mi + 120Mi)
    expect(run.stdout).toMatch(new RegExp(`^${ns}\\s+compute\\s+requests\\.cpu\\s+0m\\s+\\+1350m\\s+1350m\\s+2000m\\s+yes$`, 'm'))
    expect(run.stdout).toMatch(new RegExp(`^${ns}\\s+compute\\s+requests\\.memory\\s+0\\s+\\+744Mi\\s+744Mi\\s+2048Mi\\s+yes$`, 'm'))
    const missing = await quotaReport(['-n', ns, '-f', manifestFile([onRuntimeClass(`${kata}-gone`, 'web', 3, resources)])])
    expect(missing.code).toBe(3)
    expect(missing.stdout).toMatch(new RegExp(`^${ns}\\s+deployment/web\\s+pod rejected: RuntimeClass "${kata}-gone" not found$`, 'm'))
  })

  test('a RuntimeClass among the manifests applies; offline, or without the right to list them, one they lack is a note', async () => {
    const ns = await cluster.createNamespace('plan-own-runtime-class')
    await cluster.apply([quota({'requests.cpu': '1', pods: '10'}, {'requests.cpu': '0', pods: '0'})], ns)
    const gvisor = `gvisor-${randomBytes(3).toString('hex')}`
    const workload = onRuntimeClass(gvisor, 'sandboxed', 2, {requests: {cpu: '100m'}})
    const own = await quotaReport(['-n', ns, '-f', manifestFile([runtimeClass(gvisor, {cpu: '500m'}), workload]), '-o', 'json'])
    expect(own.code).toBe(3) // 2 × (100m + 500m) > 1
    expect(JSON.parse(own.stdout).quotas[0].message).toBe('exceeded quota: compute, requested: requests.cpu=1200m, used: requests.cpu=0, limited: requests.cpu=1')
    const lacking = manifestFile([workload])
    const offline = await quotaReport(['-n', ns, '-f', lacking, '--offline'], {kubeconfig: join(directory, 'no-such-kubeconfig')})
    expect(offline.code).toBe(0)
    expect(offline.stdout).toContain(`RuntimeClass "${gvisor}" is not among the manifests and the cluster's RuntimeClasses were not read: the pod overhead it may add is not charged`)
    if (cluster.mode !== 'sandbox') return
    const kubeconfig = await cluster.sandbox!.writeKubeconfig('developer', join(directory, 'developer-runtime-class-kubeconfig'))
    const forbidden = await quotaReport(['-n', ns, '-f', lacking], {kubeconfig})
    expect(forbidden.code).toBe(0)
    expect(forbidden.stdout).toContain('cannot list runtimeclasses (forbidden): pods are charged without the overhead of RuntimeClasses the manifests do not define')
    expect(forbidden.stdout).toContain(`RuntimeClass "${gvisor}" is not among the manifests`)
  })

  test('malformed YAML and invalid quantities exit 2 with file:line; plan flags without -f, or with -A, exit 2', async () => {
    const broken = manifestFile('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  labels: [unclosed\n')
    const yaml = await quotaReport(['-f', broken, '--offline'])
    expect(yaml.code).toBe(2)
    expect(yaml.stderr).toMatch(new RegExp(`^error: ${broken.replaceAll('.', '\\.')}:\\d+`))
    const badQuantity = manifestFile([deployment('ok', 1), deployment('bad', 1, {requests: {cpu: '2x'}})])
    const quantity = await quotaReport(['-f', badQuantity, '--offline'])
    expect(quantity.code).toBe(2)
    // The second object of the JSON stream starts on line 2.
    expect(quantity.stderr).toContain(`error: ${badQuantity}:2 (document 2): Deployment bad: invalid quantity "2x"`)
    const negativeSurge = deployment('web', 4)
    ;(negativeSurge.spec as Record<string, unknown>).strategy = {rollingUpdate: {maxSurge: -1, maxUnavailable: 1}}
    const budgetFile = manifestFile([deployment('ok', 1), negativeSurge])
    const budget = await quotaReport(['-f', budgetFile, '--offline'])
    expect(budget.code).toBe(2)
    expect(budget.stderr).toContain(`error: ${budgetFile}:2 (document 2): Deployment web: spec.strategy.rollingUpdate.maxSurge: Invalid value: -1: must be greater than or equal to 0`)
    for (const args of [['--offline'], ['--nodes', '3'], ['-A', '-f', badQuantity]]) {
      const run = await quotaReport(args)
      expect(run.code, args.join(' ')).toBe(2)
      expect(run.stderr).toMatch(/^error: /)
    }
  })
})
