// AdminNetworkPolicy / BaselineAdminNetworkPolicy (policy.networking.k8s.io/v1alpha1) and
// ClusterNetworkPolicy (v1alpha2, apis/v1alpha2/clusternetworkpolicy_types.go) tiers, one row per rule.
import {describe, expect, test} from 'vitest'
import {evaluateTraffic} from './evaluate-traffic.js'
import type {AdminNetworkPolicyObject, AdminRuleObject, BaselineAdminNetworkPolicyObject, ClusterNetworkPolicyObject, ClusterRuleObject, NetworkPolicyObject} from './kube-objects.js'
import {cluster, namespace, networkPolicy, pod} from './test-support/cluster-builders.js'

const namespaces = [namespace('prod', {env: 'prod'}), namespace('dev', {env: 'dev'})]
const pods = [
  pod('prod/api', {app: 'api'}, '10.0.1.2', {ports: [{name: 'http', containerPort: 8080}]}),
  pod('dev/web', {app: 'web'}, '10.0.2.1'),
  pod('prod/agent', {app: 'agent'}, '192.168.0.5', {hostNetwork: true}),
]
const devToProd = {source: {namespace: 'dev', name: 'web'}, destination: {namespace: 'prod', name: 'api'}, port: 8080, protocol: 'TCP' as const}
const prodSubject = {namespaces: {matchLabels: {env: 'prod'}}}
const devSubject = {namespaces: {matchLabels: {env: 'dev'}}}
const fromDev = [{namespaces: {matchLabels: {env: 'dev'}}}]

const anp = (name: string, priority: number, ingress: AdminRuleObject[], subject: AdminNetworkPolicyObject['spec']['subject'] = prodSubject): AdminNetworkPolicyObject => ({metadata: {name}, spec: {priority, subject, ingress}})
const banp = (ingress: AdminRuleObject[]): BaselineAdminNetworkPolicyObject => ({metadata: {name: 'default'}, spec: {subject: prodSubject, ingress}})
const cnp = (name: string, tier: string, priority: number, ingress: ClusterRuleObject[]): ClusterNetworkPolicyObject => ({metadata: {name}, spec: {tier, priority, subject: prodSubject, ingress}})
const npDenyProd: NetworkPolicyObject = networkPolicy('prod/deny', {podSelector: {}, policyTypes: ['Ingress']})
const npAllowDev: NetworkPolicyObject = networkPolicy('prod/allow-dev', {podSelector: {}, ingress: [{from: [{namespaceSelector: {matchLabels: {env: 'dev'}}}]}]})

interface Row {
  name: string
  anps?: AdminNetworkPolicyObject[]
  banps?: BaselineAdminNetworkPolicyObject[]
  cnps?: ClusterNetworkPolicyObject[]
  nps?: NetworkPolicyObject[]
  allowed: boolean
  decidedBy: string
  rule?: string
}

