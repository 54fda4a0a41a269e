// Upstream conformance truth tables, transcribed as data from kubernetes
// test/e2e/network/netpol/network_policy.go (commit 008b3652959c), run on the full 3x3 model of
// model.go (as the older stored version of that file does) and checked against connectivityMatrix,
// ignoring loopback as upstream does (ignoreLoopback = true). Cases marked "(kubeline)" follow the
// same model for features upstream's current file no longer probes (endPort, protocol-only egress).
import {describe, expect, test} from 'vitest'
import {connectivityMatrix, isAllowed} from './connectivity-matrix.js'
import type {NetworkPolicyObject} from './kube-objects.js'
import type {Protocol} from './protocol.js'
import {ALL_PODS, Reachability, modelNamespaces, modelPods, nsName, podIp, podLabel, policy} from './test-support/conformance-model.js'

interface Probe {
  port: number
  protocol: Protocol
  reachability: Reachability
}

interface ConformanceCase {
  name: string
  policies: NetworkPolicyObject[]
  probes: Probe[]
}

const tcp = (port: number, reachability: Reachability): Probe => ({port, protocol: 'TCP', reachability})
const all = () => new Reachability(true)
const notIn = (key: string, values: string[]) => ({matchExpressions: [{key, operator: 'NotIn', values}]})
const inSet = (key: string, values: string[]) => ({matchExpressions: [{key, operator: 'In', values}]})
const metaName = 'kubernetes.io/metadata.name'

