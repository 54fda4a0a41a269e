// Every NetworkPolicy rule of ../shared/reference/netpol.md section 3, one row each. Quotes and
// cases follow kubernetes/api networking/v1/types.go and pkg/apis/networking/v1/defaults.go.
import {describe, expect, test} from 'vitest'
import type {Traffic} from './evaluate-traffic.js'
import {compileCluster} from './compiled-cluster.js'
import {evaluateTraffic} from './evaluate-traffic.js'
import type {NetworkPolicyObject} from './kube-objects.js'
import {cluster, namespace, networkPolicy, pod} from './test-support/cluster-builders.js'

// prod: web (10.0.1.1), api (10.0.1.2, named port http=8080/TCP, dns=53/UDP); dev: web (10.0.2.1); monitoring: prom (10.0.3.1)
const namespaces = [namespace('prod', {env: 'prod'}), namespace('dev', {env: 'dev'}), namespace('monitoring', {team: 'obs'})]
const pods = [
  pod('prod/web', {app: 'web'}, '10.0.1.1'),
  pod('prod/api', {app: 'api'}, ['10.0.1.2', 'fd00::2'], {ports: [{name: 'http', containerPort: 8080}, {name: 'dns', containerPort: 53, protocol: 'UDP'}]}),
  pod('dev/web', {app: 'web'}, '10.0.2.1'),
  pod('monitoring/prom', {app: 'prom'}, '10.0.3.1'),
]

const to = (dest: string, port = 80, protocol: Traffic['protocol'] = 'TCP', from = 'prod/web'): Traffic => ({source: ref(from), destination: ref(dest), port, protocol})
const ref = (text: string): Traffic['source'] => (text.startsWith('ip:') ? {ip: text.slice(3)} : {namespace: text.split('/')[0] ?? '', name: text.split('/')[1] ?? ''})
const ingressTo = (app: string, spec: Omit<NetworkPolicyObject['spec'], 'podSelector'>): NetworkPolicyObject =>
  networkPolicy('prod/p', {podSelector: {matchLabels: {app}}, ...spec})

interface Row {
  name: string
  policies: NetworkPolicyObject[]
  traffic: Traffic
  allowed: boolean
}

