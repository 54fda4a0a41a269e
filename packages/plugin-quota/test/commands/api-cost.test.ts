import {REAL_CLUSTER_ENV, runPlugin, startE2eCluster} from '@kubeline/sandbox/e2e'
import type {E2eCluster} from '@kubeline/sandbox/e2e'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'

// A generated scale set (sandbox only: request counts are the sandbox's), controllers off so
// the pods stay as generated. 1,300 pods are three pages of 500.
const NAMESPACES = 60
const PODS = 1300
let cluster: E2eCluster
beforeAll(async () => {
  cluster = await startE2eCluster({fixture: `scale:namespaces=${NAMESPACES},pods=${PODS},quotas=${NAMESPACES},deployments=30`, controllers: false})
})
afterAll(async () => cluster?.stop())

describe.runIf(process.env[REAL_CLUSTER_ENV] === undefined)('kubectl quota-report -A: API cost', () => {
  test('one paginated, cluster-wide list per kind: requests grow with pages, never with namespaces', async () => {
    const requests = cluster.sandbox!.requests
    requests.clear()
    const run = await runPlugin('kubectl-quota_report', ['-A', '--top', '3', '-o', 'json'], {kubeconfig: cluster.kubeconfigPath})
    expect(run.stderr).toBe('')
    expect(run.code).toBe(3) // the scale set has quotas over their limits
    // A large document followed by exit 3 arrives whole (stdout is flushed before process.exit).
    expect(JSON.parse(run.stdout).summary.quotas).toBe(NAMESPACES)
    const counts = Object.fromEntries(requests.counts().map(({verb, resource, namespace, count}) => [`${verb} ${resource} ${namespace}`, count]))
    expect(counts).toEqual({
      'list namespaces ': 1,
      'list resourcequotas ': 1,
      'list limitranges ': 1,
      'list replicasets ': 1,
      'list jobs ': 1,
      'list pods ': Math.ceil(PODS / 500),
      // The generated quotas are compute quotas: no quota can charge a PVC or a Service, so neither is read.
    })
  })
})

describe.runIf(process.env[REAL_CLUSTER_ENV] === undefined)('kubectl quota-report -n: API cost (the demo cluster)', () => {
  let demo: E2eCluster
  // May read the quotas and LimitRanges of playground, and nothing else.
  const podless = {name: 'podless', token: 'podless-token-api-cost', rules: [{apiGroups: [''], resources: ['resourcequotas', 'limitranges'], verbs: ['list'], namespaces: ['playground']}]}
  let podlessKubeconfig: string
  beforeAll(async () => {
    demo = await startE2eCluster({fixture: 'demo', controllers: false, users: [podless]})
    podlessKubeconfig = await demo.sandbox!.writeKubeconfig(podless.name)
  })
  afterAll(async () => demo?.stop())

  const listsOf = async (namespace: string) => {
    const requests = demo.sandbox!.requests
    requests.clear()
    const run = await runPlugin('kubectl-quota_report', ['-n', namespace, '-o', 'json'], {kubeconfig: demo.kubeconfigPath})
    expect(run.stderr).toBe('')
    return requests.counts().map(({verb, resource, namespace: scope, count}) => `${verb} ${resource} ${scope} x${count}`).sort()
  }

  test('payments has storage and service quotas: PVCs and Services are read as well as pods', async () => {
    expect(await listsOf('payments')).toEqual([
      'list limitranges payments x1', 'list persistentvolumeclaims payments x1', 'list pods payments x1', 'list resourcequotas payments x1', 'list services payments x1',
    ])
  })

  test('checkout has compute quotas only: no PVC or Service list', async () => {
    expect(await listsOf('checkout')).toEqual(['list limitranges checkout x1', 'list pods checkout x1', 'list resourcequotas checkout x1'])
  })

  test('the pods are asked for while the quotas are still on their way: one round trip, not two', async () => {
    const {requests, faults} = demo.sandbox!
    requests.clear()
    const held = faults.add({match: {verb: 'list', resource: 'resourcequotas'}, effect: {kind: 'delay', ms: 3000}, times: 1})
    try {
      let finished = false
      const run = runPlugin('kubectl-quota_report', ['-n', 'payments', '-o', 'json'], {kubeconfig: demo.kubeconfigPath}).finally(() => (finished = true))
      while (!finished && requests.count({verb: 'list', resource: 'pods'}) === 0) await new Promise((resolve) => setTimeout(resolve, 10))
      expect(requests.count({verb: 'list', resource: 'pods'})).toBe(1)
      // Not answered yet (held, or not even arrived): the pods did not wait for the quotas.
      expect(requests.entries({verb: 'list', resource: 'resourcequotas'}).filter((request) => request.status !== 0)).toEqual([])
      expect((await run).code).toBe(3) // payments holds a quota at its limit (docs/exit-codes.md)
    } finally {
      faults.remove(held.id)
    }
  })

  test('no quota charges pods in playground: the pods asked for ahead are dropped, so a user who may not list pods still gets the report', async () => {
    const admin = await runPlugin('kubectl-quota_report', ['-n', 'playground', '-o', 'json'], {kubeconfig: demo.kubeconfigPath})
    // Held back so that the refusal of the pods asked for ahead surely comes first.
    const held = demo.sandbox!.faults.add({match: {verb: 'list', resource: 'resourcequotas', namespace: 'playground'}, effect: {kind: 'delay', ms: 1000}, times: 1})
    const limited = await runPlugin('kubectl-quota_report', ['-n', 'playground', '-o', 'json'], {kubeconfig: podlessKubeconfig})
    demo.sandbox!.faults.remove(held.id)
    expect(demo.sandbox!.requests.entries({user: podless.name, verb: 'list', resource: 'pods'}).map((request) => request.status)).toContain(403)
    expect(limited).toEqual({...admin, stdout: admin.stdout.replaceAll('"kubeline-sandbox"', `"kubeline-sandbox-${podless.name}"`)})
  })
})
