import {mkdtemp, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {RESOURCES} from '@kubeline/core'
import type {KubeObject} from '@kubeline/core'
import {documentedRules, runPlugin, startE2eCluster, withoutPermission} from '@kubeline/sandbox/e2e'
import type {E2eCluster, NetworkSimulation} from '@kubeline/sandbox/e2e'
import {afterAll, beforeAll, beforeEach, describe, expect, test} from 'vitest'
import {DENY_ALL_BUT_A_TO_B, networkPolicy, pod} from '../fixtures/netpol-objects.js'

// The subject here is the sandbox's simulated network (a NetworkSimulation saying which connections
// succeed), so this suite always runs on the sandbox (an empty environment: no real cluster).
const AGNHOST = 'registry.k8s.io/e2e-test-images/agnhost:2.53'
// Users holding exactly what docs/rbac.md shows for netpol-test (its ClusterRole and, in namespace shop, the
// probe Role), or that less one permission.
const DOCUMENTED = [...documentedRules('netpol-test', 'ClusterRole'), ...documentedRules('netpol-test', 'Role')]
const USERS = [
  {name: 'prober', token: 'prober-token', rules: DOCUMENTED},
  {name: 'no-ephemeral', token: 'no-ephemeral-token', rules: withoutPermission(DOCUMENTED, 'patch', 'pods/ephemeralcontainers')},
  {name: 'no-exec', token: 'no-exec-token', rules: withoutPermission(DOCUMENTED, 'create', 'pods/exec')},
]

let cluster: E2eCluster
let ns: string
let dir: string
const kubeconfigs: Record<string, string> = {}

/** Pods a, b, c (`pod=<name>`) running agnhost, so both --via ephemeral and --via exec can probe from them. */
const agnhostPod = (name: string, image = AGNHOST): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {name, labels: {pod: name}},
  spec: {containers: [{name: 'main', image, ports: [{name: 'http', containerPort: 80}]}]},
})

beforeAll(async () => {
  cluster = await startE2eCluster({users: USERS}, {})
  // The namespace of the documented Role.
  ns = 'shop'
  await cluster.client.create(RESOURCES.namespaces, {apiVersion: 'v1', kind: 'Namespace', metadata: {name: ns}})
  await cluster.apply([agnhostPod('a'), agnhostPod('b'), agnhostPod('c'), agnhostPod('nohost', 'registry.k8s.io/pause:3.10'), ...DENY_ALL_BUT_A_TO_B], ns)
  await waitForRunning(['a', 'b', 'c', 'nohost'])
  dir = await mkdtemp(join(tmpdir(), 'netpol-probe-'))
  for (const user of USERS) kubeconfigs[user.name] = await cluster.sandbox!.writeKubeconfig(user.name)
})
afterAll(async () => cluster?.stop())
beforeEach(() => cluster.setNetwork(undefined))

async function waitForRunning(names: string[], namespace = ns): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const pods = (await cluster.client.list(RESOURCES.pods, {namespace})).items as (KubeObject & {status?: {phase?: string; podIP?: string}})[]
    if (names.every((name) => pods.some((pod) => pod.metadata.name === name && pod.status?.phase === 'Running' && pod.status.podIP))) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`pods ${names.join(', ')} did not start in ${namespace}`)
}

const netpol = (args: string[], options: {stdin?: string; kubeconfig?: string} = {}) =>
  runPlugin('kubectl-netpol_test', args, {kubeconfig: options.kubeconfig ?? cluster.kubeconfigPath, timeoutMs: 60_000, ...(options.stdin === undefined ? {} : {stdin: options.stdin})})

/** A network that does what DENY_ALL_BUT_A_TO_B says: only a -> b on TCP 80 gets through. */
const enforcing = (): NetworkSimulation => ({
  apiVersion: 'sandbox.kubeline.dev/v1alpha1',
  kind: 'NetworkSimulation',
  default: 'deny',
  connections: [{from: `${ns}/a`, to: `${ns}/b`, port: 80, protocol: 'TCP', result: 'allow'}],
})

const podIp = async (name: string, namespace = ns) => ((await cluster.client.get(RESOURCES.pods, name, {namespace})) as {status?: {podIP?: string}}).status?.podIP ?? ''
const ephemeralNames = async (name: string) =>
  (((await cluster.client.get(RESOURCES.pods, name, {namespace: ns})) as {spec?: {ephemeralContainers?: {name: string}[]}}).spec?.ephemeralContainers ?? []).map((c) => c.name)

interface ProbeJson {
  kind: string
  via: string
  summary: {probes: number; agree: number; mismatch: number; errors: number}
  results: {from: string; to: string; address: string; port: number; protocol: string; expected: string; live: {result: string; message: string; attempts: number}; status: string}[]
}

