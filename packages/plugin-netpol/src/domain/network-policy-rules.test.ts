// Defaulting (pkg/apis/networking/v1/defaults.go) and validation (pkg/apis/networking/validation/validation.go).
import {describe, expect, test} from 'vitest'
import type {NetworkPolicyObject} from './kube-objects.js'
import {compileNetworkPolicy} from './network-policy-rules.js'
import {networkPolicy} from './test-support/cluster-builders.js'

describe('compileNetworkPolicy: defaulting', () => {
  test.each([
    {name: 'no policyTypes, no rules', spec: {}, ingress: 0, egress: undefined},
    {name: 'no policyTypes, egress rules', spec: {egress: [{}]}, ingress: 0, egress: 1},
    {name: 'no policyTypes, egress: []', spec: {egress: []}, ingress: 0, egress: undefined},
    {name: 'policyTypes Egress only', spec: {policyTypes: ['Egress'], ingress: [{}]}, ingress: undefined, egress: 0},
    {name: 'both policyTypes', spec: {policyTypes: ['Ingress', 'Egress']}, ingress: 0, egress: 0},
  ])('$name', ({spec, ingress, egress}) => {
    const compiled = compileNetworkPolicy(networkPolicy('ns/p', spec))
    expect({ingress: compiled.ingress?.length, egress: compiled.egress?.length}).toEqual({ingress, egress})
  })

  test('from and ports absent compile to all peers and all ports; protocol defaults to TCP', () => {
    const compiled = compileNetworkPolicy(networkPolicy('ns/p', {ingress: [{}, {ports: [{port: 80}]}]}))
    expect(compiled.ingress).toEqual([
      {peers: 'all', ports: {kind: 'all'}},
      {peers: 'all', ports: {kind: 'some', ports: [{kind: 'range', protocol: 'TCP', first: 80, last: 80}]}},
    ])
  })

  test('a podSelector-only peer is bound to the policy namespace', () => {
    const compiled = compileNetworkPolicy(networkPolicy('ns/p', {ingress: [{from: [{podSelector: {}}]}]}))
    expect(compiled.ingress?.[0]?.peers).toMatchObject([{kind: 'pods', namespaces: {kind: 'exact', namespace: 'ns'}}])
  })
})

describe('compileNetworkPolicy: validation errors name the object and field', () => {
  const rule = (ports: NonNullable<NetworkPolicyObject['spec']['ingress']>[number]) => networkPolicy('prod/p', {ingress: [ports]})
  test.each([
    {name: 'invalid CIDR', policy: rule({from: [{ipBlock: {cidr: '10.0.0.0/40'}}]}), message: 'NetworkPolicy prod/p: spec.ingress[0].from[0].ipBlock.cidr: invalid CIDR "10.0.0.0/40": prefix length "40" must be 0..32'},
    {name: 'invalid except', policy: rule({from: [{ipBlock: {cidr: '10.0.0.0/8', except: ['nope']}}]}), message: 'NetworkPolicy prod/p: spec.ingress[0].from[0].ipBlock.except[0]: invalid CIDR "nope": missing prefix length'},
    {name: 'port 0', policy: rule({ports: [{port: 0}]}), message: 'NetworkPolicy prod/p: spec.ingress[0].ports[0].port: 0 must be an integer between 1 and 65535'},
    {name: 'port 70000', policy: rule({ports: [{port: 70000}]}), message: 'NetworkPolicy prod/p: spec.ingress[0].ports[0].port: 70000 must be an integer between 1 and 65535'},
    {name: 'unknown protocol', policy: rule({ports: [{port: 80, protocol: 'ICMP'}]}), message: 'NetworkPolicy prod/p: spec.ingress[0].ports[0].protocol: unsupported value "ICMP": expected TCP, UDP or SCTP'},
    {name: 'lower-case protocol (the API is case-sensitive)', policy: rule({ports: [{protocol: 'tcp'}]}), message: 'NetworkPolicy prod/p: spec.ingress[0].ports[0].protocol: unsupported value "tcp": expected TCP, UDP or SCTP'},
    {name: 'endPort < port', policy: rule({ports: [{port: 80, endPort: 79}]}), message: 'NetworkPolicy prod/p: spec.ingress[0].ports[0].endPort: 79 must be greater than or equal to port 80'},
    {name: 'endPort without port', policy: rule({ports: [{endPort: 90}]}), message: 'NetworkPolicy prod/p: spec.ingress[0].ports[0].endPort: may not be set when port is not set'},
    {name: 'endPort with a named port', policy: rule({ports: [{port: 'http', endPort: 90}]}), message: 'NetworkPolicy prod/p: spec.ingress[0].ports[0].endPort: may not be set when port is the named port "http"'},
    {name: 'invalid port name', policy: rule({ports: [{port: 'HTTP_1'}]}), message: 'NetworkPolicy prod/p: spec.ingress[0].ports[0].port: "HTTP_1" is not a valid port name (IANA_SVC_NAME: 1-15 lowercase letters, digits and \'-\', at least one letter)'},
    {name: 'empty peer', policy: rule({from: [{}]}), message: 'NetworkPolicy prod/p: spec.ingress[0].from[0]: must specify a peer (podSelector, namespaceSelector or ipBlock)'},
    {name: 'ipBlock with a selector', policy: rule({from: [{ipBlock: {cidr: '10.0.0.0/8'}, podSelector: {}}]}), message: 'NetworkPolicy prod/p: spec.ingress[0].from[0]: may not specify both ipBlock and another peer'},
    {name: 'unknown policyType', policy: networkPolicy('prod/p', {policyTypes: ['ingress']}), message: 'NetworkPolicy prod/p: spec.policyTypes[0]: unsupported value "ingress": expected Ingress or Egress'},
    {name: 'missing namespace', policy: {metadata: {name: 'p'}, spec: {}}, message: 'NetworkPolicy p: metadata.namespace: is required (a NetworkPolicy only selects pods of its own namespace)'},
    {name: 'invalid selector operator', policy: rule({from: [{podSelector: {matchExpressions: [{key: 'a', operator: 'Equals'}]}}]}), message: /^NetworkPolicy prod\/p: spec.ingress\[0\].from\[0\].podSelector: invalid label selector: matchExpressions\[0\].operator/},
    {name: 'egress paths say "to"', policy: networkPolicy('prod/p', {egress: [{to: [{ipBlock: {cidr: 'x'}}]}]}), message: 'NetworkPolicy prod/p: spec.egress[0].to[0].ipBlock.cidr: invalid CIDR "x": missing prefix length'},
  ])('$name', ({policy, message}) => {
    expect(() => compileNetworkPolicy(policy)).toThrow(expect.objectContaining({code: 'INVALID_MANIFEST', message: typeof message === 'string' ? message : expect.stringMatching(message)}))
  })
})