const ROWS: Row[] = [
  {name: 'ANP Deny beats a NetworkPolicy allow', anps: [anp('deny-dev', 10, [{name: 'no-dev', action: 'Deny', from: fromDev}])], nps: [npAllowDev], allowed: false, decidedBy: 'admin', rule: 'deny-dev'},
  {name: 'ANP Allow beats a NetworkPolicy deny', anps: [anp('allow-dev', 10, [{action: 'Allow', from: fromDev}])], nps: [npDenyProd], allowed: true, decidedBy: 'admin', rule: 'allow-dev'},
  {name: 'lower priority number wins (Allow at 5 over Deny at 10)', anps: [anp('deny', 10, [{action: 'Deny', from: fromDev}]), anp('allow', 5, [{action: 'Allow', from: fromDev}])], allowed: true, decidedBy: 'admin', rule: 'allow'},
  {name: 'lower priority number wins (Deny at 1 over Allow at 2)', anps: [anp('allow', 2, [{action: 'Allow', from: fromDev}]), anp('deny', 1, [{action: 'Deny', from: fromDev}])], allowed: false, decidedBy: 'admin', rule: 'deny'},
  {name: 'rules within one ANP: the first matching rule wins', anps: [anp('ordered', 1, [{action: 'Allow', from: fromDev}, {action: 'Deny', from: fromDev}])], allowed: true, decidedBy: 'admin', rule: 'ordered'},
  {name: 'Pass goes to NetworkPolicy (which denies)', anps: [anp('pass', 1, [{action: 'Pass', from: fromDev}])], nps: [npDenyProd], allowed: false, decidedBy: 'networkpolicy'},
  {name: 'Pass skips later admin rules (a Deny at a higher number)', anps: [anp('pass', 1, [{action: 'Pass', from: fromDev}]), anp('deny', 2, [{action: 'Deny', from: fromDev}])], allowed: true, decidedBy: 'default'},
  {name: 'Pass then no NetworkPolicy: BANP decides', anps: [anp('pass', 1, [{action: 'Pass', from: fromDev}])], banps: [banp([{action: 'Deny', from: fromDev}])], allowed: false, decidedBy: 'baseline', rule: 'default'},
  {name: 'NetworkPolicy decides before the BANP', banps: [banp([{action: 'Deny', from: fromDev}])], nps: [npAllowDev], allowed: true, decidedBy: 'networkpolicy', rule: 'allow-dev'},
  {name: 'BANP Deny when no NetworkPolicy selects the pod', banps: [banp([{action: 'Deny', from: fromDev}])], allowed: false, decidedBy: 'baseline', rule: 'default'},
  {name: 'BANP Allow', banps: [banp([{action: 'Allow', from: fromDev}])], allowed: true, decidedBy: 'baseline', rule: 'default'},
  {name: 'ANP port mismatch: rule skipped', anps: [anp('deny-443', 1, [{action: 'Deny', from: fromDev, ports: [{portNumber: {port: 443}}]}])], allowed: true, decidedBy: 'default'},
  {name: 'ANP portRange matches', anps: [anp('deny-range', 1, [{action: 'Deny', from: fromDev, ports: [{portRange: {start: 8000, end: 9000}}]}])], allowed: false, decidedBy: 'admin', rule: 'deny-range'},
  {name: 'ANP namedPort resolves on the destination', anps: [anp('deny-http', 1, [{action: 'Deny', from: fromDev, ports: [{namedPort: 'http'}]}])], allowed: false, decidedBy: 'admin', rule: 'deny-http'},
  {name: 'ANP portNumber protocol UDP does not match TCP', anps: [anp('deny-udp', 1, [{action: 'Deny', from: fromDev, ports: [{portNumber: {protocol: 'UDP', port: 8080}}]}])], allowed: true, decidedBy: 'default'},
  {name: 'ANP pods peer: namespace AND pod selector', anps: [anp('deny-web', 1, [{action: 'Deny', from: [{pods: {namespaceSelector: {matchLabels: {env: 'dev'}}, podSelector: {matchLabels: {app: 'other'}}}}]}])], allowed: true, decidedBy: 'default'},
  {name: 'ANP whose subject is another namespace does not apply', anps: [anp('deny', 1, [{action: 'Deny', from: fromDev}], devSubject)], allowed: true, decidedBy: 'default'},
  {name: 'CNP Admin Accept beats NetworkPolicy deny', cnps: [cnp('accept', 'Admin', 1, [{action: 'Accept', from: fromDev}])], nps: [npDenyProd], allowed: true, decidedBy: 'admin', rule: 'accept'},
  {name: 'CNP Admin Deny with tcp destinationPort', cnps: [cnp('deny', 'Admin', 1, [{action: 'Deny', from: fromDev, protocols: [{tcp: {destinationPort: {number: 8080}}}]}])], allowed: false, decidedBy: 'admin', rule: 'deny'},
  {name: 'CNP udp-only protocol does not match TCP', cnps: [cnp('deny', 'Admin', 1, [{action: 'Deny', from: fromDev, protocols: [{udp: {}}]}])], allowed: true, decidedBy: 'default'},
  {name: 'CNP Baseline Deny applies only without NetworkPolicy', cnps: [cnp('base', 'Baseline', 1, [{action: 'Deny', from: fromDev}])], allowed: false, decidedBy: 'baseline', rule: 'base'},
  {name: 'CNP Baseline loses to NetworkPolicy', cnps: [cnp('base', 'Baseline', 1, [{action: 'Deny', from: fromDev}])], nps: [npAllowDev], allowed: true, decidedBy: 'networkpolicy', rule: 'allow-dev'},
  {name: 'CNP Baseline Pass falls through to default allow', cnps: [cnp('pass', 'Baseline', 1, [{action: 'Pass', from: fromDev}]), cnp('deny', 'Baseline', 2, [{action: 'Deny', from: fromDev}])], allowed: true, decidedBy: 'default'},
  {name: 'CNP Baseline by priority, before the BANP', cnps: [cnp('allow', 'Baseline', 900, [{action: 'Accept', from: fromDev}])], banps: [banp([{action: 'Deny', from: fromDev}])], allowed: true, decidedBy: 'baseline', rule: 'allow'},
  {name: 'ANP and Admin CNP share one priority order', anps: [anp('anp-deny', 20, [{action: 'Deny', from: fromDev}])], cnps: [cnp('cnp-accept', 'Admin', 10, [{action: 'Accept', from: fromDev, protocols: [{destinationNamedPort: 'http'}]}])], allowed: true, decidedBy: 'admin', rule: 'cnp-accept'},
  {name: 'ANP egress networks peer matches the destination pod IP', anps: [{metadata: {name: 'egress'}, spec: {priority: 1, subject: devSubject, egress: [{action: 'Deny', to: [{networks: ['10.0.1.0/24']}]}]}}], allowed: false, decidedBy: 'admin', rule: 'egress'},
  {name: 'ANP egress nodes peer is not modelled: matches nothing', anps: [{metadata: {name: 'egress'}, spec: {priority: 1, subject: devSubject, egress: [{action: 'Deny', to: [{nodes: {}}]}]}}], allowed: true, decidedBy: 'default'},
]