const ROWS: Row[] = [
  // isolation and defaulting
  {name: 'no policy: allowed', policies: [], traffic: to('prod/api'), allowed: true},
  {name: 'ingress isolation only affects selected pods', policies: [ingressTo('api', {policyTypes: ['Ingress']})], traffic: to('prod/web', 80, 'TCP', 'prod/api'), allowed: true},
  {name: 'policyTypes [Ingress] with no rules denies ingress', policies: [ingressTo('api', {policyTypes: ['Ingress']})], traffic: to('prod/api'), allowed: false},
  {name: 'policyTypes absent, no rules: defaults to Ingress (deny all ingress)', policies: [ingressTo('api', {})], traffic: to('prod/api'), allowed: false},
  {name: 'policyTypes absent with egress rules: also isolates ingress', policies: [ingressTo('api', {egress: [{}]})], traffic: to('prod/api'), allowed: false},
  {name: 'policyTypes absent with egress rules: egress isolated too', policies: [ingressTo('web', {egress: [{ports: [{port: 53, protocol: 'UDP'}]}]})], traffic: to('prod/api'), allowed: false},
  {name: 'policyTypes absent with egress: [] does not isolate egress', policies: [ingressTo('web', {egress: []})], traffic: to('prod/api'), allowed: true},
  {name: 'policyTypes [Egress] ignores ingress rules (ingress not isolated)', policies: [ingressTo('api', {policyTypes: ['Egress'], ingress: []})], traffic: to('prod/api'), allowed: true},
  {name: 'policyTypes [Egress] without rules denies egress', policies: [ingressTo('web', {policyTypes: ['Egress']})], traffic: to('dev/web'), allowed: false},
  {name: 'egress isolation of the source blocks even if destination is open', policies: [ingressTo('web', {policyTypes: ['Egress']})], traffic: to('monitoring/prom'), allowed: false},
  {name: 'ingress: [{}] allows everything', policies: [ingressTo('api', {ingress: [{}]})], traffic: to('prod/api', 9999, 'SCTP', 'dev/web'), allowed: true},
  {name: 'additive: a second policy allows what the first does not', policies: [ingressTo('api', {ingress: []}), networkPolicy('prod/q', {podSelector: {}, ingress: [{from: [{podSelector: {matchLabels: {app: 'web'}}}]}]})], traffic: to('prod/api'), allowed: true},
  {name: 'a policy in another namespace never selects the pod', policies: [networkPolicy('dev/deny', {podSelector: {}, policyTypes: ['Ingress']})], traffic: to('prod/api'), allowed: true},
  {name: 'absent podSelector selects every pod of the namespace', policies: [networkPolicy('prod/deny', {policyTypes: ['Ingress']})], traffic: to('prod/web', 80, 'TCP', 'prod/api'), allowed: false},
  // peers
  {name: 'from absent: every source, external IPs included', policies: [ingressTo('api', {ingress: [{ports: [{port: 80}]}]})], traffic: to('prod/api', 80, 'TCP', 'ip:203.0.113.9'), allowed: true},
  {name: 'from: [] is the same as absent', policies: [ingressTo('api', {ingress: [{from: []}]})], traffic: to('prod/api', 80, 'TCP', 'ip:203.0.113.9'), allowed: true},
  {name: 'podSelector only: pods of the policy namespace', policies: [ingressTo('api', {ingress: [{from: [{podSelector: {matchLabels: {app: 'web'}}}]}]})], traffic: to('prod/api'), allowed: true},
  {name: 'podSelector only: same labels in another namespace do not match', policies: [ingressTo('api', {ingress: [{from: [{podSelector: {matchLabels: {app: 'web'}}}]}]})], traffic: to('prod/api', 80, 'TCP', 'dev/web'), allowed: false},
  {name: 'namespaceSelector only: every pod of selected namespaces', policies: [ingressTo('api', {ingress: [{from: [{namespaceSelector: {matchLabels: {team: 'obs'}}}]}]})], traffic: to('prod/api', 80, 'TCP', 'monitoring/prom'), allowed: true},
  {name: 'namespaceSelector only: other namespaces denied', policies: [ingressTo('api', {ingress: [{from: [{namespaceSelector: {matchLabels: {team: 'obs'}}}]}]})], traffic: to('prod/api', 80, 'TCP', 'dev/web'), allowed: false},
  {name: 'both selectors in one peer are ANDed (namespace matches, pod does not)', policies: [ingressTo('api', {ingress: [{from: [{namespaceSelector: {matchLabels: {env: 'dev'}}, podSelector: {matchLabels: {app: 'prom'}}}]}]})], traffic: to('prod/api', 80, 'TCP', 'dev/web'), allowed: false},
  {name: 'both selectors in one peer are ANDed (both match)', policies: [ingressTo('api', {ingress: [{from: [{namespaceSelector: {matchLabels: {env: 'dev'}}, podSelector: {matchLabels: {app: 'web'}}}]}]})], traffic: to('prod/api', 80, 'TCP', 'dev/web'), allowed: true},
  {name: 'selectors in separate peers are ORed', policies: [ingressTo('api', {ingress: [{from: [{namespaceSelector: {matchLabels: {env: 'dev'}}}, {podSelector: {matchLabels: {app: 'prom'}}}]}]})], traffic: to('prod/api', 80, 'TCP', 'dev/web'), allowed: true},
  {name: 'namespaceSelector: {} selects all namespaces', policies: [ingressTo('api', {ingress: [{from: [{namespaceSelector: {}}]}]})], traffic: to('prod/api', 80, 'TCP', 'monitoring/prom'), allowed: true},
  {name: 'podSelector {} + namespaceSelector {}: every pod but no external IP', policies: [ingressTo('api', {ingress: [{from: [{podSelector: {}, namespaceSelector: {}}]}]})], traffic: to('prod/api', 80, 'TCP', 'ip:203.0.113.9'), allowed: false},
  {name: 'kubernetes.io/metadata.name is synthesised for namespaces', policies: [ingressTo('api', {ingress: [{from: [{namespaceSelector: {matchLabels: {'kubernetes.io/metadata.name': 'monitoring'}}}]}]})], traffic: to('prod/api', 80, 'TCP', 'monitoring/prom'), allowed: true},
  {name: 'NotIn matches namespaces lacking the key', policies: [ingressTo('api', {ingress: [{from: [{namespaceSelector: {matchExpressions: [{key: 'env', operator: 'NotIn', values: ['dev']}]}}]}]})], traffic: to('prod/api', 80, 'TCP', 'monitoring/prom'), allowed: true},
  {name: 'DoesNotExist matches pods lacking the key', policies: [ingressTo('api', {ingress: [{from: [{podSelector: {matchExpressions: [{key: 'tier', operator: 'DoesNotExist'}]}}]}]})], traffic: to('prod/api'), allowed: true},
  // ipBlock
  {name: 'ipBlock admits an external IP in the CIDR', policies: [ingressTo('api', {ingress: [{from: [{ipBlock: {cidr: '203.0.113.0/24'}}]}]})], traffic: to('prod/api', 80, 'TCP', 'ip:203.0.113.9'), allowed: true},
  {name: 'ipBlock except removes an address', policies: [ingressTo('api', {ingress: [{from: [{ipBlock: {cidr: '203.0.113.0/24', except: ['203.0.113.0/28']}}]}]})], traffic: to('prod/api', 80, 'TCP', 'ip:203.0.113.9'), allowed: false},
  {name: 'ipBlock matches pod IPs by default', policies: [ingressTo('api', {ingress: [{from: [{ipBlock: {cidr: '10.0.2.0/24'}}]}]})], traffic: to('prod/api', 80, 'TCP', 'dev/web'), allowed: true},
  {name: 'IPv6 ipBlock matches the IPv6 address of a dual-stack pod', policies: [ingressTo('web', {egress: [{to: [{ipBlock: {cidr: 'fd00::/64'}}]}], policyTypes: ['Egress']})], traffic: to('prod/api'), allowed: true},
  {name: 'an IPv4 block never matches an IPv6 external address', policies: [ingressTo('api', {ingress: [{from: [{ipBlock: {cidr: '0.0.0.0/0'}}]}]})], traffic: to('prod/api', 80, 'TCP', 'ip:2001:db8::1'), allowed: false},
  {name: 'egress to an external IP outside the block is denied', policies: [ingressTo('web', {policyTypes: ['Egress'], egress: [{to: [{ipBlock: {cidr: '192.0.2.0/24'}}]}]})], traffic: to('ip:198.51.100.1'), allowed: false},
  // ports and protocols
  {name: 'protocol defaults to TCP: UDP on the same port is denied', policies: [ingressTo('api', {ingress: [{ports: [{port: 80}]}]})], traffic: to('prod/api', 80, 'UDP'), allowed: false},
  {name: 'a numeric port admits only that port', policies: [ingressTo('api', {ingress: [{ports: [{port: 80}]}]})], traffic: to('prod/api', 81), allowed: false},
  {name: 'protocol-only port admits every port of it', policies: [ingressTo('api', {ingress: [{ports: [{protocol: 'UDP'}]}]})], traffic: to('prod/api', 5353, 'UDP'), allowed: true},
  {name: 'endPort range is inclusive (upper bound)', policies: [ingressTo('api', {ingress: [{ports: [{port: 8000, endPort: 8080}]}]})], traffic: to('prod/api', 8080), allowed: true},
  {name: 'endPort range excludes the port after it', policies: [ingressTo('api', {ingress: [{ports: [{port: 8000, endPort: 8080}]}]})], traffic: to('prod/api', 8081), allowed: false},
  {name: 'SCTP port does not admit TCP', policies: [ingressTo('api', {ingress: [{ports: [{port: 80, protocol: 'SCTP'}]}]})], traffic: to('prod/api'), allowed: false},
  {name: 'SCTP port admits SCTP', policies: [ingressTo('api', {ingress: [{ports: [{port: 80, protocol: 'SCTP'}]}]})], traffic: to('prod/api', 80, 'SCTP'), allowed: true},
  {name: 'named port resolves on the destination pod (ingress)', policies: [ingressTo('api', {ingress: [{ports: [{port: 'http'}]}]})], traffic: to('prod/api', 8080), allowed: true},
  {name: 'named port admits only the number it resolves to', policies: [ingressTo('api', {ingress: [{ports: [{port: 'http'}]}]})], traffic: to('prod/api', 80), allowed: false},
  {name: 'named port needs the protocol to match the container port', policies: [ingressTo('api', {ingress: [{ports: [{port: 'dns'}]}]})], traffic: to('prod/api', 53, 'UDP'), allowed: false},
  {name: 'named port with matching protocol', policies: [ingressTo('api', {ingress: [{ports: [{port: 'dns', protocol: 'UDP'}]}]})], traffic: to('prod/api', 53, 'UDP'), allowed: true},
  {name: 'egress named port resolves on the destination, not the source', policies: [ingressTo('web', {policyTypes: ['Egress'], egress: [{ports: [{port: 'http'}]}]})], traffic: to('prod/api', 8080), allowed: true},
  {name: 'egress named port never matches an external destination', policies: [ingressTo('web', {policyTypes: ['Egress'], egress: [{ports: [{port: 'http'}]}]})], traffic: to('ip:198.51.100.1', 8080), allowed: false},
  {name: 'rule needs peer AND port: right peer, wrong port', policies: [ingressTo('api', {ingress: [{from: [{podSelector: {matchLabels: {app: 'web'}}}], ports: [{port: 443}]}]})], traffic: to('prod/api'), allowed: false},
]

