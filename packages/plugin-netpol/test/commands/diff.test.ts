import {mkdtemp, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {runPlugin, startE2eCluster} from '@kubeline/sandbox/e2e'
import type {E2eCluster} from '@kubeline/sandbox/e2e'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {DENY_ALL_BUT_A_TO_B, PODS_A_B_C, deployment, manifestList, networkPolicy, pod, sidecarMetrics, waitForPods} from '../fixtures/netpol-objects.js'

let cluster: E2eCluster
let ns: string
let other: string
let dir: string
beforeAll(async () => {
  cluster = await startE2eCluster()
  ns = await cluster.createNamespace('diff')
  other = await cluster.createNamespace('other')
  await cluster.apply([...PODS_A_B_C, ...DENY_ALL_BUT_A_TO_B], ns)
  await cluster.apply(PODS_A_B_C.slice(0, 1), other)
  dir = await mkdtemp(join(tmpdir(), 'netpol-diff-'))
})
afterAll(async () => cluster?.stop())

const netpol = (args: string[], stdin?: string) =>
  runPlugin('kubectl-netpol_test', args, {kubeconfig: cluster.kubeconfigPath, ...(stdin === undefined ? {} : {stdin})})

/** The live allow-a-to-b, replaced: c instead of a may reach b. */
const cInsteadOfA = (namespace: string) =>
  manifestList([networkPolicy('allow-a-to-b', {podSelector: {matchLabels: {pod: 'b'}}, ingress: [{from: [{podSelector: {matchLabels: {pod: 'c'}}}], ports: [{port: 80}]}]}, namespace)])

describe('netpol-test diff', () => {
  test('a replaced policy: a -> b newly denied (exit 3), c -> b newly allowed; -o json is the ConnectivityDiff document', async () => {
    const run = await netpol(['diff', '-n', ns, '-f', '-', '-o', 'json'], cInsteadOfA(ns))
    expect(run.code).toBe(3)
    expect(JSON.parse(run.stdout)).toEqual({
      apiVersion: 'kubeline.dev/v1alpha1',
      kind: 'ConnectivityDiff',
      groupBy: 'workload',
      traffic: [{port: 80, protocol: 'TCP'}],
      proposedPolicies: [{kind: 'NetworkPolicy', name: 'allow-a-to-b', namespace: ns, change: 'replaced'}],
      summary: {newlyDenied: 1, newlyAllowed: 1, unacknowledged: 1},
      changes: [
        {change: 'newly-denied', from: `${ns}/a`, to: `${ns}/b`, port: 80, protocol: 'TCP', podPairs: 1, blocking: true},
        {change: 'newly-allowed', from: `${ns}/c`, to: `${ns}/b`, port: 80, protocol: 'TCP', podPairs: 1, blocking: false},
      ],
      unmatchedAcks: [],
    })
  })

  test('the table lists each change, then the summary; --ack accepts the denial (exit 0)', async () => {
    const run = await netpol(['diff', '-n', ns, '-f', '-'], cInsteadOfA(ns))
    expect(run.code).toBe(3)
    expect(run.stdout.split('\n').map((line) => line.trimEnd().split(/ {2,}/))).toEqual([
      [`Proposed: NetworkPolicy ${ns}/allow-a-to-b (replaces the current one)`],
      ['CHANGE', 'FROM', 'TO', 'PORT', 'POD PAIRS', 'ACKNOWLEDGED'],
      ['newly denied', `${ns}/a`, `${ns}/b`, 'TCP/80', '1', 'NO'],
      ['newly allowed', `${ns}/c`, `${ns}/b`, 'TCP/80', '1', '-'],
      ['1 newly denied (1 not acknowledged), 1 newly allowed on TCP/80'],
      [''],
    ])
    const acked = await netpol(['diff', '-n', ns, '-f', '-', '--ack', `${ns}/a->${ns}/*:80`, '--ack', `${ns}/x->${ns}/b`], cInsteadOfA(ns))
    expect(acked.code).toBe(0)
    expect(acked.stdout.split('\n')[2]?.split(/ {2,}/)).toEqual(['newly denied', `${ns}/a`, `${ns}/b`, 'TCP/80', '1', `yes (${ns}/a->${ns}/*:80)`])
    expect(acked.stderr).toContain(`acknowledgement "${ns}/x->${ns}/b" matches no newly denied connection`)
  })

  test('--ack-file: one ack a line with # comments; a port that does not match leaves it blocking', async () => {
    const acks = join(dir, 'acks.txt')
    await writeFile(acks, `# team shop agreed\n${ns}/a->${ns}/b:80/TCP   # TICKET-1\n`)
    expect((await netpol(['diff', '-n', ns, '-f', '-', '--ack-file', acks], cInsteadOfA(ns))).code).toBe(0)
    await writeFile(acks, `${ns}/a->${ns}/b:81\n`)
    expect((await netpol(['diff', '-n', ns, '-f', '-', '--ack-file', acks], cInsteadOfA(ns))).code).toBe(3)
  })

  test('-o markdown is a PR comment: a heading with the summary, the proposed policies and a table', async () => {
    const run = await netpol(['diff', '-n', ns, '-f', '-', '-o', 'markdown'], cInsteadOfA(ns))
    expect(run.stdout).toBe(
      [
        '### NetworkPolicy diff: 1 newly denied (1 not acknowledged), 1 newly allowed on TCP/80',
        '',
        `Proposed: \`NetworkPolicy ${ns}/allow-a-to-b\` (replaces the current one)`,
        '',
        '| Change | From | To | Port | Pod pairs | Acknowledged |',
        '| --- | --- | --- | --- | ---: | --- |',
        `| newly denied | ${ns}/a | ${ns}/b | TCP/80 | 1 | NO |`,
        `| newly allowed | ${ns}/c | ${ns}/b | TCP/80 | 1 | - |`,
        '',
      ].join('\n'),
    )
  })

  test('-n and -l keep the connections from or to the pods they select, from any namespace; -A every one', async () => {
    const denyAEgress = manifestList([networkPolicy('deny-a-egress', {podSelector: {matchLabels: {pod: 'a'}}, policyTypes: ['Egress']}, ns)])
    const changed = async (args: string[]) =>
      JSON.parse((await netpol(['diff', '-f', '-', '-o', 'json', ...args], denyAEgress)).stdout).changes.map((change: {from: string; to: string}) => `${change.from}->${change.to}`)
    expect(await changed(['-n', other])).toEqual([`${ns}/a->${other}/a`])
    expect(await changed(['-n', ns, '-l', 'pod=b'])).toEqual([`${ns}/a->${ns}/b`])
    expect(await changed(['-n', other, '-A'])).toEqual([`${ns}/a->${ns}/b`, `${ns}/a->${other}/a`])
  })

  test('-l that selects no pod compares nothing: "no change" (exit 0) comes with a warning, so a typo is noticed', async () => {
    const run = await netpol(['diff', '-n', ns, '-l', 'pod=nothing', '-f', '-'], cInsteadOfA(ns))
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('no connection changes its verdict on TCP/80')
    expect(run.stderr).toBe('Warning: -n and -l select no pod: no connection was compared\n')
  })

  test('--group-by workload folds a live Deployment; --group-by pod lists its pods', async () => {
    const grouped = await cluster.createNamespace('grouped')
    await cluster.apply([deployment('web', 2, {app: 'web'}), ...PODS_A_B_C.slice(0, 1)], grouped)
    const web = await waitForPods(cluster, grouped, 'app=web', 2)
    const isolateWeb = manifestList([networkPolicy('web-from-a', {podSelector: {matchLabels: {app: 'web'}}, ingress: [{from: [{podSelector: {matchLabels: {pod: 'a'}}}]}]}, grouped)])
    const inGrouped = (change: {from: string}) => change.from.startsWith(`${grouped}/`)
    const byWorkload = JSON.parse((await netpol(['diff', '-n', grouped, '-f', '-', '-o', 'json'], isolateWeb)).stdout)
    expect(byWorkload.changes.filter(inGrouped)).toEqual([{change: 'newly-denied', from: `${grouped}/deployment/web`, to: `${grouped}/deployment/web`, port: 80, protocol: 'TCP', podPairs: 2, blocking: true}])
    const byPod = JSON.parse((await netpol(['diff', '-n', grouped, '-f', '-', '-o', 'json', '--group-by', 'pod'], isolateWeb)).stdout)
    expect(byPod.changes.filter(inGrouped).map((change: {from: string; to: string; podPairs: number}) => [change.from, change.to, change.podPairs])).toEqual([
      [`${grouped}/${web[0]}`, `${grouped}/${web[1]}`, 1],
      [`${grouped}/${web[1]}`, `${grouped}/${web[0]}`, 1],
    ])
  })

  test('--offline compares --base with --base plus -f, no kubeconfig needed; no change exits 0', async () => {
    const base = join(dir, 'base.json')
    const objects = [...PODS_A_B_C, ...DENY_ALL_BUT_A_TO_B].map((object) => ({...object, metadata: {...object.metadata, namespace: 'x'}}))
    await writeFile(base, manifestList(objects))
    const offline = (stdin: string, extra: string[] = []) =>
      runPlugin('kubectl-netpol_test', ['diff', '--offline', '--base', base, '-f', '-', '-o', 'json', ...extra], {kubeconfig: '/nonexistent/kubeconfig', stdin})
    const changed = await offline(cInsteadOfA('x'), ['--port', '80,81'])
    expect(changed).toMatchObject({code: 3, stderr: ''})
    const document = JSON.parse(changed.stdout)
    expect(document.traffic).toEqual([{port: 80, protocol: 'TCP'}, {port: 81, protocol: 'TCP'}])
    expect(document.summary).toEqual({newlyDenied: 1, newlyAllowed: 1, unacknowledged: 1})
    const same = await offline(manifestList(DENY_ALL_BUT_A_TO_B.map((object) => ({...object, metadata: {...object.metadata, namespace: 'x'}}))))
    expect(same.code).toBe(0)
    expect(JSON.parse(same.stdout).changes).toEqual([])
    const text = await runPlugin('kubectl-netpol_test', ['diff', '--offline', '--base', base, '-f', '-'], {kubeconfig: '/nonexistent/kubeconfig', stdin: manifestList(objects.slice(3))})
    expect(text.stdout).toBe('Proposed: NetworkPolicy x/default-deny (replaces the current one), NetworkPolicy x/allow-a-to-b (replaces the current one)\nno connection changes its verdict on TCP/80\n')
  })

  test('--port declared with --named-ports sidecars also compares the port a native sidecar declares', async () => {
    const base = join(dir, 'sidecar-base.json')
    await writeFile(base, manifestList(sidecarMetrics().filter((object) => object.kind === 'Pod')))
    const isolateCache = manifestList([networkPolicy('isolate-cache', {podSelector: {matchLabels: {app: 'cache'}}, policyTypes: ['Ingress']}, 'x')])
    const declared = async (extra: string[]) => {
      const run = await runPlugin('kubectl-netpol_test', ['diff', '--offline', '--base', base, '-f', '-', '--port', 'declared', '-o', 'json', ...extra], {kubeconfig: '/nonexistent/kubeconfig', stdin: isolateCache})
      return JSON.parse(run.stdout) as {traffic: unknown[]; changes: {to: string; port: number}[]}
    }
    const byDefault = await declared([])
    expect(byDefault.traffic).toEqual([{port: 6379, protocol: 'TCP', towards: 'declaring-pods'}])
    expect(byDefault.changes.map((change) => `${change.to}:${change.port}`)).toEqual(['x/cache:6379'])
    const withSidecars = await declared(['--named-ports', 'sidecars'])
    expect(withSidecars.traffic).toEqual([{port: 6379, protocol: 'TCP', towards: 'declaring-pods'}, {port: 9121, protocol: 'TCP', towards: 'declaring-pods'}])
    expect(withSidecars.changes.map((change) => `${change.to}:${change.port}`)).toEqual(['x/cache:6379', 'x/cache:9121'])
  })

  test('-n of a namespace that does not exist exits 2, not 0 for "no change" (a mistyped CI gate must not pass)', async () => {
    const live = await netpol(['diff', '-f', '-', '-n', 'no-such-namespace'], cInsteadOfA(ns))
    expect(live).toMatchObject({code: 2, stdout: ''})
    expect(live.stderr).toContain('namespace "no-such-namespace" not found')
    const offline = await netpol(['diff', '-f', '-', '-n', 'no-such-namespace', '--offline'], cInsteadOfA('x'))
    expect(offline).toMatchObject({code: 2, stdout: ''})
    expect(offline.stderr).toContain('namespace "no-such-namespace" not found in the manifests')
  })

  test.each([
    {args: ['diff', '-n', 'x'], message: 'Missing required flag filename'},
    {args: ['diff', '-f', '-', '--ack', 'x/a'], message: '--ack: invalid acknowledgement "x/a": expected FROM->TO[:PORT[/PROTOCOL]]'},
    {args: ['diff', '-f', '-', '--ack', 'x/a->x/b:99999'], message: 'invalid port 99999'},
    {args: ['diff', '-f', '-', '--port', 'http'], message: 'invalid --port "http"'},
    {args: ['diff', '-f', '-', '--protocol', 'ICMP'], message: 'unknown protocol "ICMP"'},
    {args: ['diff', '-f', '-', '--group-by', 'team'], message: 'team'},
    {args: ['diff', '-f', '-', '--ack-file', '/nonexistent/acks.txt'], message: 'cannot read --ack-file "/nonexistent/acks.txt"'},
    {args: ['diff', '-f', '-', '-o', 'junit'], message: 'output format "junit"'},
  ])('bad input exits 2: $message', async ({args, message}) => {
    const run = await netpol([...args, '--offline'], cInsteadOfA('x'))
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(message)
  })

  test('--port declared compares each pod on the ports it declares: a policy that keeps 80 open cuts postgres on 5432', async () => {
    const shop = await cluster.createNamespace('declared')
    await cluster.apply([pod('client', {pod: 'client'}), pod('db', {pod: 'db'}, [{name: 'postgres', containerPort: 5432}])], shop)
    const httpOnly = manifestList([networkPolicy('db-http-only', {podSelector: {matchLabels: {pod: 'db'}}, ingress: [{ports: [{port: 80}]}]}, shop)])
    const diff = async (extra: string[]) => {
      const run = await netpol(['diff', '-n', shop, '-f', '-', '-o', 'json', ...extra], httpOnly)
      return {code: run.code, document: JSON.parse(run.stdout), stderr: run.stderr}
    }
    const declared = await diff(['--port', 'declared'])
    expect(declared.code).toBe(3)
    // client declares no port: what would cut traffic towards it goes unseen, and the user is told so.
    expect(declared.stderr).toBe(`Warning: no connection was compared towards 1 pod that declares no TCP container port: ${shop}/client (list its ports beside "declared", e.g. --port declared,8080)\n`)
    expect(declared.document.traffic).toContainEqual({port: 5432, protocol: 'TCP', towards: 'declaring-pods'})
    expect(declared.document.changes).toContainEqual({change: 'newly-denied', from: `${shop}/client`, to: `${shop}/db`, port: 5432, protocol: 'TCP', podPairs: 1, blocking: true})
    // Only db declares 5432, and the policy selects only db: every change is towards db on 5432, none on the ports of other pods.
    expect(declared.document.changes.filter((change: {to: string; port: number}) => change.to !== `${shop}/db` || change.port !== 5432)).toEqual([])
    expect(await diff([])).toMatchObject({code: 0, document: {traffic: [{port: 80, protocol: 'TCP'}], changes: []}})
    const udp = await diff(['--port', 'declared', '--protocol', 'UDP'])
    expect(udp).toMatchObject({code: 0, document: {traffic: [], changes: []}})
    expect(udp.stderr).toContain(`towards 2 pods that declare no UDP container port: ${shop}/client, ${shop}/db (list their ports`)
    const withListed = await diff(['--port', 'declared,80'])
    expect(withListed.code).toBe(3)
    expect(withListed.stderr).toBe('')
    expect(withListed.document.traffic).toEqual(expect.arrayContaining([{port: 80, protocol: 'TCP', towards: 'every-pod'}, {port: 5432, protocol: 'TCP', towards: 'declaring-pods'}]))
    const table = await netpol(['diff', '-n', shop, '-f', '-', '--port', 'declared'], httpOnly)
    expect(table.stdout).toMatch(/newly denied +\S+\/client +\S+\/db +TCP\/5432 +1 +NO\n/)
    expect(table.stdout).toMatch(/newly allowed on the declared ports (TCP\/\d+, )*TCP\/5432/)
  })

  test.each([
    {port: 'declared,http', message: 'invalid --port "http": must be an integer between 1 and 65535 or "declared"'},
    {port: 'DECLARED', message: 'invalid --port "DECLARED": must be an integer between 1 and 65535 or "declared"'},
    {port: 'declared,0', message: 'invalid --port 0: must be an integer between 1 and 65535'},
  ])('--port $port exits 2 before any cluster is contacted', async ({port, message}) => {
    const requests = () => cluster.sandbox?.requests.count()
    const before = requests()
    const run = await netpol(['diff', '-f', '-', '--port', port], cInsteadOfA('x'))
    expect(run).toMatchObject({code: 2, stdout: ''})
    expect(run.stderr).toContain(message)
    expect(requests()).toBe(before)
  })

  test('an invalid proposed policy exits 2 naming the file, the policy and the field', async () => {
    const bad = manifestList([networkPolicy('bad', {podSelector: {}, ingress: [{ports: [{port: 70000}]}]}, ns)])
    const run = await netpol(['diff', '-n', ns, '-f', '-'], bad)
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(`<stdin>:1 (items[0]): NetworkPolicy ${ns}/bad: spec.ingress[0].ports[0]`)
  })
})