describe('admin tiers', () => {
  test.each(ROWS)('$name', ({anps, banps, cnps, nps, allowed, decidedBy, rule}) => {
    const verdict = evaluateTraffic(
      cluster({namespaces, pods, networkPolicies: nps ?? [], adminNetworkPolicies: anps, baselineAdminNetworkPolicies: banps, clusterNetworkPolicies: cnps}),
      devToProd,
    )
    // Only one side has policies in each row: that side decides (the other is 'default').
    const decisive = verdict.egress.decidedBy !== 'default' ? verdict.egress : verdict.ingress
    expect({allowed: verdict.allowed, decidedBy: decisive.decidedBy}).toEqual({allowed, decidedBy})
    expect(decisive?.rule?.policy.name).toBe(rule)
  })

  test('Pass rules are listed in the explanation', () => {
    const verdict = evaluateTraffic(cluster({namespaces, pods, networkPolicies: [npDenyProd], adminNetworkPolicies: [anp('pass', 3, [{name: 'to-np', action: 'Pass', from: fromDev}])]}), devToProd)
    expect(verdict.ingress.passedBy).toMatchObject([{policy: {kind: 'AdminNetworkPolicy', name: 'pass'}, ruleName: 'to-np', action: 'Pass', peerIndex: 0}])
    expect(verdict.ingress.selectingAdminPolicies).toEqual([{kind: 'AdminNetworkPolicy', name: 'pass'}])
  })

  test('ANP networks peers match pod IPs even when NetworkPolicy ipBlocks do not (ipBlockMatchesPods=false)', () => {
    const state = cluster({namespaces, pods, adminNetworkPolicies: [{metadata: {name: 'egress'}, spec: {priority: 1, subject: devSubject, egress: [{action: 'Deny', to: [{networks: ['10.0.1.0/24']}]}]}}]})
    expect(evaluateTraffic(state, devToProd, {ipBlockMatchesPods: false}).egress).toMatchObject({allowed: false, decidedBy: 'admin'})
  })

  test('CNP domainNames peers are not modelled: they match nothing', () => {
    const state = cluster({namespaces, pods, clusterNetworkPolicies: [{metadata: {name: 'dns'}, spec: {tier: 'Admin', priority: 1, subject: devSubject, egress: [{action: 'Accept', to: [{domainNames: ['*.example.com']}]}, {action: 'Deny', to: [{networks: ['10.0.1.2/32']}]}]}}]})
    expect(evaluateTraffic(state, devToProd).egress).toMatchObject({allowed: false, decidedBy: 'admin', rule: {ruleIndex: 1}})
  })

  test('host-network pods are never ANP subjects', () => {
    const state = cluster({namespaces, pods, adminNetworkPolicies: [anp('deny-all', 1, [{action: 'Deny', from: [{namespaces: {}}]}])]})
    expect(evaluateTraffic(state, {...devToProd, destination: {namespace: 'prod', name: 'agent'}}).allowed).toBe(true)
  })
})