describe('evaluateTraffic: NetworkPolicy semantics', () => {
  test.each(ROWS)('$name', ({policies, traffic, allowed}) => {
    expect(evaluateTraffic(cluster({namespaces, pods, networkPolicies: policies}), traffic).allowed).toBe(allowed)
  })
})

describe('evaluateTraffic: implementation-defined choices', () => {
  const blockDev = [ingressTo('api', {ingress: [{from: [{ipBlock: {cidr: '10.0.2.0/24'}}]}]})]
  test.each([
    {name: 'ipBlockMatchesPods=false: a pod IP in the block does not match', options: {ipBlockMatchesPods: false}, from: 'dev/web', allowed: false},
    {name: 'ipBlockMatchesPods=false: external IPs still match', options: {ipBlockMatchesPods: false}, from: 'ip:10.0.2.77', allowed: true},
    {name: 'ipBlockMatchesPods=true (default): a pod IP in the block matches', options: {}, from: 'dev/web', allowed: true},
  ])('$name', ({options, from, allowed}) => {
    expect(evaluateTraffic(cluster({namespaces, pods, networkPolicies: blockDev}), to('prod/api', 80, 'TCP', from), options).allowed).toBe(allowed)
  })

  const denyAll = [networkPolicy('prod/deny', {podSelector: {}, policyTypes: ['Ingress', 'Egress']})]
  test.each([
    {loopback: undefined, allowed: true, decidedBy: 'loopback'},
    {loopback: 'allow' as const, allowed: true, decidedBy: 'loopback'},
    {loopback: 'deny' as const, allowed: false, decidedBy: 'loopback'},
    {loopback: 'policy' as const, allowed: false, decidedBy: 'networkpolicy'},
  ])('loopback $loopback: a pod to itself under deny-all is allowed=$allowed', ({loopback, allowed, decidedBy}) => {
    const verdict = evaluateTraffic(cluster({namespaces, pods, networkPolicies: denyAll}), to('prod/api', 80, 'TCP', 'prod/api'), {loopback})
    expect({allowed: verdict.allowed, decidedBy: verdict.ingress.decidedBy}).toEqual({allowed, decidedBy})
  })

  // Which containers' ports a named port resolves against is the plugin's choice (named-port-source.ts):
  // kube-network-policies (pkg/api/helper.go NewPodInfo), Cilium and Antrea read spec.containers only;
  // kube-ovn and linkerd add native sidecars (restartPolicy Always); Calico adds every init container.
  const app = pod('prod/cache', {app: 'cache'}, '10.0.1.3', {ports: [{name: 'redis', containerPort: 6379}]})
  const nativeSidecar = {name: 'exporter', restartPolicy: 'Always', ports: [{name: 'metrics', containerPort: 9121}]}
  const plainInit = {name: 'migrate', ports: [{name: 'setup', containerPort: 8000}]}
  const cache = {...app, spec: {...app.spec, initContainers: [nativeSidecar, plainInit]}}
  test.each([
    {name: 'default (containers): an app container\'s named port resolves', namedPorts: undefined, portName: 'redis', port: 6379, allowed: true},
    {name: 'default (containers): a native sidecar\'s named port does not resolve', namedPorts: undefined, portName: 'metrics', port: 9121, allowed: false},
    {name: 'default (containers): a plain init container\'s named port does not resolve', namedPorts: undefined, portName: 'setup', port: 8000, allowed: false},
    {name: 'containers: an app container\'s named port resolves', namedPorts: 'containers' as const, portName: 'redis', port: 6379, allowed: true},
    {name: 'containers: a native sidecar\'s named port does not resolve', namedPorts: 'containers' as const, portName: 'metrics', port: 9121, allowed: false},
    {name: 'containers: a plain init container\'s named port does not resolve', namedPorts: 'containers' as const, portName: 'setup', port: 8000, allowed: false},
    {name: 'sidecars: an app container\'s named port resolves', namedPorts: 'sidecars' as const, portName: 'redis', port: 6379, allowed: true},
    {name: 'sidecars: a native sidecar\'s named port resolves', namedPorts: 'sidecars' as const, portName: 'metrics', port: 9121, allowed: true},
    {name: 'sidecars: the sidecar\'s named port admits only its number', namedPorts: 'sidecars' as const, portName: 'metrics', port: 9122, allowed: false},
    {name: 'sidecars: a plain init container\'s named port does not resolve', namedPorts: 'sidecars' as const, portName: 'setup', port: 8000, allowed: false},
    {name: 'init-containers: an app container\'s named port resolves', namedPorts: 'init-containers' as const, portName: 'redis', port: 6379, allowed: true},
    {name: 'init-containers: a native sidecar\'s named port resolves', namedPorts: 'init-containers' as const, portName: 'metrics', port: 9121, allowed: true},
    {name: 'init-containers: a plain init container\'s named port resolves', namedPorts: 'init-containers' as const, portName: 'setup', port: 8000, allowed: true},
  ])('$name', ({namedPorts, portName, port, allowed}) => {
    const policies = [ingressTo('cache', {ingress: [{ports: [{port: portName}]}]})]
    expect(evaluateTraffic(cluster({namespaces, pods: [...pods, cache], networkPolicies: policies}), to('prod/cache', port), {namedPorts}).allowed).toBe(allowed)
  })

  test('egress: a named port resolves on the destination\'s sidecar under sidecars only', () => {
    const policies = [ingressTo('web', {policyTypes: ['Egress'], egress: [{ports: [{port: 'metrics'}]}]})]
    const state = cluster({namespaces, pods: [...pods, cache], networkPolicies: policies})
    expect([undefined, 'sidecars' as const].map((namedPorts) => evaluateTraffic(state, to('prod/cache', 9121), {namedPorts}).allowed)).toEqual([false, true])
  })

  test('a compiled cluster is evaluated with the named-port source it was compiled with', () => {
    const compiled = compileCluster(cluster({namespaces, pods: [...pods, cache], networkPolicies: [ingressTo('cache', {ingress: [{ports: [{port: 'metrics'}]}]})]}), {namedPorts: 'sidecars'})
    expect(evaluateTraffic(compiled, to('prod/cache', 9121)).allowed).toBe(true)
    expect(evaluateTraffic(compiled, to('prod/cache', 9121), {namedPorts: 'sidecars'}).allowed).toBe(true)
    expect(() => evaluateTraffic(compiled, to('prod/cache', 9121), {namedPorts: 'containers'})).toThrow('compiled with named ports from sidecars, evaluated with containers')
  })

  const withHost = [...pods, pod('prod/node-agent', {app: 'web'}, '192.168.0.10', {hostNetwork: true})]
  test.each([
    {name: 'a host-network pod is never a policy subject (ingress open)', policies: denyAll, traffic: to('prod/node-agent', 80, 'TCP', 'dev/web'), allowed: true},
    {name: 'a host-network pod is not matched by podSelector peers', policies: [ingressTo('api', {ingress: [{from: [{podSelector: {matchLabels: {app: 'web'}}}]}]})], traffic: to('prod/api', 80, 'TCP', 'prod/node-agent'), allowed: false},
    {name: 'a host-network pod is matched by an ipBlock on its node IP', policies: [ingressTo('api', {ingress: [{from: [{ipBlock: {cidr: '192.168.0.0/24'}}]}]})], traffic: to('prod/api', 80, 'TCP', 'prod/node-agent'), allowed: true},
  ])('$name', ({policies, traffic, allowed}) => {
    expect(evaluateTraffic(cluster({namespaces, pods: withHost, networkPolicies: policies}), traffic, {ipBlockMatchesPods: false}).allowed).toBe(allowed)
  })
})