const CASES: ConformanceCase[] = [
  {
    name: "should support a 'default-deny-ingress' policy",
    policies: [policy('x', 'deny-ingress', {}, {ingress: []})],
    probes: [tcp(80, all().expectPeer({}, {namespace: 'x'}, false))],
  },
  {
    name: "should support a 'default-deny-all' policy",
    policies: [policy('x', 'deny-all', {}, {ingress: [], egress: []})],
    probes: [tcp(80, all().expectPeer({}, {namespace: 'x'}, false).expectPeer({namespace: 'x'}, {}, false))],
  },
  {
    name: 'should enforce policy to allow traffic from pods within server namespace based on PodSelector',
    policies: [policy('x', 'x-a-allows-x-b', podLabel('a'), {ingress: [{from: [{podSelector: podLabel('b')}]}]})],
    probes: [tcp(80, all().expectAllIngress('x/a', false).expect('x/b', 'x/a', true))],
  },
  {
    name: 'should enforce policy to allow ingress traffic for a target',
    policies: [
      policy('x', 'deny-all', {}, {ingress: []}),
      policy('x', 'allow-all-to-a', podLabel('a'), {ingress: [{from: [{podSelector: {}, namespaceSelector: {}}]}]}),
    ],
    probes: [tcp(80, all().expectAllIngress('x/a', true).expectAllIngress('x/b', false).expectAllIngress('x/c', false))],
  },
  {
    name: 'should enforce policy to allow ingress traffic from pods in all namespaces',
    policies: [policy('x', 'allow-from-another-ns', podLabel('a'), {ingress: [{from: [{namespaceSelector: {matchLabels: {}}}]}]})],
    probes: [tcp(80, all())],
  },
  {
    name: 'should enforce policy to allow traffic only from a different namespace, based on NamespaceSelector',
    policies: [policy('x', 'allow-client-a-via-ns-selector', podLabel('a'), {ingress: [{from: [{namespaceSelector: nsName('y')}]}]})],
    probes: [tcp(80, all().expectPeer({namespace: 'x'}, {namespace: 'x', pod: 'a'}, false).expectPeer({namespace: 'z'}, {namespace: 'x', pod: 'a'}, false))],
  },
  {
    name: 'should enforce policy based on PodSelector with MatchExpressions',
    policies: [policy('x', 'x-a-allows-x-b', podLabel('a'), {ingress: [{from: [{podSelector: inSet('pod', ['b'])}]}]})],
    probes: [tcp(80, all().expectAllIngress('x/a', false).expect('x/b', 'x/a', true))],
  },
  {
    name: 'should enforce policy based on NamespaceSelector with MatchExpressions',
    policies: [policy('x', 'allow-ns-y-match-selector', podLabel('a'), {ingress: [{from: [{namespaceSelector: inSet(metaName, ['y'])}]}]})],
    probes: [tcp(80, all().expectPeer({namespace: 'x'}, {namespace: 'x', pod: 'a'}, false).expectPeer({namespace: 'z'}, {namespace: 'x', pod: 'a'}, false))],
  },
  {
    name: 'should enforce policy based on PodSelector or NamespaceSelector',
    policies: [policy('x', 'allow-ns-y-match-selector', podLabel('a'), {ingress: [{from: [{namespaceSelector: notIn(metaName, ['x'])}, {podSelector: podLabel('b')}]}]})],
    probes: [tcp(80, all().expect('x/a', 'x/a', false).expect('x/c', 'x/a', false))],
  },
  {
    name: 'should enforce policy based on PodSelector and NamespaceSelector',
    policies: [policy('x', 'allow-ns-y-podselector-and-nsselector', podLabel('a'), {ingress: [{from: [{namespaceSelector: notIn(metaName, ['x']), podSelector: podLabel('b')}]}]})],
    probes: [tcp(80, all().expectAllIngress('x/a', false).expect('y/b', 'x/a', true).expect('z/b', 'x/a', true))],
  },
  {
    name: 'should enforce policy based on Multiple PodSelectors and NamespaceSelectors',
    policies: [policy('x', 'allow-ns-y-z-pod-b-c', podLabel('a'), {ingress: [{from: [{namespaceSelector: notIn(metaName, ['x']), podSelector: inSet('pod', ['b', 'c'])}]}]})],
    probes: [tcp(80, all().expectPeer({namespace: 'x'}, {namespace: 'x', pod: 'a'}, false).expect('y/a', 'x/a', false).expect('z/a', 'x/a', false))],
  },
  {
    name: 'should enforce policy based on any PodSelectors',
    policies: [policy('x', 'allow-ns-x-pod-b-c', podLabel('a'), {ingress: [{from: [{podSelector: podLabel('b')}, {podSelector: podLabel('c')}]}]})],
    probes: [tcp(80, all().expectAllIngress('x/a', false).expect('x/b', 'x/a', true).expect('x/c', 'x/a', true))],
  },
  {
    name: 'should enforce policy to allow traffic only from a pod in a different namespace based on PodSelector and NamespaceSelector',
    policies: [policy('x', 'allow-ns-y-pod-a-via-namespace-pod-selector', podLabel('a'), {ingress: [{from: [{namespaceSelector: nsName('y'), podSelector: podLabel('a')}]}]})],
    probes: [tcp(80, all().expectAllIngress('x/a', false).expect('y/a', 'x/a', true))],
  },
  {
    name: 'should enforce policy based on Ports',
    policies: [policy('x', 'allow-client-a-via-ns-selector', podLabel('a'), {ingress: [{from: [{namespaceSelector: nsName('y')}], ports: [{port: 81, protocol: 'TCP'}]}]})],
    probes: [
      tcp(81, all().expectPeer({namespace: 'x'}, {namespace: 'x', pod: 'a'}, false).expectPeer({namespace: 'y'}, {namespace: 'x', pod: 'a'}, true).expectPeer({namespace: 'z'}, {namespace: 'x', pod: 'a'}, false)),
      tcp(80, all().expectAllIngress('x/a', false)),
    ],
  },
  {
    name: 'should enforce multiple, stacked policies with overlapping podSelectors',
    policies: [
      policy('x', 'allow-client-a-via-ns-selector', podLabel('a'), {ingress: [{from: [{namespaceSelector: nsName('y')}], ports: [{port: 81, protocol: 'TCP'}]}]}),
      policy('x', 'allow-client-a-via-ns-selector-80', podLabel('a'), {ingress: [{from: [{namespaceSelector: nsName('y')}], ports: [{port: 80, protocol: 'TCP'}]}]}),
    ],
    probes: [80, 81].map((port) => tcp(port, all().expectPeer({namespace: 'x'}, {namespace: 'x', pod: 'a'}, false).expectPeer({namespace: 'z'}, {namespace: 'x', pod: 'a'}, false))),
  },
  {
    name: 'should support allow-all policy',
    policies: [policy('x', 'allow-all', {}, {ingress: [{}]})],
    probes: [tcp(80, all()), tcp(81, all())],
  },
  {
    name: 'should allow ingress access on one named port',
    policies: [policy('x', 'allow-all', {}, {ingress: [{ports: [{port: 'serve-81-tcp'}]}]})],
    probes: [tcp(81, all()), tcp(80, all().expectPeer({}, {namespace: 'x'}, false))],
  },
  {
    name: 'should allow ingress access from namespace on one named port',
    policies: [policy('x', 'allow-client-a-via-ns-selector-80', podLabel('a'), {ingress: [{from: [{namespaceSelector: nsName('y')}], ports: [{port: 'serve-80-tcp', protocol: 'TCP'}]}]})],
    probes: [
      tcp(80, all().expectPeer({namespace: 'x'}, {namespace: 'x', pod: 'a'}, false).expectPeer({namespace: 'z'}, {namespace: 'x', pod: 'a'}, false)),
      tcp(81, all().expectAllIngress('x/a', false)),
    ],
  },
  {
    name: 'should allow egress access on one named port',
    policies: [policy('x', 'allow-egress', {}, {egress: [{ports: [{port: 'serve-80-tcp'}]}]})],
    probes: [tcp(80, all()), tcp(81, all().expectPeer({namespace: 'x'}, {}, false))],
  },
  {
    name: 'should enforce updated policy (after the update to deny all)',
    policies: [policy('x', 'allow-all-mutate-to-deny-all', {}, {ingress: []})],
    probes: [tcp(81, all().expectPeer({}, {namespace: 'x'}, false))],
  },
  {
    name: 'should allow ingress access from updated namespace (before the label)',
    policies: [policy('x', 'allow-client-a-via-ns-selector', podLabel('a'), {ingress: [{from: [{namespaceSelector: {matchLabels: {ns2: 'updated'}}}]}]})],
    probes: [tcp(80, all().expectAllIngress('x/a', false))],
  },
  {
    name: 'should allow ingress access from updated pod (before the label)',
    policies: [policy('x', 'allow-client-a-via-pod-selector', podLabel('a'), {ingress: [{from: [{podSelector: {matchLabels: {pod: 'b', pod2: 'updated'}}}]}]})],
    probes: [tcp(80, all().expectAllIngress('x/a', false))],
  },
  {
    name: 'should deny ingress from pods on other namespaces',
    policies: [policy('x', 'deny-empty-policy', {}, {ingress: [{from: [{podSelector: {matchLabels: {}}}]}]})],
    probes: [tcp(80, all().expectPeer({namespace: 'y'}, {namespace: 'x'}, false).expectPeer({namespace: 'z'}, {namespace: 'x'}, false))],
  },
  {
    name: 'should deny ingress access to updated pod (before the label)',
    policies: [policy('x', 'deny-ingress-via-label-selector', {matchLabels: {target: 'isolated'}}, {ingress: []})],
    probes: [tcp(80, all())],
  },
  {
    name: 'should deny egress from pods based on PodSelector',
    policies: [policy('x', 'deny-egress-pod-a', podLabel('a'), {egress: []})],
    probes: [tcp(80, all().expectAllEgress('x/a', false))],
  },
  {
    name: 'should deny egress from all pods in a namespace',
    policies: [policy('x', 'deny-egress-ns-x', {}, {egress: []})],
    probes: [tcp(80, all().expectPeer({namespace: 'x'}, {}, false))],
  },
  {
    name: 'should work with Ingress, Egress specified together',
    policies: [policy('x', 'allow-client-a-via-pod-selector', podLabel('a'), {ingress: [{from: [{podSelector: podLabel('b')}]}], egress: [{ports: [{port: 80}]}]})],
    probes: [
      tcp(80, all().expectAllIngress('x/a', false).expect('x/b', 'x/a', true)),
      tcp(81, all().expectAllIngress('x/a', false).expectAllEgress('x/a', false).expect('x/b', 'x/a', true)),
    ],
  },
  {
    name: 'should support denying of egress traffic on the client side (even if the server explicitly allows this traffic)',
    policies: [
      policy('x', 'allow-to-ns-y-pod-a', podLabel('a'), {egress: [{to: [{namespaceSelector: nsName('y'), podSelector: podLabel('a')}]}]}),
      policy('y', 'allow-from-xa-on-ya-match-selector', podLabel('a'), {ingress: [{from: [{namespaceSelector: nsName('x'), podSelector: podLabel('a')}]}]}),
      policy('y', 'allow-from-xa-on-yb-match-selector', podLabel('b'), {ingress: [{from: [{namespaceSelector: nsName('x'), podSelector: podLabel('a')}]}]}),
    ],
    probes: [
      tcp(80, all()
        .expectPeer({namespace: 'x', pod: 'a'}, {}, false)
        .expectPeer({}, {namespace: 'y', pod: 'a'}, false)
        .expectPeer({namespace: 'x', pod: 'a'}, {namespace: 'y', pod: 'a'}, true)
        .expectPeer({}, {namespace: 'y', pod: 'b'}, false)),
    ],
  },
  {
    name: 'should enforce egress policy allowing traffic to a server in a different namespace based on PodSelector and NamespaceSelector',
    policies: [policy('x', 'allow-to-ns-y-pod-a', podLabel('a'), {egress: [{to: [{namespaceSelector: nsName('y'), podSelector: podLabel('a')}]}]})],
    probes: [tcp(80, all().expectAllEgress('x/a', false).expect('x/a', 'y/a', true))],
  },
  {
    name: 'should enforce ingress policy allowing any port traffic to a server on a specific protocol',
    policies: [policy('x', 'allow-ingress-by-proto', podLabel('a'), {ingress: [{ports: [{protocol: 'TCP'}]}]})],
    probes: [tcp(80, all()), {port: 80, protocol: 'UDP', reachability: all().expectPeer({}, {namespace: 'x', pod: 'a'}, false)}],
  },
  {
    name: 'should enforce multiple ingress policies with ingress allow-all policy taking precedence (port 80 only)',
    policies: [policy('x', 'allow-ingress-port-80', {}, {ingress: [{ports: [{port: 80}]}]})],
    probes: [tcp(81, all().expectPeer({}, {namespace: 'x'}, false))],
  },
  {
    name: 'should enforce multiple ingress policies with ingress allow-all policy taking precedence (with allow-all)',
    policies: [policy('x', 'allow-ingress-port-80', {}, {ingress: [{ports: [{port: 80}]}]}), policy('x', 'allow-ingress', {}, {ingress: [{}]})],
    probes: [tcp(81, all())],
  },
  {
    name: 'should enforce multiple egress policies with egress allow-all policy taking precedence (port 80 only)',
    policies: [policy('x', 'allow-egress-port-80', {}, {egress: [{ports: [{port: 80}]}]})],
    probes: [tcp(81, all().expectPeer({namespace: 'x'}, {}, false))],
  },
  {
    name: 'should enforce multiple egress policies with egress allow-all policy taking precedence (with allow-all)',
    policies: [policy('x', 'allow-egress-port-80', {}, {egress: [{ports: [{port: 80}]}]}), policy('x', 'allow-egress', {}, {egress: [{}]})],
    probes: [tcp(81, all())],
  },
  {
    name: 'should stop enforcing policies after they are deleted (while present)',
    policies: [policy('x', 'deny-all', {}, {ingress: [], egress: []})],
    probes: [tcp(80, all().expectPeer({namespace: 'x'}, {}, false).expectPeer({}, {namespace: 'x'}, false))],
  },
  {
    name: 'should stop enforcing policies after they are deleted (after deletion)',
    policies: [],
    probes: [tcp(80, all())],
  },
  {
    name: 'should allow egress access to server in CIDR block',
    policies: [policy('x', 'allow-client-a-via-cidr-egress-rule', podLabel('a'), {egress: [{to: [{ipBlock: {cidr: `${podIp('y/b')}/32`}}]}]})],
    probes: [tcp(80, all().expectAllEgress('x/a', false).expect('x/a', 'y/b', true))],
  },
  {
    name: 'should enforce except clause while egress access to server in CIDR block',
    policies: [policy('x', 'allow-client-a-via-cidr-egress-rule', podLabel('a'), {egress: [{to: [{ipBlock: {cidr: '10.0.0.0/8', except: [`${podIp('x/b')}/32`]}}]}]})],
    probes: [tcp(80, all().expect('x/a', 'x/b', false))],
  },
  {
    name: 'should ensure an IP overlapping both IPBlock.CIDR and IPBlock.Except is allowed (after the update)',
    policies: [policy('x', 'allow-client-a-via-cidr-egress-rule', podLabel('a'), {egress: [{to: [{ipBlock: {cidr: `${podIp('x/b')}/32`}}]}]})],
    probes: [tcp(80, all().expectAllEgress('x/a', false).expect('x/a', 'x/b', true))],
  },
  {
    name: 'should enforce policies to check ingress and egress policies can be controlled independently based on PodSelector',
    policies: [policy('x', 'allow-egress-for-target', podLabel('a'), {egress: [{}]}), policy('x', 'deny-ingress-via-label-selector', podLabel('a'), {ingress: []})],
    probes: [tcp(80, all().expectAllIngress('x/a', false))],
  },
  {
    name: "should not mistakenly treat 'protocol: SCTP' as 'protocol: TCP', even if the plugin doesn't support SCTP",
    policies: [policy('x', 'deny-ingress', {}, {ingress: []}), policy('x', 'allow-only-sctp-ingress-on-port-81', podLabel('a'), {ingress: [{ports: [{port: 81, protocol: 'SCTP'}]}]})],
    probes: [tcp(81, all().expectPeer({}, {namespace: 'x'}, false)), {port: 81, protocol: 'SCTP', reachability: all().expectPeer({}, {namespace: 'x'}, false).expectAllIngress('x/a', true)}],
  },
  {
    name: "should properly isolate pods that are selected by a policy allowing SCTP, even if the plugin doesn't support SCTP",
    policies: [policy('x', 'allow-only-sctp-ingress-on-port-80', podLabel('a'), {ingress: [{ports: [{port: 80, protocol: 'SCTP'}]}]})],
    probes: [tcp(81, all().expectAllIngress('x/a', false))],
  },
  {
    name: 'should not allow access by TCP when a policy specifies only UDP',
    policies: [policy('x', 'allow-only-udp-ingress-on-port-81', podLabel('a'), {ingress: [{ports: [{port: 81, protocol: 'UDP'}]}]})],
    probes: [tcp(81, all().expectAllIngress('x/a', false)), {port: 81, protocol: 'UDP', reachability: all()}],
  },
  {
    name: 'should enforce policy to allow traffic based on NamespaceSelector with MatchLabels using default ns label',
    policies: [policy('x', 'allow-client-a-via-ns-selector-for-immutable-ns-label', podLabel('a'), {ingress: [{from: [{namespaceSelector: nsName('y')}]}]})],
    probes: [tcp(80, all().expectPeer({namespace: 'x'}, {namespace: 'x', pod: 'a'}, false).expectPeer({namespace: 'z'}, {namespace: 'x', pod: 'a'}, false))],
  },
  {
    name: 'should enforce policy based on NamespaceSelector with MatchExpressions using default ns label',
    policies: [policy('x', 'allow-ns-y-match-selector-for-immutable-ns-label', podLabel('a'), {egress: [{to: [{namespaceSelector: notIn(metaName, ['y'])}]}]})],
    probes: [tcp(80, all().expectPeer({namespace: 'x', pod: 'a'}, {namespace: 'y'}, false))],
  },
  {
    name: "UDP: should support a 'default-deny-ingress' policy",
    policies: [policy('x', 'deny-all', {}, {ingress: []})],
    probes: [{port: 80, protocol: 'UDP', reachability: all().expectPeer({}, {namespace: 'x'}, false)}],
  },
  {
    name: 'UDP: should enforce policy based on Ports',
    policies: [policy('x', 'allow-ingress-on-port-81-ns-x', podLabel('a'), {ingress: [{from: [{namespaceSelector: nsName('y')}], ports: [{port: 81, protocol: 'UDP'}]}]})],
    probes: [{port: 81, protocol: 'UDP', reachability: all().expectPeer({namespace: 'x'}, {namespace: 'x', pod: 'a'}, false).expectPeer({namespace: 'z'}, {namespace: 'x', pod: 'a'}, false)}],
  },
  {
    name: 'UDP: should enforce policy to allow traffic only from a pod in a different namespace based on PodSelector and NamespaceSelector',
    policies: [policy('x', 'allow-ns-y-pod-a-via-namespace-pod-selector', podLabel('a'), {ingress: [{from: [{namespaceSelector: nsName('y'), podSelector: podLabel('a')}]}]})],
    probes: [{port: 80, protocol: 'UDP', reachability: all().expectAllIngress('x/a', false).expect('y/a', 'x/a', true)}],
  },
  {
    name: "SCTP: should support a 'default-deny-ingress' policy",
    policies: [policy('x', 'deny-all', {}, {ingress: []})],
    probes: [{port: 80, protocol: 'SCTP', reachability: all().expectPeer({}, {namespace: 'x'}, false)}],
  },
  {
    name: 'SCTP: should enforce policy based on Ports',
    policies: [policy('x', 'allow-ingress-on-port-81-ns-x', podLabel('a'), {ingress: [{from: [{namespaceSelector: nsName('y')}], ports: [{port: 81, protocol: 'SCTP'}]}]})],
    probes: [{port: 81, protocol: 'SCTP', reachability: all().expectPeer({namespace: 'x'}, {namespace: 'x', pod: 'a'}, false).expectPeer({namespace: 'z'}, {namespace: 'x', pod: 'a'}, false)}],
  },
  {
    name: 'SCTP: should enforce policy to allow traffic only from a pod in a different namespace based on PodSelector and NamespaceSelector',
    policies: [policy('x', 'allow-ns-y-pod-a-via-namespace-pod-selector', podLabel('a'), {ingress: [{from: [{namespaceSelector: nsName('y'), podSelector: podLabel('a')}]}]})],
    probes: [{port: 80, protocol: 'SCTP', reachability: all().expectAllIngress('x/a', false).expect('y/a', 'x/a', true)}],
  },
  {
    name: '(kubeline) endPort: ingress to x/a allowed on 80..81 from y only',
    policies: [policy('x', 'allow-range-from-y', podLabel('a'), {ingress: [{from: [{namespaceSelector: nsName('y')}], ports: [{port: 80, endPort: 81}]}]})],
    probes: [80, 81].map((port) => tcp(port, all().expectAllIngress('x/a', false).expectPeer({namespace: 'y'}, {namespace: 'x', pod: 'a'}, true))),
  },
  {
    name: '(kubeline) endPort: an egress range 70..80 admits 80 but not 81',
    policies: [policy('x', 'egress-range', {}, {egress: [{ports: [{port: 70, endPort: 80}]}]})],
    probes: [tcp(80, all()), tcp(81, all().expectPeer({namespace: 'x'}, {}, false))],
  },
  {
    name: '(kubeline) protocol-only egress: UDP allowed on every port, TCP denied',
    policies: [policy('z', 'udp-only-egress', {}, {egress: [{ports: [{protocol: 'UDP'}]}]})],
    probes: [
      {port: 81, protocol: 'UDP', reachability: all()},
      tcp(80, all().expectPeer({namespace: 'z'}, {}, false)),
    ],
  },
  {
    name: '(kubeline) egress named port resolves on the destination: serve-81-udp admits UDP/81 only',
    policies: [policy('y', 'egress-named-udp', podLabel('b'), {egress: [{ports: [{port: 'serve-81-udp', protocol: 'UDP'}]}]})],
    probes: [
      {port: 81, protocol: 'UDP', reachability: all()},
      {port: 80, protocol: 'UDP', reachability: all().expectAllEgress('y/b', false)},
      tcp(81, all().expectAllEgress('y/b', false)),
    ],
  },
]

const namespaces = modelNamespaces()
const pods = modelPods()

describe('upstream conformance truth tables (network_policy.go)', () => {
  test.each(CASES)('$name', ({policies, probes}) => {
    const matrices = connectivityMatrix(
      {namespaces, pods, networkPolicies: policies},
      {ports: [...new Set(probes.map((p) => p.port))], protocols: [...new Set(probes.map((p) => p.protocol))]},
    )
    for (const probe of probes) {
      const matrix = matrices.find((m) => m.port === probe.port && m.protocol === probe.protocol)
      expect(matrix?.pods).toEqual(ALL_PODS)
      const mismatches = ALL_PODS.flatMap((from, i) =>
        ALL_PODS.flatMap((to, j) => {
          if (i === j || matrix === undefined) return []
          const want = probe.reachability.expected.get(`${from}>${to}`)
          const got = isAllowed(matrix, i, j)
          return got === want ? [] : [`${probe.protocol}/${probe.port} ${from} -> ${to}: want ${String(want)}, got ${String(got)}`]
        }),
      )
      expect(mismatches).toEqual([])
    }
  })
})
