import {mkdir, mkdtemp, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {runPlugin, startE2eCluster} from '@kubeline/sandbox/e2e'
import type {E2eCluster} from '@kubeline/sandbox/e2e'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {DENY_ALL_BUT_A_TO_B, PODS_A_B_C, deployment, manifestList, networkPolicy, podsABCWithAddresses, waitForPods} from '../fixtures/netpol-objects.js'

let cluster: E2eCluster
let ns: string
let dir: string
beforeAll(async () => {
  cluster = await startE2eCluster()
  ns = await cluster.createNamespace('run')
  await cluster.apply([...PODS_A_B_C, ...DENY_ALL_BUT_A_TO_B], ns)
  dir = await mkdtemp(join(tmpdir(), 'netpol-run-'))
})
afterAll(async () => cluster?.stop())

const netpol = (args: string[], stdin?: string) =>
  runPlugin('kubectl-netpol_test', args, {kubeconfig: cluster.kubeconfigPath, ...(stdin === undefined ? {} : {stdin})})

interface Case {
  name?: string
  from: string
  to: string
  port: unknown
  protocol?: string
  expect: string
}

/** A NetpolTestSuite as YAML (JSON is YAML) in a file of the temporary directory; returns its path. */
async function suiteFile(file: string, cases: Case[]): Promise<string> {
  const path = join(dir, file)
  await writeFile(path, suiteText(cases))
  return path
}

function suiteText(cases: Case[]): string {
  return JSON.stringify({apiVersion: 'kubeline.dev/v1alpha1', kind: 'NetpolTestSuite', metadata: {name: 'shop'}, spec: {cases}})
}

const passing = (namespace: string): Case[] => [
  {name: 'a reaches b', from: `${namespace}/a`, to: `${namespace}/b`, port: 80, expect: 'allow'},
  {name: 'c cannot reach b', from: `${namespace}/c`, to: `${namespace}/b`, port: 80, expect: 'deny'},
  {name: 'no UDP to b', from: `${namespace}/a`, to: `${namespace}/b`, port: 80, protocol: 'UDP', expect: 'deny'},
]

describe('netpol-test run', () => {
  test('every case as expected: exit 0, one row per case and the counts', async () => {
    const run = await netpol(['run', await suiteFile('passing.yaml', passing(ns))])
    expect(run.code).toBe(0)
    expect(run.stdout.trimEnd().split('\n').map((line) => line.split(/ {2,}/))).toEqual([
      ['STATUS', 'SUITE', 'CASE', 'PORT', 'EXPECTED', 'GOT'],
      ['PASS', 'shop', 'a reaches b', 'TCP/80', 'ALLOW', 'ALLOW'],
      ['PASS', 'shop', 'c cannot reach b', 'TCP/80', 'DENY', 'DENY'],
      ['PASS', 'shop', 'no UDP to b', 'UDP/80', 'DENY', 'DENY'],
      [''],
      ['3 cases: 3 passed, 0 failed, 0 errored'],
    ])
  })

  test('a failed case exits 3; -o json is the NetpolTestReport document', async () => {
    const suite = await suiteFile('failing.yaml', [
      {name: 'b reaches a', from: `${ns}/b`, to: `${ns}/a`, port: 80, expect: 'allow'},
      {from: `${ns}/deploy/api`, to: `${ns}/b`, port: 80, expect: 'allow'},
    ])
    const run = await netpol(['run', suite, '-o', 'json'])
    expect(run.code).toBe(3)
    expect(JSON.parse(run.stdout)).toEqual({
      apiVersion: 'kubeline.dev/v1alpha1',
      kind: 'NetpolTestReport',
      summary: {cases: 2, passed: 0, failed: 1, errors: 1},
      suites: [
        {
          name: 'shop',
          source: `${suite}:1`,
          summary: {cases: 2, passed: 0, failed: 1, errors: 1},
          cases: [
            {
              name: 'b reaches a',
              from: `${ns}/b`,
              to: `${ns}/a`,
              port: 80,
              protocol: 'TCP',
              expect: 'allow',
              status: 'fail',
              result: 'DENY',
              source: `${ns}/b`,
              destination: `${ns}/a`,
              egress: 'allowed: no policy isolates the pod for egress (Kubernetes allows by default)',
              ingress: `denied: isolated by NetworkPolicy ${ns}/default-deny, and no rule of theirs allows this connection`,
            },
            {
              name: `${ns}/deploy/api -> ${ns}/b TCP/80`,
              from: `${ns}/deploy/api`,
              to: `${ns}/b`,
              port: 80,
              protocol: 'TCP',
              expect: 'allow',
              status: 'error',
              error: `deployment "api" not found in namespace "${ns}"`,
            },
          ],
        },
      ],
    })
  })

  test('a live Deployment resolves to its first pod, as check does', async () => {
    const apps = await cluster.createNamespace('apps')
    await cluster.apply([deployment('api', 2, {app: 'api', pod: 'a'}), ...PODS_A_B_C.slice(1, 2), ...DENY_ALL_BUT_A_TO_B], apps)
    const [first] = await waitForPods(cluster, apps, 'app=api', 2)
    const run = await netpol(['run', await suiteFile('deploy.yaml', [{from: `${apps}/deploy/api`, to: `${apps}/b`, port: 80, expect: 'allow'}]), '-o', 'json'])
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout).suites[0].cases[0]).toMatchObject({status: 'pass', source: `${apps}/${first}`, destination: `${apps}/b`})
  })

  test('-o junit: testsuites > testsuite > testcase, the failure with its explanation, XML-escaped', async () => {
    const suite = await suiteFile('junit.yaml', [passing(ns)[0] as Case, {name: 'b -> a <must> work & "fast"', from: `${ns}/b`, to: `${ns}/a`, port: 80, expect: 'allow'}])
    const run = await netpol(['run', suite, '-o', 'junit'])
    expect(run.code).toBe(3)
    expect(run.stdout).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="kubectl netpol-test run" tests="2" failures="1" errors="0">',
        '  <testsuite name="shop" tests="2" failures="1" errors="0" skipped="0">',
        `    <properties><property name="source" value="${suite}:1"/></properties>`,
        '    <testcase name="a reaches b" classname="shop"/>',
        '    <testcase name="b -&gt; a &lt;must&gt; work &amp; &quot;fast&quot;" classname="shop">',
        `      <failure message="expected allow, got DENY" type="UnexpectedVerdict">DENY ${ns}/b -&gt; ${ns}/a TCP/80`,
        `egress of ${ns}/b: allowed: no policy isolates the pod for egress (Kubernetes allows by default)`,
        `ingress of ${ns}/a: denied: isolated by NetworkPolicy ${ns}/default-deny, and no rule of theirs allows this connection</failure>`,
        '    </testcase>',
        '  </testsuite>',
        '</testsuites>',
        '',
      ].join('\n'),
    )
  })

  test('-o tap from a suite on stdin', async () => {
    const run = await netpol(['run', '-', '-o', 'tap'], suiteText(passing(ns)))
    expect(run.code).toBe(0)
    expect(run.stdout).toBe('TAP version 14\n1..3\nok 1 - a reaches b\nok 2 - c cannot reach b\nok 3 - no UDP to b\n')
  })

  test('-f simulates a policy: would the suite still pass if I applied it?', async () => {
    const suite = await suiteFile('simulated.yaml', passing(ns))
    const denyAEgress = manifestList([networkPolicy('deny-a-egress', {podSelector: {matchLabels: {pod: 'a'}}, policyTypes: ['Egress']}, ns)])
    const run = await netpol(['run', '-f', '-', suite, '-o', 'tap'], denyAEgress)
    expect(run.code).toBe(3)
    expect(run.stdout.split('\n').slice(0, 4)).toEqual(['TAP version 14', '1..3', 'not ok 1 - a reaches b', '  ---'])
    expect(run.stdout).toContain(`egress of ${ns}/a: denied: isolated by NetworkPolicy ${ns}/deny-a-egress`)
  })

  test('--offline reads the cluster from -f only; a directory holds several suites', async () => {
    const suites = join(dir, 'suites')
    await mkdir(suites)
    await writeFile(join(suites, '1-allowed.yaml'), suiteText([{from: 'x/a', to: 'x/b', port: 80, expect: 'allow'}]).replace('"shop"', '"allowed"'))
    await writeFile(join(suites, '2-denied.yaml'), suiteText([{from: 'x/b', to: 'x/a', port: 80, expect: 'deny'}]).replace('"shop"', '"denied"'))
    const objects = [...PODS_A_B_C, ...DENY_ALL_BUT_A_TO_B].map((object) => ({...object, metadata: {...object.metadata, namespace: 'x'}}))
    const run = await runPlugin('kubectl-netpol_test', ['run', '--offline', '-f', '-', suites, '-o', 'tap'], {kubeconfig: '/nonexistent/kubeconfig', stdin: manifestList(objects)})
    expect(run).toMatchObject({code: 0, stderr: ''})
    expect(run.stdout).toBe('TAP version 14\n1..2\nok 1 - allowed: x/a -> x/b TCP/80\nok 2 - denied: x/b -> x/a TCP/80\n')
  })

  test('an ip: of a pod\'s address is warned about once per address, as check does, on stderr only', async () => {
    const suite = await suiteFile('addresses.yaml', [
      {name: 'a to the address of b', from: 'x/a', to: 'ip:10.0.0.2', port: 80, expect: 'allow'},
      {name: 'the address of b to c', from: 'ip:10.0.0.2', to: 'x/c', port: 80, expect: 'deny'},
      {name: 'an outside address to b', from: 'ip:203.0.113.7', to: 'x/b', port: 80, expect: 'deny'},
      {name: 'the address of a to b', from: 'ip:10.0.0.1', to: 'x/b', port: 80, expect: 'deny'},
    ])
    const run = (output: string) => runPlugin('kubectl-netpol_test', ['run', '--offline', '-f', '-', suite, '-o', output], {kubeconfig: '/nonexistent/kubeconfig', stdin: manifestList(podsABCWithAddresses())})
    const warnings = [
      'Warning: to: ip:10.0.0.2 (case "a to the address of b" of suite shop) is the address of pod x/b, but ip: is evaluated as an address outside the pod network, where only ipBlock peers match: for the pod, write to: x/b',
      'Warning: from: ip:10.0.0.1 (case "the address of a to b" of suite shop) is the address of pod x/a, but ip: is evaluated as an address outside the pod network, where only ipBlock peers match: for the pod, write from: x/a',
      '',
    ].join('\n')
    const table = await run('table')
    expect(table).toMatchObject({code: 0, stderr: warnings})
    const json = await run('json')
    expect(json).toMatchObject({code: 0, stderr: warnings})
    expect(JSON.parse(json.stdout)).toMatchObject({kind: 'NetpolTestReport', summary: {cases: 4, passed: 4}})
  })

  test('a -f workload has no IP: a denial an ipBlock rule might lift once it runs is warned about on stderr, with its case', async () => {
    const egressAnywhere = networkPolicy('egress-anywhere', {podSelector: {matchLabels: {app: 'api'}}, policyTypes: ['Egress'], egress: [{to: [{ipBlock: {cidr: '0.0.0.0/0'}}]}]}, 'x')
    const workloads = [deployment('api', 1, {app: 'api'}), deployment('web', 1, {app: 'web'})].map((object) => ({...object, metadata: {...object.metadata, namespace: 'x'}}))
    const suite = await suiteFile('addressless.yaml', [
      {name: 'api to web', from: 'x/deploy/api', to: 'x/deploy/web', port: 80, expect: 'deny'},
      {name: 'web to api', from: 'x/deploy/web', to: 'x/deploy/api', port: 80, expect: 'allow'},
    ])
    const run = await runPlugin('kubectl-netpol_test', ['run', '--offline', '-f', '-', suite, '-o', 'junit'], {kubeconfig: '/nonexistent/kubeconfig', stdin: manifestList([...workloads, egressAnywhere])})
    expect(run.code).toBe(0)
    expect(run.stderr).toBe(
      'Warning: x/web-deployment has no IP address (a representative pod from -f, or a pod not scheduled yet), so no ipBlock peer can match it: ' +
        'the egress ipBlock rules of NetworkPolicy x/egress-anywhere may allow case "api to web" of suite shop once it has one\n',
    )
  })

  test.each([
    {name: 'an unknown expect value', cases: [{from: 'x/a', to: 'x/b', port: 80, expect: 'allowed'}], message: 'spec.cases[0]: expect: must be allow or deny, got "allowed"'},
    {name: 'a bad port', cases: [{name: 'web', from: 'x/a', to: 'x/b', port: 'http', expect: 'deny'}], message: 'spec.cases[0] ("web"): port: must be an integer between 1 and 65535, got "http"'},
    {name: 'a typo in a field', cases: [{from: 'x/a', to: 'x/b', port: 80, expect: 'deny', protocl: 'UDP'} as Case], message: 'spec.cases[0]: protocl: unknown field'},
    {name: 'a bad endpoint', cases: [{from: 'x/a', to: 'x/svc/b', port: 80, expect: 'deny'}], message: 'spec.cases[0]: invalid to "x/svc/b": expected ns/pod'},
  ])('a malformed suite exits 2 naming the file, the case and the field: $name', async ({cases, message}) => {
    const suite = await suiteFile('bad.yaml', cases)
    const run = await netpol(['run', suite])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(`${suite}:1: ${message}`)
  })

  test.each([
    {args: ['run'], message: 'Missing 1 required arg'},
    {args: ['run', '/nonexistent/suite.yaml'], message: '/nonexistent/suite.yaml'},
    {args: ['run', '-', '-f', '-'], message: 'stdin ("-") can be read only once'},
    {args: ['run', '-', '-o', 'xml'], message: 'xml'},
  ])('bad input exits 2: $args', async ({args, message}) => {
    const run = await netpol(args, suiteText(passing('x')))
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(message)
  })

  test('a manifest of another kind is not a suite', async () => {
    const run = await netpol(['run', '-'], manifestList([networkPolicy('p', {podSelector: {}})]))
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('<stdin>:1 (items[0]): kind: expected apiVersion kubeline.dev/v1alpha1, kind NetpolTestSuite; got networking.k8s.io/v1, NetworkPolicy')
  })
})