describe('evaluateTraffic: explanations', () => {
  const policies = [
    networkPolicy('prod/deny-all', {podSelector: {}, policyTypes: ['Ingress']}),
    networkPolicy('prod/allow-web', {podSelector: {matchLabels: {app: 'api'}}, ingress: [{ports: [{port: 443}]}, {from: [{namespaceSelector: {}}, {podSelector: {matchLabels: {app: 'web'}}}], ports: [{port: 81}, {port: 80}]}]}),
  ]
  const state = cluster({namespaces, pods, networkPolicies: policies})

  test('names the policy, rule, peer and port that allowed the connection', () => {
    const verdict = evaluateTraffic(state, to('prod/api'))
    expect(verdict.ingress).toMatchObject({
      allowed: true,
      decidedBy: 'networkpolicy',
      isolated: true,
      selectingPolicies: [{kind: 'NetworkPolicy', namespace: 'prod', name: 'deny-all'}, {kind: 'NetworkPolicy', namespace: 'prod', name: 'allow-web'}],
      rule: {policy: {name: 'allow-web'}, ruleIndex: 1, peerIndex: 0, portIndex: 1, action: 'Allow', port: {kind: 'range', first: 80, last: 80, protocol: 'TCP'}},
    })
    expect(verdict.egress).toMatchObject({allowed: true, decidedBy: 'default', isolated: false, selectingPolicies: []})
    expect(verdict).toMatchObject({source: 'prod/web', destination: 'prod/api', port: 80, protocol: 'TCP', allowed: true})
  })

  test('says that no rule allowed it when the pod is isolated', () => {
    const verdict = evaluateTraffic(state, to('prod/web', 80, 'TCP', 'prod/api'))
    expect(verdict.ingress).toMatchObject({allowed: false, decidedBy: 'networkpolicy', isolated: true, selectingPolicies: [{name: 'deny-all'}]})
    expect(verdict.ingress.rule).toBeUndefined()
  })

  test('an external source has no egress side of its own', () => {
    const verdict = evaluateTraffic(state, to('prod/api', 443, 'TCP', 'ip:198.51.100.7'))
    expect(verdict.egress).toMatchObject({subject: 'external', decidedBy: 'default', allowed: true})
    expect(verdict.ingress.rule).toMatchObject({ruleIndex: 0, peerIndex: null, peer: 'all', portIndex: 0})
  })

  test('a rule without ports reports port "all"', () => {
    const verdict = evaluateTraffic(cluster({namespaces, pods, networkPolicies: [ingressTo('api', {ingress: [{from: [{podSelector: {}}]}]})]}), to('prod/api', 9, 'UDP'))
    expect(verdict.ingress.rule).toMatchObject({portIndex: null, port: 'all', peerIndex: 0, peer: {kind: 'pods'}})
  })
})

