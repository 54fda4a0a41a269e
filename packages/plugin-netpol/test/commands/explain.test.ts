import {mkdtemp, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {runPlugin, startE2eCluster} from '@kubeline/sandbox/e2e'
import type {E2eCluster} from '@kubeline/sandbox/e2e'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {DENY_ALL_BUT_A_TO_B, PODS_A_B_C, manifestList, networkPolicy, sidecarMetrics} from '../fixtures/netpol-objects.js'

let cluster: E2eCluster
let ns: string
let other: string
beforeAll(async () => {
  cluster = await startE2eCluster()
  ns = await cluster.createNamespace('explain')
  other = await cluster.createNamespace('other')
  await cluster.apply([...PODS_A_B_C, ...DENY_ALL_BUT_A_TO_B], ns)
  await cluster.apply([networkPolicy('egress-only', {podSelector: {}, policyTypes: ['Egress']})], other)
})
afterAll(async () => cluster?.stop())

const netpol = (args: string[], stdin?: string) =>
  runPlugin('kubectl-netpol_test', args, {kubeconfig: cluster.kubeconfigPath, ...(stdin === undefined ? {} : {stdin})})

describe('netpol-test explain', () => {
  test('every policy of the namespace in plain words', async () => {
    const run = await netpol(['explain', '-n', ns])
    expect(run).toMatchObject({code: 0, stderr: ''})
    expect(run.stdout).toBe(`NetworkPolicy ${ns}/allow-a-to-b
  selects 1 pod: ${ns}/b (pods {pod=b} in namespace ${ns})
  ingress: isolated (policyTypes is not set: Ingress is always assumed)
    rule 0: allows from pods {pod=a} in namespace ${ns} [1 pod: ${ns}/a] on TCP/80
  egress: not affected (policyTypes is not set, and spec.egress has no rules)

NetworkPolicy ${ns}/default-deny
  selects 3 pods: ${ns}/a, ${ns}/b, ${ns}/c (pods {all} in namespace ${ns})
  ingress: isolated (policyTypes lists Ingress); no rules: nothing is allowed in unless another policy allows it
  egress: not affected (policyTypes does not list Egress)
`)
  })

  test('one policy by name, -o json: the PolicyExplanation document', async () => {
    const run = await netpol(['explain', 'default-deny', '-n', ns, '-o', 'json'])
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toEqual({
      apiVersion: 'kubeline.dev/v1alpha1',
      kind: 'PolicyExplanation',
      policies: [
        {
          policy: {kind: 'NetworkPolicy', name: 'default-deny', namespace: ns},
          tier: 'networkpolicy',
          selects: {description: `pods {all} in namespace ${ns}`, count: 3, pods: [`${ns}/a`, `${ns}/b`, `${ns}/c`]},
          ingress: {affected: true, reason: 'listed', explanation: 'isolated (policyTypes lists Ingress)', rules: []},
          egress: {affected: false, reason: 'not-listed', explanation: 'not affected (policyTypes does not list Egress)', rules: []},
        },
      ],
    })
  })

  test('-A adds the policies of every namespace; KIND/NAME and -o yaml', async () => {
    const all = await netpol(['explain', '-A', '-o', 'json'])
    const names = JSON.parse(all.stdout).policies.map((p: {policy: {namespace: string; name: string}}) => `${p.policy.namespace}/${p.policy.name}`)
    expect(names).toEqual(expect.arrayContaining([`${ns}/allow-a-to-b`, `${ns}/default-deny`, `${other}/egress-only`]))
    const yaml = await netpol(['explain', 'netpol/egress-only', '-n', other, '-o', 'yaml'])
    expect(yaml.code).toBe(0)
    expect(yaml.stdout).toMatch(/^apiVersion: kubeline.dev\/v1alpha1\nkind: PolicyExplanation\npolicies:\n/)
    expect(yaml.stdout).toContain('reason: listed')
  })

  test('-f explains a policy before it is applied, with the live pods it would select', async () => {
    const proposed = manifestList([networkPolicy('web-egress', {podSelector: {matchLabels: {pod: 'c'}}, egress: [{to: [{podSelector: {}}], ports: [{port: 'http'}]}]}, ns)])
    const run = await netpol(['explain', 'web-egress', '-n', ns, '-f', '-'], proposed)
    expect(run.code).toBe(0)
    expect(run.stdout.split('\n').slice(0, 5)).toEqual([
      `NetworkPolicy ${ns}/web-egress`,
      `  selects 1 pod: ${ns}/c (pods {pod=c} in namespace ${ns})`,
      '  ingress: isolated (policyTypes is not set: Ingress is always assumed); no rules: nothing is allowed in unless another policy allows it',
      '  egress: isolated (policyTypes is not set, and spec.egress has rules: Egress is assumed)',
      `    rule 0: allows to pods {all} in namespace ${ns} [3 pods: ${ns}/a, ${ns}/b, ${ns}/c] on named port "http"/TCP (TCP/80 on 1 pod: ${ns}/b)`,
    ])
  })

  test('--offline reads only -f (no kubeconfig needed)', async () => {
    const objects = [...PODS_A_B_C, ...DENY_ALL_BUT_A_TO_B].map((object) => ({...object, metadata: {...object.metadata, namespace: 'x'}}))
    const run = await runPlugin('kubectl-netpol_test', ['explain', 'allow-a-to-b', '--offline', '-n', 'x', '-f', '-'], {kubeconfig: '/nonexistent/kubeconfig', stdin: manifestList(objects)})
    expect(run).toMatchObject({code: 0, stderr: ''})
    expect(run.stdout.split('\n')[3]).toBe('    rule 0: allows from pods {pod=a} in namespace x [1 pod: x/a] on TCP/80')
  })

  test('--named-ports sidecars resolves a named port on a native sidecar, in explain and lint', async () => {
    const offline = (args: string[]) => runPlugin('kubectl-netpol_test', [...args, '--offline', '-n', 'x', '-f', '-'], {kubeconfig: '/nonexistent/kubeconfig', stdin: manifestList(sidecarMetrics())})
    const rule = (run: {stdout: string}) => run.stdout.split('\n')[3]
    expect(rule(await offline(['explain', 'metrics-only']))).toBe('    rule 0: allows from any source (every pod and external address) on named port "metrics"/TCP (not defined by the destination pod)')
    const resolved = await offline(['explain', 'metrics-only', '--named-ports', 'sidecars'])
    expect(resolved).toMatchObject({code: 0, stderr: ''})
    expect(rule(resolved)).toBe('    rule 0: allows from any source (every pod and external address) on named port "metrics"/TCP (TCP/9121 on 1 pod: x/cache)')
    expect((await offline(['lint'])).stdout).toContain('NAMED_PORT_UNRESOLVED')
    expect((await offline(['lint', '--named-ports', 'sidecars'])).stdout).not.toContain('NAMED_PORT_UNRESOLVED')
  })

  test('-f - with no POLICY: stdin is the manifests, never taken for the missing argument', async () => {
    const objects = [...PODS_A_B_C, ...DENY_ALL_BUT_A_TO_B].map((object) => ({...object, metadata: {...object.metadata, namespace: 'x'}}))
    const run = await runPlugin('kubectl-netpol_test', ['explain', '--offline', '-n', 'x', '-f', '-'], {kubeconfig: '/nonexistent/kubeconfig', stdin: manifestList(objects)})
    expect(run).toMatchObject({code: 0, stderr: ''})
    expect(run.stdout).toContain('NetworkPolicy x/allow-a-to-b\n')
    expect(run.stdout).toContain('NetworkPolicy x/default-deny\n')
  })

  test('an object in two -f files counts once, the later one winning, as kubectl apply would', async () => {
    const objects = [...PODS_A_B_C, ...DENY_ALL_BUT_A_TO_B].map((object) => ({...object, metadata: {...object.metadata, namespace: 'x'}}))
    const dir = await mkdtemp(join(tmpdir(), 'explain-'))
    const [first, again] = [join(dir, 'first.json'), join(dir, 'again.json')]
    await writeFile(first, manifestList(objects))
    await writeFile(again, manifestList([...objects, networkPolicy('default-deny', {podSelector: {matchLabels: {pod: 'c'}}, policyTypes: ['Ingress']}, 'x')]))
    const run = await runPlugin('kubectl-netpol_test', ['explain', '--offline', '-n', 'x', '-f', first, '-f', again], {kubeconfig: '/nonexistent/kubeconfig'})
    expect(run).toMatchObject({code: 0, stderr: ''})
    expect(run.stdout.match(/^NetworkPolicy \S+/gm)).toEqual(['NetworkPolicy x/allow-a-to-b', 'NetworkPolicy x/default-deny'])
    expect(run.stdout).toContain('selects 1 pod: x/b (pods {pod=b} in namespace x)')
    expect(run.stdout).toContain('selects 1 pod: x/c (pods {pod=c} in namespace x)')
  })

  test.each([
    {args: ['no-such-policy'], message: 'policy "no-such-policy" not found (in namespace'},
    {args: ['anp/default-deny'], message: 'AdminNetworkPolicy "default-deny" not found'},
    {args: ['pod/a'], message: 'invalid POLICY "pod/a": unknown kind "pod"'},
    {args: ['Default'], message: 'invalid POLICY "Default"'},
    {args: ['-o', 'wide'], message: 'output format "wide"'},
    {args: ['--offline'], message: '--offline needs manifests'},
  ])('bad input exits 2: $message', async ({args, message}) => {
    const run = await netpol(['explain', '-n', ns, ...args])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(message)
  })

  // As lint, matrix and diff: a typo'd namespace must not read as "No policies found".
  test('-n of a namespace that does not exist exits 2', async () => {
    const run = await netpol(['explain', '-n', `${ns}-typo`])
    expect(run.stderr).toContain(`namespace "${ns}-typo" not found`)
    expect(run.code).toBe(2)
  })
})
