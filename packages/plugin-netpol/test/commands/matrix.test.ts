import {runPlugin, startE2eCluster} from '@kubeline/sandbox/e2e'
import type {E2eCluster} from '@kubeline/sandbox/e2e'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {DENY_ALL_BUT_A_TO_B, PODS_A_B_C, deployment, manifestList, networkPolicy, pod, waitForPods} from '../fixtures/netpol-objects.js'

let cluster: E2eCluster
let ns: string
let other: string
beforeAll(async () => {
  cluster = await startE2eCluster()
  ns = await cluster.createNamespace('matrix')
  other = await cluster.createNamespace('other')
  await cluster.apply([...PODS_A_B_C, ...DENY_ALL_BUT_A_TO_B], ns)
  await cluster.apply(PODS_A_B_C.slice(0, 1), other)
})
afterAll(async () => cluster?.stop())

const netpol = (args: string[], stdin?: string) =>
  runPlugin('kubectl-netpol_test', args, {kubeconfig: cluster.kubeconfigPath, ...(stdin === undefined ? {} : {stdin})})

/** The expected `allowed` table: only a -> b (and every pod to itself) on port 80. */
function onlyAToB(namespace: string, port: number): Record<string, Record<string, boolean>> {
  const pods = ['a', 'b', 'c'].map((name) => `${namespace}/${name}`)
  return Object.fromEntries(pods.map((from) => [from, Object.fromEntries(pods.map((to) => [to, from === to || (port === 80 && from.endsWith('/a') && to.endsWith('/b'))]))]))
}

