import {runPlugin, startE2eCluster} from '@kubeline/sandbox/e2e'
import type {E2eCluster} from '@kubeline/sandbox/e2e'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {DENY_ALL_BUT_A_TO_B, PODS_A_B_C, manifestList, networkPolicy} from '../fixtures/netpol-objects.js'

let cluster: E2eCluster
let ns: string
beforeAll(async () => {
  cluster = await startE2eCluster()
  ns = await cluster.createNamespace('lint')
  await cluster.apply([...PODS_A_B_C, ...DENY_ALL_BUT_A_TO_B], ns)
})
afterAll(async () => cluster?.stop())

const netpol = (args: string[], stdin?: string) =>
  runPlugin('kubectl-netpol_test', args, {kubeconfig: cluster.kubeconfigPath, ...(stdin === undefined ? {} : {stdin})})

/** A policy selecting nothing, with a peer that matches nothing and a named port b does not define. */
const sloppy = () =>
  manifestList([
    networkPolicy('typo', {podSelector: {matchLabels: {pod: 'z'}}}, ns),
    networkPolicy('to-b', {podSelector: {matchLabels: {pod: 'b'}}, ingress: [{from: [{podSelector: {matchLabels: {pod: 'ghost'}}}], ports: [{port: 'grpc'}]}]}, ns),
  ])

describe('netpol-test lint', () => {
  test('a namespace with default deny ingress only: one info finding, exit 0', async () => {
    const run = await netpol(['lint', '-n', ns])
    expect(run.code).toBe(0)
    expect(run.stdout.trimEnd().split('\n').map((line) => line.split(/ {2,}/))).toEqual([
      ['SEVERITY', 'CODE', 'OBJECT', 'MESSAGE'],
      ['info', 'NO_DEFAULT_DENY_EGRESS', `Namespace/${ns}`, 'no default-deny egress policy: pods no policy selects may connect anywhere'],
    ])
  })

  test('--fail-on info fails on it (exit 3); --fail-on none never fails', async () => {
    expect((await netpol(['lint', '-n', ns, '--fail-on', 'info'])).code).toBe(3)
    expect((await netpol(['lint', '-n', ns, '--fail-on', 'none', '-f', '-'], sloppy())).code).toBe(0)
  })

  test('-f: warnings for the proposed policies, with their fields in -o wide; exit 3 only with --fail-on warning', async () => {
    const run = await netpol(['lint', '-n', ns, '-o', 'wide', '-f', '-'], sloppy())
    expect(run.code).toBe(0)
    const lines = run.stdout.trimEnd().split('\n')
    expect(lines.map((line) => line.split(/ {2,}/).slice(0, 4))).toEqual([
      ['SEVERITY', 'CODE', 'OBJECT', 'FIELD'],
      ['warning', 'NAMED_PORT_UNRESOLVED', `NetworkPolicy/${ns}/to-b`, 'spec.ingress[0].ports[0]'],
      ['warning', 'PEER_MATCHES_NO_PODS', `NetworkPolicy/${ns}/to-b`, 'spec.ingress[0].from[0]'],
      ['warning', 'POLICY_SELECTS_NO_PODS', `NetworkPolicy/${ns}/typo`, 'spec.podSelector'],
      ['info', 'NO_DEFAULT_DENY_EGRESS', `Namespace/${ns}`, 'no default-deny egress policy: pods no policy selects may connect anywhere'],
    ])
    const field = (lines[0] ?? '').indexOf('FIELD')
    expect(lines[4]?.slice(field, field + 'spec.ingress[0].ports[0]'.length).trim()).toBe('')
    expect((await netpol(['lint', '-n', ns, '--fail-on', 'warning', '-f', '-'], sloppy())).code).toBe(3)
  })

  test('-o json: the NetpolLintReport document', async () => {
    const run = await netpol(['lint', '-n', ns, '-o', 'json'])
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toEqual({
      apiVersion: 'kubeline.dev/v1alpha1',
      kind: 'NetpolLintReport',
      failOn: 'error',
      failed: false,
      summary: {error: 0, warning: 0, info: 1},
      findings: [
        {severity: 'info', code: 'NO_DEFAULT_DENY_EGRESS', object: {kind: 'Namespace', name: ns}, message: 'no default-deny egress policy: pods no policy selects may connect anywhere'},
      ],
    })
  })

  test('--offline: an ipBlock except outside its CIDR is an error (exit 3), and pods no policy covers are listed', async () => {
    const objects = [
      ...PODS_A_B_C.map((object) => ({...object, metadata: {...object.metadata, namespace: 'x'}})),
      networkPolicy('egress', {podSelector: {matchLabels: {pod: 'a'}}, policyTypes: ['Egress'], egress: [{to: [{ipBlock: {cidr: '10.0.0.0/8', except: ['192.168.0.0/16']}}]}]}, 'x'),
    ]
    const run = await runPlugin('kubectl-netpol_test', ['lint', '--offline', '-n', 'x', '-f', '-', '-o', 'yaml'], {kubeconfig: '/nonexistent/kubeconfig', stdin: manifestList(objects)})
    expect(run).toMatchObject({code: 3, stderr: ''})
    expect(run.stdout).toMatch(/^apiVersion: kubeline.dev\/v1alpha1\nkind: NetpolLintReport\nfailOn: error\nfailed: true\n/)
    expect(run.stdout).toContain('code: IPBLOCK_EXCEPT_OUTSIDE_CIDR')
    expect(run.stdout).toContain('path: spec.egress[0].to[0].ipBlock.except[0]')
    expect(run.stdout.match(/code: POD_NOT_COVERED/g)).toHaveLength(2)
  })

  test('a namespace that does not exist is not linted: exit 2 naming it, no findings made up for it', async () => {
    const run = await netpol(['lint', '-n', 'no-such-namespace'])
    expect(run).toMatchObject({code: 2, stdout: ''})
    expect(run.stderr).toContain('namespace "no-such-namespace" not found')
  })

  test('--offline without -n: "default" holds none of the manifests, so exit 2 pointing at -n and -A', async () => {
    const stdin = manifestList(PODS_A_B_C.map((object) => ({...object, metadata: {...object.metadata, namespace: 'x'}})))
    const run = await runPlugin('kubectl-netpol_test', ['lint', '--offline', '-f', '-'], {kubeconfig: '/nonexistent/kubeconfig', stdin})
    expect(run).toMatchObject({code: 2, stdout: ''})
    expect(run.stderr).toContain('namespace "default" not found in the manifests')
    expect(run.stderr).toContain('-A')
  })

  test.each([
    {args: ['--fail-on', 'fatal'], message: 'fatal'},
    {args: ['-o', 'markdown'], message: 'output format "markdown"'},
    {args: ['-f', '/nonexistent/policies.yaml'], message: '/nonexistent/policies.yaml'},
    {args: ['--offline'], message: '--offline needs manifests'},
  ])('bad input exits 2: $message', async ({args, message}) => {
    const run = await netpol(['lint', '-n', ns, ...args])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(message)
  })
})
