import {runPlugin, startE2eCluster} from '@kubeline/sandbox/e2e'
import type {E2eCluster} from '@kubeline/sandbox/e2e'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {DENY_ALL_BUT_A_TO_B, PODS_A_B_C, deployment, manifestList, networkPolicy, pod, waitForPods} from '../fixtures/netpol-objects.js'

let cluster: E2eCluster
let shop: string
beforeAll(async () => {
  cluster = await startE2eCluster()
  shop = await cluster.createNamespace('shop')
  await cluster.apply(
    [
      deployment('web', 2, {app: 'web'}),
      pod('client', {app: 'client'}),
      networkPolicy('default-deny', {podSelector: {}, policyTypes: ['Ingress']}),
      networkPolicy('client-to-web', {podSelector: {matchLabels: {app: 'web'}}, ingress: [{from: [{podSelector: {matchLabels: {app: 'client'}}}], ports: [{port: 80}]}]}),
    ],
    shop,
  )
  await waitForPods(cluster, shop, 'app=web', 2)
})
afterAll(async () => cluster?.stop())

const netpol = (args: string[], stdin?: string) =>
  runPlugin('kubectl-netpol_test', args, {kubeconfig: cluster.kubeconfigPath, ...(stdin === undefined ? {} : {stdin})})

describe('netpol-test matrix -o dot|mermaid', () => {
  test('-o dot: workloads by default, the namespace as a cluster, edges labelled with ports', async () => {
    const run = await netpol(['matrix', '-n', shop, '--port', '80,443', '-o', 'dot'])
    expect(run).toMatchObject({code: 0, stderr: ''})
    expect(run.stdout).toBe(`digraph netpol {
  rankdir=LR;
  node [shape=box];
  subgraph "cluster_${shop}" {
    label="${shop}";
    "${shop}/client" [label="client"];
    "${shop}/deployment/web" [label="deployment/web"];
  }
  "${shop}/client" -> "${shop}/deployment/web" [label="TCP/80"];
}
`)
  })

  test('-o mermaid: a flowchart LR with generated IDs', async () => {
    const run = await netpol(['matrix', '-n', shop, '-o', 'mermaid'])
    expect(run.code).toBe(0)
    expect(run.stdout).toBe(`flowchart LR
  subgraph ns0["${shop}"]
    n0["client"]
    n1["deployment/web"]
  end
  n0 -->|"TCP/80"| n1
`)
  })

  test('--group-by pod and --offline: one node per pod, namespaces sorted; a pod no policy isolates is reached by all', async () => {
    const objects = [
      ...[...PODS_A_B_C, ...DENY_ALL_BUT_A_TO_B].map((object) => ({...object, metadata: {...object.metadata, namespace: 'x.y'}})),
      {...(PODS_A_B_C[0] as (typeof PODS_A_B_C)[number]), metadata: {name: 'z', namespace: 'a-ns', labels: {pod: 'z'}}},
    ]
    const run = await runPlugin('kubectl-netpol_test', ['matrix', '--offline', '-f', '-', '--group-by', 'pod', '-o', 'mermaid'], {kubeconfig: '/nonexistent/kubeconfig', stdin: manifestList(objects)})
    expect(run).toMatchObject({code: 0, stderr: ''})
    expect(run.stdout).toBe(`flowchart LR
  subgraph ns0["a-ns"]
    n0["z"]
  end
  subgraph ns1["x.y"]
    n1["a"]
    n2["b"]
    n3["c"]
  end
  n1 -->|"TCP/80"| n0
  n1 -->|"TCP/80"| n2
  n2 -->|"TCP/80"| n0
  n3 -->|"TCP/80"| n0
`)
  })

  test('-o svg is refused with the formats there are (exit 2)', async () => {
    const run = await netpol(['matrix', '-n', shop, '-o', 'svg'])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('allowed formats are: dot,json,markdown,mermaid,table,yaml')
  })
})
