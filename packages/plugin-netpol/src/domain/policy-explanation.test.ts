import {describe, expect, test} from 'vitest'
import {compileCluster} from './compiled-cluster.js'
import type {AdminNetworkPolicyObject, ClusterNetworkPolicyObject, NetworkPolicyObject} from './kube-objects.js'
import {policyExplanations} from './policy-explanation.js'
import {cluster, namespace, networkPolicy, pod} from './test-support/cluster-builders.js'

const namespaces = [namespace('prod', {env: 'prod'}), namespace('dev', {env: 'dev'})]
const pods = [
  pod('prod/api-1', {app: 'api'}, '10.0.1.1', {ports: [{name: 'http', containerPort: 8080}]}),
  pod('prod/api-2', {app: 'api'}, '10.0.1.2', {ports: [{name: 'http', containerPort: 9090}]}),
  pod('prod/db', {app: 'db'}, '10.0.1.3', {ports: [{name: 'pg', containerPort: 5432}, {name: 'dns', containerPort: 53, protocol: 'UDP'}]}),
  pod('dev/web', {app: 'web'}, '10.0.2.1'),
  pod('prod/agent', {app: 'api'}, '192.168.0.5', {hostNetwork: true}),
]

function explain(policies: NetworkPolicyObject[], extra: {anps?: AdminNetworkPolicyObject[]; cnps?: ClusterNetworkPolicyObject[]} = {}, ipBlockMatchesPods = true) {
  const state = cluster({namespaces, pods, networkPolicies: policies, adminNetworkPolicies: extra.anps ?? [], clusterNetworkPolicies: extra.cnps ?? []})
  return policyExplanations(compileCluster(state), policies, {ipBlockMatchesPods})
}

describe('policyTypes, as written or as the API server defaults it (pkg/apis/networking/v1/defaults.go)', () => {
  test.each([
    {name: 'unset, no egress rules: Ingress only', spec: {}, ingress: [true, 'defaulted-ingress'], egress: [false, 'not-defaulted-egress']},
    {name: 'unset, egress: []: still Ingress only', spec: {egress: []}, ingress: [true, 'defaulted-ingress'], egress: [false, 'not-defaulted-egress']},
    {name: 'unset, egress rules: Ingress and Egress', spec: {egress: [{}]}, ingress: [true, 'defaulted-ingress'], egress: [true, 'defaulted-egress']},
    {name: 'listed Egress only: ingress rules are ignored', spec: {policyTypes: ['Egress'], ingress: [{}]}, ingress: [false, 'not-listed'], egress: [true, 'listed']},
    {name: 'listed both', spec: {policyTypes: ['Ingress', 'Egress']}, ingress: [true, 'listed'], egress: [true, 'listed']},
  ])('$name', ({spec, ingress, egress}) => {
    const [explanation] = explain([networkPolicy('prod/p', spec)])
    expect([explanation?.ingress.affected, explanation?.ingress.reason]).toEqual(ingress)
    expect([explanation?.egress.affected, explanation?.egress.reason]).toEqual(egress)
    if (explanation?.ingress.reason === 'not-listed') expect(explanation.ingress.rules).toEqual([])
  })
})

describe('selected pods: the policy namespace only, never host-network pods', () => {
  test.each([
    {podSelector: {}, pods: ['prod/api-1', 'prod/api-2', 'prod/db']},
    {podSelector: {matchLabels: {app: 'api'}}, pods: ['prod/api-1', 'prod/api-2']},
    {podSelector: {matchLabels: {app: 'web'}}, pods: []},
    {podSelector: {matchExpressions: [{key: 'app', operator: 'NotIn', values: ['api']}]}, pods: ['prod/db']},
  ])('$podSelector -> $pods', ({podSelector, pods: selected}) => {
    expect(explain([networkPolicy('prod/p', {podSelector})])[0]?.selectedPods).toEqual(selected)
  })
})