describe('admin policy validation', () => {
  test.each([
    {name: 'priority above 1000', anps: [anp('p', 1001, [])], message: 'AdminNetworkPolicy p: spec.priority: 1001 must be an integer between 0 and 1000'},
    {name: 'unknown action', anps: [anp('p', 1, [{action: 'Drop', from: fromDev}])], message: 'AdminNetworkPolicy p: spec.ingress[0].action: unsupported value "Drop": expected Allow, Deny, Pass'},
    {name: 'BANP has no Pass', banps: [banp([{action: 'Pass', from: fromDev}])], message: 'BaselineAdminNetworkPolicy default: spec.ingress[0].action: unsupported value "Pass": expected Allow, Deny'},
    {name: 'rule without peers', anps: [anp('p', 1, [{action: 'Deny'}])], message: 'AdminNetworkPolicy p: spec.ingress[0].from: must list at least one peer'},
    {name: 'peer with two fields', anps: [anp('p', 1, [{action: 'Deny', from: [{namespaces: {}, pods: {podSelector: {}}}]}])], message: 'AdminNetworkPolicy p: spec.ingress[0].from[0]: exactly one of namespaces, pods, nodes, networks or domainNames must be set (found 2)'},
    {name: 'subject with both fields', anps: [anp('p', 1, [], {namespaces: {}, pods: {podSelector: {}}})], message: 'AdminNetworkPolicy p: spec.subject: exactly one of namespaces or pods must be set'},
    {name: 'portRange end < start', anps: [anp('p', 1, [{action: 'Deny', from: fromDev, ports: [{portRange: {start: 90, end: 80}}]}])], message: 'AdminNetworkPolicy p: spec.ingress[0].ports[0].portRange.end: 80 must be greater than or equal to start 90'},
    {name: 'CNP unknown tier', cnps: [cnp('c', 'Tenant', 1, [])], message: 'ClusterNetworkPolicy c: spec.tier: unsupported value "Tenant": expected Admin or Baseline'},
    {name: 'CNP Allow is not a v1alpha2 action', cnps: [cnp('c', 'Admin', 1, [{action: 'Allow', from: fromDev}])], message: 'ClusterNetworkPolicy c: spec.ingress[0].action: unsupported value "Allow": expected Accept, Deny, Pass'},
    {name: 'CNP range start must be < end', cnps: [cnp('c', 'Admin', 1, [{action: 'Deny', from: fromDev, protocols: [{tcp: {destinationPort: {range: {start: 80, end: 80}}}}]}])], message: 'ClusterNetworkPolicy c: spec.ingress[0].protocols[0].tcp.destinationPort.range: start 80 must be less than end 80'},
    {name: 'CNP networks with a bad CIDR', cnps: [{metadata: {name: 'c'}, spec: {tier: 'Admin', priority: 1, subject: prodSubject, egress: [{action: 'Deny', to: [{networks: ['10.0.0.0/33']}]}]}}], message: 'ClusterNetworkPolicy c: spec.egress[0].to[0].networks[0]: invalid CIDR "10.0.0.0/33": prefix length "33" must be 0..32'},
  ])('$name', ({anps, banps, cnps, message}) => {
    const state = cluster({namespaces, pods, adminNetworkPolicies: anps, baselineAdminNetworkPolicies: banps, clusterNetworkPolicies: cnps})
    expect(() => evaluateTraffic(state, devToProd)).toThrow(expect.objectContaining({code: 'INVALID_MANIFEST', message}))
  })
})