async function suiteFile(file: string, cases: object[]): Promise<string> {
  const path = join(dir, file)
  await writeFile(path, JSON.stringify({apiVersion: 'kubeline.dev/v1alpha1', kind: 'NetpolTestSuite', metadata: {name: 'shop'}, spec: {cases}}))
  return path
}

describe('netpol-test probe (matrix of running pods)', () => {
  test('a selector that leaves no pair of pods probes nothing: the counts alone, and a warning saying so (exit 0)', async () => {
    const before = await ephemeralNames('a')
    const run = await netpol(['probe', '-n', ns, '-l', 'pod=a'])
    expect(run).toMatchObject({code: 0, stdout: '0 probes via ephemeral: 0 agree, 0 mismatch, 0 errored\n'})
    expect(run.stderr).toBe('Warning: nothing was probed: no connection between two running pods that -n and -l select, on the ports asked\n')
    expect(await ephemeralNames('a')).toEqual(before)
  })

  test('a network that enforces the policies agrees everywhere: exit 0, one ephemeral container per source pod', async () => {
    cluster.setNetwork(enforcing())
    const before = await ephemeralNames('a')
    const run = await netpol(['probe', '-n', ns, '-l', 'pod in (a,b,c)', '--port', '80', '-o', 'json'])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const report = JSON.parse(run.stdout) as ProbeJson
    expect(report).toMatchObject({kind: 'ProbeReport', via: 'ephemeral', summary: {probes: 6, agree: 6, mismatch: 0, errors: 0}})
    const row = (from: string, to: string) => report.results.find((r) => r.from === `${ns}/${from}` && r.to === `${ns}/${to}`)
    expect(row('a', 'b')).toEqual({from: `${ns}/a`, to: `${ns}/b`, address: await podIp('b'), port: 80, protocol: 'TCP', expected: 'allow', live: {result: 'allow', message: 'OK', attempts: 1}, status: 'agree'})
    expect(row('c', 'b')).toMatchObject({expected: 'deny', live: {result: 'deny', message: 'TIMEOUT', attempts: 1}, status: 'agree'})
    const added = (await ephemeralNames('a')).filter((name) => !before.includes(name))
    expect(added).toHaveLength(1)
    expect(added[0]).toMatch(/^kubeline-probe-[0-9a-f]{5}$/)
  })

  test('a network that enforces nothing: every denied pair connects, a mismatch (exit 3) retried once, with the likely cause', async () => {
    const run = await netpol(['probe', '-n', ns, '-l', 'pod in (a,b)', '--port', '80'])
    expect(run.code).toBe(3)
    const lines = run.stdout.trimEnd().split('\n')
    expect(lines[0]?.split(/ {2,}/)).toEqual(['STATUS', 'FROM', 'TO', 'PORT', 'POLICIES', 'LIVE'])
    const note = lines.indexOf('MISMATCH: connected although the policies deny it: does the network plugin (CNI) enforce NetworkPolicy, and did the policy reach it yet?')
    expect(lines[note + 1]).toBe(`  ${ns}/b -> ${ns}/a TCP/80`)
    expect(lines.at(-1)).toBe('2 probes via ephemeral: 1 agree, 1 mismatch, 0 errored')
  })

  test('a connection that fails once and then succeeds (enforcement catching up) agrees after the one retry', async () => {
    cluster.setNetwork({...enforcing(), connections: [{from: `${ns}/a`, to: `${ns}/b`, port: 80, result: 'allow', failFirst: 1}]})
    const run = await netpol(['probe', '-n', ns, '-l', 'pod in (a,b)', '-o', 'json'])
    expect(run.code).toBe(0)
    const report = JSON.parse(run.stdout) as ProbeJson
    expect(report.results.find((r) => r.from === `${ns}/a`)?.live).toEqual({result: 'allow', message: 'OK', attempts: 2})
  })

  test('--via exec runs agnhost in the pod itself: no ephemeral container; a pod without agnhost is an error (exit 1)', async () => {
    cluster.setNetwork(enforcing())
    const before = await ephemeralNames('b')
    const run = await netpol(['probe', '-n', ns, '-l', 'pod in (b,nohost)', '--via', 'exec', '-o', 'json'])
    expect(run.code).toBe(1)
    const report = JSON.parse(run.stdout) as ProbeJson
    expect(report.via).toBe('exec')
    expect(report.results.find((r) => r.from === `${ns}/b`)).toMatchObject({to: `${ns}/nohost`, expected: 'deny', live: {result: 'deny', message: 'TIMEOUT'}, status: 'agree'})
    const fromNohost = report.results.find((r) => r.from === `${ns}/nohost`)
    expect(fromNohost?.status).toBe('error')
    expect(fromNohost?.live.message).toMatch(new RegExp(`^cannot run /agnhost in container "main" of pod ${ns}/nohost: .*stat /agnhost: no such file or directory`))
    expect(await ephemeralNames('b')).toEqual(before)
  })

  test.each(['ephemeral', 'exec'])('--via %s works with exactly the documented permissions', async (via) => {
    cluster.setNetwork(enforcing())
    const run = await netpol(['probe', '-n', ns, '-l', 'pod in (a,b)', '--via', via], {kubeconfig: kubeconfigs.prober})
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
  })

  test.each([
    ['no-ephemeral', 'ephemeral', 'User "no-ephemeral" cannot patch resource "pods/ephemeralcontainers" in API group "" in the namespace "shop"'],
    ['no-exec', 'exec', 'User "no-exec" cannot create resource "pods/exec" in API group "" in the namespace "shop"'],
  ])('%s: told which permission is missing (exit 1)', async (user, via, message) => {
    const run = await netpol(['probe', '-n', ns, '-l', 'pod in (a,b)', '--via', via], {kubeconfig: kubeconfigs[user]})
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(message)
  })
})