describe('evaluateTraffic: bad input', () => {
  const state = cluster({namespaces, pods})
  test.each([
    {name: 'port 0', traffic: {...to('prod/api'), port: 0}, code: 'INVALID_ARGUMENT', message: /invalid port 0/},
    {name: 'port 65536', traffic: {...to('prod/api'), port: 65536}, code: 'INVALID_ARGUMENT', message: /between 1 and 65535/},
    {name: 'unknown protocol', traffic: {...to('prod/api'), protocol: 'ICMP' as Traffic['protocol']}, code: 'INVALID_ARGUMENT', message: /unknown protocol "ICMP"/},
    {name: 'bad IP', traffic: to('prod/api', 80, 'TCP', 'ip:10.0.0.256'), code: 'INVALID_ARGUMENT', message: /invalid IP address "10.0.0.256"/},
    {name: 'unknown pod', traffic: to('prod/nope'), code: 'NOT_FOUND', message: /pod "nope" not found in namespace "prod"/},
  ])('$name', ({traffic, code, message}) => {
    expect(() => evaluateTraffic(state, traffic)).toThrow(expect.objectContaining({code, message: expect.stringMatching(message)}))
  })

  test('lower-case protocols from the command line are accepted', () => {
    expect(evaluateTraffic(state, {...to('prod/api'), protocol: 'udp' as Traffic['protocol']}).protocol).toBe('UDP')
  })
})