describe('peers: the pods each matches, cluster-wide', () => {
  test.each([
    {name: 'podSelector only: the policy namespace', peer: {podSelector: {matchLabels: {app: 'db'}}}, pods: ['prod/db']},
    {name: 'namespaceSelector only: every pod there', peer: {namespaceSelector: {matchLabels: {env: 'dev'}}}, pods: ['dev/web']},
    {name: 'both in one peer: AND', peer: {namespaceSelector: {}, podSelector: {matchLabels: {app: 'web'}}}, pods: ['dev/web']},
    {name: 'namespaceSelector {}: every namespace', peer: {namespaceSelector: {}}, pods: ['dev/web', 'prod/api-1', 'prod/api-2', 'prod/db']},
    {name: 'a selector that matches nothing', peer: {podSelector: {matchLabels: {app: 'cache'}}}, pods: []},
    {name: 'ipBlock: pods whose IP is inside (host-network pods too)', peer: {ipBlock: {cidr: '10.0.1.0/24', except: ['10.0.1.3/32']}}, pods: ['prod/api-1', 'prod/api-2']},
  ])('$name', ({peer, pods: matched}) => {
    const [explanation] = explain([networkPolicy('prod/p', {ingress: [{from: [peer]}]})])
    expect(explanation?.ingress.rules[0]?.peers.map((entry) => entry.pods)).toEqual([matched])
  })

  test('an empty from is every peer: every pod, host-network ones included', () => {
    const [explanation] = explain([networkPolicy('prod/p', {ingress: [{}]})])
    expect(explanation?.ingress.rules[0]?.peers).toEqual([{peer: 'all', pods: ['dev/web', 'prod/agent', 'prod/api-1', 'prod/api-2', 'prod/db']}])
    expect(explanation?.ingress.rules[0]?.ports).toEqual([{port: 'all'}])
  })

  test('--no-ipblock-matches-pods: an ipBlock matches no pod IP, but still a host-network pod (node IP)', () => {
    const [explanation] = explain([networkPolicy('prod/p', {ingress: [{from: [{ipBlock: {cidr: '0.0.0.0/0'}}]}]})], {}, false)
    expect(explanation?.ingress.rules[0]?.peers[0]?.pods).toEqual(['prod/agent'])
  })
})

describe('named ports resolve on the destination pods', () => {
  test.each([
    {name: 'ingress: on the selected pods, per number', rule: {ingress: [{ports: [{port: 'http'}]}]}, direction: 'ingress', resolved: [{port: 8080, protocol: 'TCP', pods: ['prod/api-1']}, {port: 9090, protocol: 'TCP', pods: ['prod/api-2']}], destinations: 2},
    {name: 'ingress: a name the selected pods lack', rule: {ingress: [{ports: [{port: 'pg'}]}]}, direction: 'ingress', resolved: [], destinations: 2},
    {name: 'egress: on the peer pods', rule: {egress: [{to: [{podSelector: {matchLabels: {app: 'db'}}}], ports: [{port: 'pg'}]}]}, direction: 'egress', resolved: [{port: 5432, protocol: 'TCP', pods: ['prod/db']}], destinations: 1},
    {name: 'the protocol must match too (dns is UDP)', rule: {egress: [{to: [{podSelector: {}}], ports: [{port: 'dns'}]}]}, direction: 'egress', resolved: [], destinations: 3},
    {name: 'UDP dns', rule: {egress: [{to: [{podSelector: {}}], ports: [{port: 'dns', protocol: 'UDP'}]}]}, direction: 'egress', resolved: [{port: 53, protocol: 'UDP', pods: ['prod/db']}], destinations: 3},
  ] as const)('$name', ({rule, direction, resolved, destinations}) => {
    const [explanation] = explain([networkPolicy('prod/p', {podSelector: {matchLabels: {app: 'api'}}, ...rule})])
    const compiled = explanation?.[direction].rules[0]
    expect(compiled?.ports[0]?.resolved).toEqual(resolved)
    expect(compiled?.destinationPods).toBe(destinations)
  })
})