describe('netpol-test probe --port declared', () => {
  test('each destination is probed only on the ports it declares: client -> db on 5432, client -> web on 80, nothing towards client', async () => {
    const app = await cluster.createNamespace('declared')
    await cluster.apply([pod('client', {pod: 'client'}), pod('db', {pod: 'db'}, [{name: 'postgres', containerPort: 5432}]), pod('web', {pod: 'web'}, [{name: 'http', containerPort: 80}])], app)
    await waitForRunning(['client', 'db', 'web'], app)
    // No policy allows everything; the network lets through only the declared ports (and 8080 to web, for the suite):
    // a probe on any other port would not connect and be a mismatch.
    const declaredOnly = [{to: `${app}/db`, port: 5432}, {to: `${app}/web`, port: 80}, {to: `${app}/web`, port: 8080}]
    cluster.setNetwork({...enforcing(), connections: declaredOnly.map((rule) => ({...rule, from: '*', protocol: 'TCP', result: 'allow' as const}))})
    const run = await netpol(['probe', '-n', app, '--port', 'declared', '-o', 'json'])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const report = JSON.parse(run.stdout) as ProbeJson
    const probes = report.results.map((r) => `${r.from} -> ${r.to} ${r.protocol}/${r.port} ${r.status}`)
    expect(probes.filter((probe) => probe.startsWith(`${app}/client `))).toEqual([`${app}/client -> ${app}/web TCP/80 agree`, `${app}/client -> ${app}/db TCP/5432 agree`])
    // db and web are sources too: each probes the other on its declared port.
    expect(probes).toEqual([`${app}/client -> ${app}/web TCP/80 agree`, `${app}/db -> ${app}/web TCP/80 agree`, `${app}/client -> ${app}/db TCP/5432 agree`, `${app}/web -> ${app}/db TCP/5432 agree`])
    expect(report.results.find((r) => r.to === `${app}/db`)?.address).toBe(await podIp('db', app))

    // With a suite the cases carry their ports and --port is ignored, as it always was: web's undeclared 8080 is probed.
    const suite = await suiteFile('declared.yaml', [{name: 'client reaches web on 8080', from: `${app}/client`, to: `${app}/web`, port: 8080, expect: 'allow'}])
    const withSuite = await netpol(['probe', suite, '--port', 'declared', '-o', 'json'])
    expect(withSuite.code).toBe(0)
    expect((JSON.parse(withSuite.stdout) as ProbeJson).results.map((r) => `${r.from} -> ${r.to} ${r.protocol}/${r.port} ${r.status}`)).toEqual([`${app}/client -> ${app}/web TCP/8080 agree`])
  })

  test.each([
    {port: 'declared,http', via: 'ephemeral', message: 'invalid --port "http": must be an integer between 1 and 65535 or "declared"'},
    {port: 'Declared', via: 'exec', message: 'invalid --port "Declared": must be an integer between 1 and 65535 or "declared"'},
    {port: 'declared,0', via: 'ephemeral', message: 'invalid --port 0: must be an integer between 1 and 65535'},
  ])('--port $port --via $via exits 2 before any request: no ephemeral container, no exec', async ({port, via, message}) => {
    const requests = cluster.sandbox!.requests
    const before = {all: requests.count(), ephemeral: requests.count({subresource: 'ephemeralcontainers'}), exec: requests.count({subresource: 'exec'})}
    const run = await netpol(['probe', '-n', ns, '--port', port, '--via', via])
    expect(run).toMatchObject({code: 2, stdout: ''})
    expect(run.stderr).toContain(message)
    expect({all: requests.count(), ephemeral: requests.count({subresource: 'ephemeralcontainers'}), exec: requests.count({subresource: 'exec'})}).toEqual(before)
  })
})

