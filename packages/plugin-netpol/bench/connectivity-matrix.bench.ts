// Benchmark (not a test): a full connectivity matrix over 10,000 pods and 2,000 NetworkPolicies.
// Run: node --experimental-transform-types --import ./bench/resolve-typescript.mjs bench/connectivity-matrix.bench.ts
// Shape: 200 namespaces x 10 Deployments x 5 replicas. Each namespace has 10 policies (default deny,
// DNS egress, per-app ingress from its callers on a named port, monitoring scrape, egress to the
// internet but not the cluster), plus 3 AdminNetworkPolicies and a BaselineAdminNetworkPolicy.
import {performance} from 'node:perf_hooks'
import type {ClusterState, NetworkPolicyObject, PodObject} from '../src/index.ts'
import {compileCluster, connectivityMatrix, podEquivalenceClasses} from '../src/index.ts'

const NAMESPACES = 200
const APPS = 10
const REPLICAS = 5

function benchmarkCluster(): ClusterState {
  const namespaces = Array.from({length: NAMESPACES}, (_, n) => ({metadata: {name: `team-${n}`, labels: {tier: n % 4 === 0 ? 'prod' : 'dev', 'team-group': `g${n % 10}`}}}))
  namespaces.push({metadata: {name: 'monitoring', labels: {tier: 'infra', 'team-group': 'infra'}}})
  const pods: PodObject[] = []
  const networkPolicies: NetworkPolicyObject[] = []
  for (let n = 0; n < NAMESPACES; n++) {
    const namespace = `team-${n}`
    for (let a = 0; a < APPS; a++) {
      for (let r = 0; r < REPLICAS; r++) {
        const index = (n * APPS + a) * REPLICAS + r
        pods.push({
          metadata: {name: `app-${a}-${r}`, namespace, labels: {app: `app-${a}`, 'pod-template-hash': `h${a}`, role: a < 3 ? 'frontend' : 'backend'}},
          spec: {containers: [{name: 'main', ports: [{name: 'http', containerPort: 8080 + (a % 3)}, {name: 'metrics', containerPort: 9090}]}]},
          status: {podIP: `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`},
        })
      }
    }
    const policy = (name: string, spec: NetworkPolicyObject['spec']) => networkPolicies.push({metadata: {name, namespace}, spec})
    policy('default-deny', {podSelector: {}, policyTypes: ['Ingress', 'Egress']})
    policy('allow-dns', {podSelector: {}, policyTypes: ['Egress'], egress: [{to: [{namespaceSelector: {matchLabels: {'kubernetes.io/metadata.name': 'kube-system'}}}], ports: [{port: 53, protocol: 'UDP'}, {port: 53}]}]})
    policy('allow-same-namespace-egress', {podSelector: {}, policyTypes: ['Egress'], egress: [{to: [{podSelector: {}}]}]})
    policy('allow-frontend-from-group', {podSelector: {matchLabels: {role: 'frontend'}}, ingress: [{from: [{namespaceSelector: {matchLabels: {'team-group': `g${n % 10}`}}}], ports: [{port: 'http'}]}]})
    for (let a = 3; a < 8; a++) {
      policy(`allow-app-${a}`, {podSelector: {matchLabels: {app: `app-${a}`}}, ingress: [{from: [{podSelector: {matchExpressions: [{key: 'app', operator: 'In', values: [`app-${a - 1}`, `app-${a - 2}`]}]}}], ports: [{port: 'http'}, {port: 8000, endPort: 8100}]}]})
    }
    policy('allow-monitoring', {podSelector: {}, ingress: [{from: [{namespaceSelector: {matchLabels: {tier: 'infra'}}, podSelector: {}}], ports: [{port: 'metrics'}]}, {from: [{ipBlock: {cidr: '192.168.0.0/16', except: ['192.168.1.0/24']}}]}]})
  }
  return {
    namespaces,
    pods,
    networkPolicies,
    adminNetworkPolicies: [
      {metadata: {name: 'deny-dev-to-prod'}, spec: {priority: 10, subject: {namespaces: {matchLabels: {tier: 'prod'}}}, ingress: [{name: 'no-dev', action: 'Deny', from: [{namespaces: {matchLabels: {tier: 'dev'}}}]}]}},
      {metadata: {name: 'pass-same-group'}, spec: {priority: 20, subject: {namespaces: {}}, ingress: [{action: 'Pass', from: [{namespaces: {matchLabels: {'team-group': 'g1'}}}]}]}},
      {metadata: {name: 'allow-monitoring'}, spec: {priority: 30, subject: {namespaces: {}}, ingress: [{action: 'Allow', from: [{namespaces: {matchLabels: {tier: 'infra'}}}], ports: [{namedPort: 'metrics'}]}]}},
    ],
    baselineAdminNetworkPolicies: [{metadata: {name: 'default'}, spec: {subject: {namespaces: {}}, egress: [{action: 'Deny', to: [{networks: ['0.0.0.0/0']}]}]}}],
  }
}

function time<T>(label: string, run: () => T): T {
  const start = performance.now()
  const result = run()
  console.log(`${label.padEnd(44)} ${(performance.now() - start).toFixed(0).padStart(6)} ms`)
  return result
}

const state = benchmarkCluster()
console.log(`pods=${state.pods.length} networkPolicies=${state.networkPolicies.length} adminNetworkPolicies=${state.adminNetworkPolicies?.length ?? 0}`)
const total = performance.now()
const compiled = time('compile cluster', () => compileCluster(state))
const classes = time('equivalence classes', () => podEquivalenceClasses(compiled, {ipBlockMatchesPods: true}))
console.log(`classes=${classes.classes.length}`)
const [matrix] = time('matrix 8080/TCP (includes classes)', () => connectivityMatrix(compiled, {ports: [8080], protocols: ['TCP']}))
const allowedPairs = matrix === undefined ? 0 : matrix.classAllowed.reduce((sum, cell) => sum + cell, 0)
console.log(`allowed class pairs on 8080/TCP: ${allowedPairs} of ${(matrix?.classCount ?? 0) ** 2}`)
console.log(`total, compile + one matrix                  ${(performance.now() - total).toFixed(0).padStart(6)} ms`)
time('matrix 80,8080 x TCP,UDP (4 tables)', () => connectivityMatrix(compiled, {ports: [80, 8080], protocols: ['TCP', 'UDP']}))
time('matrix from raw ClusterState, 8080/TCP', () => connectivityMatrix(state, {ports: [8080], protocols: ['TCP']}))