describe('netpol-test matrix', () => {
  test('-o json is exactly the ConnectivityMatrix contract, one result per port x protocol', async () => {
    const run = await netpol(['matrix', '-n', ns, '--port', '80,81', '--protocol', 'TCP,UDP', '-o', 'json'])
    expect(run.code).toBe(0)
    const pods = [`${ns}/a`, `${ns}/b`, `${ns}/c`]
    const udp = Object.fromEntries(pods.map((from) => [from, Object.fromEntries(pods.map((to) => [to, from === to]))]))
    expect(JSON.parse(run.stdout)).toEqual({
      apiVersion: 'kubeline.dev/v1alpha1',
      kind: 'ConnectivityMatrix',
      results: [
        {port: 80, protocol: 'TCP', pods, allowed: onlyAToB(ns, 80)},
        {port: 80, protocol: 'UDP', pods, allowed: udp},
        {port: 81, protocol: 'TCP', pods, allowed: onlyAToB(ns, 81)},
        {port: 81, protocol: 'UDP', pods, allowed: udp},
      ],
    })
    expect(Object.keys(JSON.parse(run.stdout))).toEqual(['apiVersion', 'kind', 'results'])
    expect(Object.keys(JSON.parse(run.stdout).results[0])).toEqual(['port', 'protocol', 'pods', 'allowed'])
  })

  test('the table prints . for allowed and X for denied, rows = source, columns = destination', async () => {
    const run = await netpol(['matrix', '-n', ns])
    expect(run.code).toBe(0)
    expect(run.stdout.trimEnd().split('\n').map((line) => line.split(/ +/))).toEqual([
      ['TCP/80'],
      ['-', `${ns}/a`, `${ns}/b`, `${ns}/c`],
      [`${ns}/a`, '.', '.', 'X'],
      [`${ns}/b`, 'X', '.', 'X'],
      [`${ns}/c`, 'X', 'X', '.'],
    ])
    expect(run.stdout.split('\n')[1]).toBe(`-${' '.repeat(ns.length + 1)} ${ns}/a ${ns}/b ${ns}/c`)
  })

  test('without -n every namespace is shown; policies of other namespaces still apply', async () => {
    const run = await netpol(['matrix', '-o', 'json'])
    const [result] = JSON.parse(run.stdout).results
    expect(result.pods).toEqual(expect.arrayContaining([`${ns}/a`, `${other}/a`]))
    expect(result.allowed[`${other}/a`][`${ns}/b`]).toBe(false)
    expect(result.allowed[`${ns}/a`][`${other}/a`]).toBe(true)
  })

  test('-A shows every namespace, as kubectl does, even with -n', async () => {
    const everyPod = JSON.parse((await netpol(['matrix', '-o', 'json'])).stdout)
    for (const args of [['-A'], ['--all-namespaces', '-n', ns]]) {
      const run = await netpol(['matrix', ...args, '-o', 'json'])
      expect(run).toMatchObject({code: 0, stderr: ''})
      expect(JSON.parse(run.stdout)).toEqual(everyPod)
    }
    expect(everyPod.results[0].pods).toEqual(expect.arrayContaining([`${ns}/a`, `${other}/a`]))
  })

  test('-l narrows the pods shown', async () => {
    const run = await netpol(['matrix', '-n', ns, '-l', 'pod in (a,b)', '-o', 'json'])
    expect(JSON.parse(run.stdout).results[0].pods).toEqual([`${ns}/a`, `${ns}/b`])
  })

  test('-f simulates: "what if I apply this deny policy" removes a -> b', async () => {
    const denyA = manifestList([networkPolicy('deny-a-egress', {podSelector: {matchLabels: {pod: 'a'}}, policyTypes: ['Egress']}, ns)])
    const run = await netpol(['matrix', '-n', ns, '-o', 'json', '-f', '-'], denyA)
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout).results[0].allowed[`${ns}/a`]).toEqual({[`${ns}/a`]: true, [`${ns}/b`]: false, [`${ns}/c`]: false})
  })

  test('--offline with a kubeconfig that does not exist reads only -f', async () => {
    const objects = [...PODS_A_B_C, ...DENY_ALL_BUT_A_TO_B].map((object) => ({...object, metadata: {...object.metadata, namespace: 'x'}}))
    const run = await runPlugin('kubectl-netpol_test', ['matrix', '--offline', '-f', '-', '-o', 'json'], {kubeconfig: '/nonexistent/kubeconfig', stdin: manifestList(objects)})
    expect(run).toMatchObject({code: 0, stderr: ''})
    expect(JSON.parse(run.stdout).results).toEqual([{port: 80, protocol: 'TCP', pods: ['x/a', 'x/b', 'x/c'], allowed: onlyAToB('x', 80)}])
  })

  test('--group-by workload folds a Deployment\'s pods into one row and column; JSON stays per pod', async () => {
    const grouped = await cluster.createNamespace('grouped')
    await cluster.apply(
      [
        deployment('web', 2, {app: 'web'}),
        pod('client', {app: 'client'}),
        networkPolicy('default-deny', {podSelector: {}, policyTypes: ['Ingress']}),
        networkPolicy('client-to-web', {podSelector: {matchLabels: {app: 'web'}}, ingress: [{from: [{podSelector: {matchLabels: {app: 'client'}}}]}]}),
      ],
      grouped,
    )
    const web = await waitForPods(cluster, grouped, 'app=web', 2)
    const run = await netpol(['matrix', '-n', grouped, '--group-by', 'workload'])
    expect(run.code).toBe(0)
    expect(run.stdout.trimEnd().split('\n').map((line) => line.split(/ +/))).toEqual([
      ['TCP/80'],
      ['-', `${grouped}/client`, `${grouped}/deployment/web`],
      [`${grouped}/client`, '.', '.'],
      [`${grouped}/deployment/web`, 'X', 'X'],
      [`${grouped}/deployment/web:`, ...web.map((name) => `${grouped}/${name}`)],
    ])
    const byClass = await netpol(['matrix', '-n', grouped, '--group-by', 'class'])
    expect(byClass.stdout.split('\n')[1]?.split(/ +/)).toEqual(['-', `${grouped}/client`, `${grouped}/${web[0]}+1`])
    const json = await netpol(['matrix', '-n', grouped, '--group-by', 'workload', '-o', 'json'])
    expect(JSON.parse(json.stdout).results[0].pods).toEqual([`${grouped}/client`, ...web.map((name) => `${grouped}/${name}`)])
  })

  test('-l that selects no pod: the empty table comes with a warning, so a typo is noticed (exit 0)', async () => {
    const run = await netpol(['matrix', '-n', ns, '-l', 'pod=nothing'])
    expect(run).toMatchObject({code: 0, stdout: 'TCP/80\n-\n'})
    expect(run.stderr).toBe('Warning: -n and -l select no pod: the tables are empty\n')
  })

  test('-n of a namespace that does not exist exits 2 naming it, rather than an empty table', async () => {
    const run = await netpol(['matrix', '-n', 'no-such-namespace', '-o', 'json'])
    expect(run).toMatchObject({code: 2, stdout: ''})
    expect(run.stderr).toContain('namespace "no-such-namespace" not found')
  })

  test.each([
    {args: ['--group-by', 'team'], message: 'team'},
    {args: ['--port', '0'], message: 'invalid --port 0'},
    {args: ['--port', '80,http'], message: 'invalid --port "http"'},
    {args: ['--protocol', 'TCP,ICMP'], message: 'unknown protocol "ICMP"'},
    {args: ['-l', 'pod in ('], message: 'pod in ('},
    {args: ['-o', 'svg'], message: 'output format "svg"'},
    {args: ['--offline'], message: '--offline needs manifests'},
  ])('bad input exits 2: $message', async ({args, message}) => {
    const run = await netpol(['matrix', '-n', ns, ...args])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(message)
  })
})