const cases = () => [
  {name: 'a reaches b', from: `${ns}/a`, to: `${ns}/b`, port: 80, expect: 'allow'},
  {name: 'c cannot reach b', from: `${ns}/c`, to: `${ns}/b`, port: 80, expect: 'deny'},
  {name: 'a reaches the outside', from: `${ns}/a`, to: 'ip:192.0.2.10', port: 443, expect: 'allow'},
]

describe('netpol-test probe SUITE and run --probe', () => {

  test('probe SUITE compares each case with the policies; an address as the source cannot be probed; a mismatch wins (exit 3)', async () => {
    cluster.setNetwork(enforcing())
    const suite = await suiteFile('probe.yaml', [...cases(), {name: 'from outside', from: 'ip:192.0.2.10', to: `${ns}/b`, port: 80, expect: 'deny'}])
    const run = await netpol(['probe', suite, '-o', 'json'])
    expect(run.code).toBe(3)
    const report = JSON.parse(run.stdout) as ProbeJson
    expect(report.results.map((r) => [r.to, r.expected, r.live.result, r.status])).toEqual([
      [`${ns}/b`, 'allow', 'allow', 'agree'],
      [`${ns}/b`, 'deny', 'deny', 'agree'],
      // The policies allow a's egress anywhere; the simulated network (default deny) drops it.
      ['ip:192.0.2.10', 'allow', 'deny', 'mismatch'],
      [`${ns}/b`, 'deny', 'error', 'error'],
    ])
    expect(report.results[2]?.address).toBe('192.0.2.10')
    expect(report.results[3]?.live.message).toBe('ip:192.0.2.10 is an address, not a pod: a probe runs inside its source pod')
  })

  test('run --probe: a case passes only when the network agrees with it too', async () => {
    cluster.setNetwork({...enforcing(), connections: [...(enforcing().connections ?? []), {from: `${ns}/a`, to: 'ip:192.0.2.0/24', result: 'allow'}]})
    const suite = await suiteFile('run-probe.yaml', cases())
    const agreeing = await netpol(['run', suite, '--probe'])
    expect(agreeing.code).toBe(0)
    expect(agreeing.stdout.split('\n')[0]?.split(/ {2,}/)).toEqual(['STATUS', 'SUITE', 'CASE', 'PORT', 'EXPECTED', 'GOT', 'LIVE'])
    expect(agreeing.stdout).toContain('3 cases: 3 passed, 0 failed, 0 errored')

    cluster.setNetwork(undefined)
    const failing = await netpol(['run', suite, '--probe', '-o', 'json'])
    expect(failing.code).toBe(3)
    const caseOf = (name: string) => (JSON.parse(failing.stdout) as {suites: {cases: {name: string; status: string; live?: object}[]}[]}).suites[0]?.cases.find((c) => c.name === name)
    // It connected although the case expects deny: retried once, as any disagreement is.
    expect(caseOf('c cannot reach b')).toMatchObject({status: 'fail', live: {result: 'allow', message: 'OK', attempts: 2}})
    expect(caseOf('a reaches b')).toMatchObject({status: 'pass', live: {result: 'allow'}})
  })
})

describe('netpol-test probe: bad input is refused before anything is written', () => {
  test.each([
    [['probe', '--probe-timeout', '0s'], 'invalid --probe-timeout "0s": must be more than 0'],
    [['probe', '--probe-timeout', 'soon'], 'invalid --probe-timeout "soon"'],
    [['probe', '-c', 'main'], '--container is for --via exec'],
    [['probe', '--via', 'ssh'], 'Expected --via=ssh to be one of: ephemeral, exec'],
    [['probe', '--port', '70000'], '70000'],
    [['probe', '-n', 'no-such-namespace'], 'namespace "no-such-namespace" not found'],
    [['probe', '--probe-image', 'registry.example.com/agnhost 2.53'], 'invalid --probe-image "registry.example.com/agnhost 2.53": an image reference is not empty and has no whitespace'],
    [['probe', '--probe-image', ''], 'invalid --probe-image "": an image reference is not empty and has no whitespace'],
  ])('%j', async (args, message) => {
    const before = await ephemeralNames('a')
    const run = await netpol(args.includes('-n') ? args : [...args, '-n', ns])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(message)
    expect(await ephemeralNames('a')).toEqual(before)
  })

  test('run --probe --offline is refused: probing needs a live cluster', async () => {
    const suite = await suiteFile('offline.yaml', cases())
    const policy = join(dir, 'policy.yaml')
    await writeFile(policy, JSON.stringify(networkPolicy('p', {podSelector: {}}, ns)))
    const run = await netpol(['run', suite, '--probe', '--offline', '-f', policy])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('probing needs a live cluster: it cannot be used with --offline')
  })
})