describe('named ports resolve on the containers the named-port source counts', () => {
  const cache = pod('prod/cache', {app: 'cache'}, '10.0.1.4', {ports: [{name: 'redis', containerPort: 6379}]})
  const withSidecar = {...cache, spec: {...cache.spec, initContainers: [{name: 'exporter', restartPolicy: 'Always', ports: [{name: 'metrics', containerPort: 9121}]}]}}
  const policy = networkPolicy('prod/p', {podSelector: {matchLabels: {app: 'cache'}}, ingress: [{ports: [{port: 'metrics'}]}]})
  test.each([
    {namedPorts: 'containers' as const, resolved: []},
    {namedPorts: 'sidecars' as const, resolved: [{port: 9121, protocol: 'TCP', pods: ['prod/cache']}]},
    {namedPorts: 'init-containers' as const, resolved: [{port: 9121, protocol: 'TCP', pods: ['prod/cache']}]},
  ])('$namedPorts: the sidecar\'s "metrics" resolves to $resolved', ({namedPorts, resolved}) => {
    const compiled = compileCluster(cluster({namespaces, pods: [withSidecar], networkPolicies: [policy]}), {namedPorts})
    const [explanation] = policyExplanations(compiled, [policy], {ipBlockMatchesPods: true})
    expect(explanation?.ingress.rules[0]?.ports[0]?.resolved).toEqual(resolved)
  })
})

describe('admin policies', () => {
  const anp: AdminNetworkPolicyObject = {
    metadata: {name: 'guard'},
    spec: {priority: 10, subject: {namespaces: {matchLabels: {env: 'prod'}}}, ingress: [{name: 'no-dev', action: 'Deny', from: [{namespaces: {matchLabels: {env: 'dev'}}}], ports: [{namedPort: 'http'}]}]},
  }
  const cnp: ClusterNetworkPolicyObject = {metadata: {name: 'base'}, spec: {tier: 'Baseline', priority: 3, subject: {namespaces: {}}, egress: [{action: 'Accept', to: [{networks: ['10.0.2.0/24']}]}]}}

  test('admin tier first, NetworkPolicies, then baseline; rules with their actions and names', () => {
    const explanations = explain([networkPolicy('prod/p', {})], {anps: [anp], cnps: [cnp]})
    expect(explanations.map((e) => [e.ref.kind, e.ref.name, e.tier, e.priority])).toEqual([
      ['AdminNetworkPolicy', 'guard', 'admin', 10],
      ['NetworkPolicy', 'p', 'networkpolicy', undefined],
      ['ClusterNetworkPolicy', 'base', 'baseline', 3],
    ])
    const [guard, , base] = explanations
    expect(guard?.selectedPods).toEqual(['prod/api-1', 'prod/api-2', 'prod/db'])
    expect(guard?.ingress).toMatchObject({affected: true, reason: 'admin-rules', rules: [{index: 0, name: 'no-dev', action: 'Deny', peers: [{pods: ['dev/web']}]}]})
    expect(guard?.ingress.rules[0]?.ports[0]?.resolved).toEqual([{port: 8080, protocol: 'TCP', pods: ['prod/api-1']}, {port: 9090, protocol: 'TCP', pods: ['prod/api-2']}])
    expect(guard?.egress).toEqual({affected: false, reason: 'admin-no-rules', rules: []})
    expect(base?.egress.rules[0]).toMatchObject({action: 'Accept', peers: [{pods: ['dev/web']}]})
  })

  test('include narrows the policies explained', () => {
    const state = cluster({namespaces, pods, networkPolicies: [networkPolicy('prod/p', {}), networkPolicy('dev/q', {})], adminNetworkPolicies: [anp]})
    const names = policyExplanations(compileCluster(state), state.networkPolicies, {ipBlockMatchesPods: true}, (policy) => policy.ref.namespace !== 'prod').map((e) => e.ref.name)
    expect(names).toEqual(['guard', 'q'])
  })
})
