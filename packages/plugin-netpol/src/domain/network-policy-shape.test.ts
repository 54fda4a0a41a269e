// The API server decodes a NetworkPolicy strictly (kubectl apply sends fieldValidation=Strict): an unknown
// field or a value of the wrong type is refused, so a manifest must be refused here too, not read as {}.
import {describe, expect, test} from 'vitest'
import {checkNetworkPolicyShape, withNullRulesEmpty} from './network-policy-shape.js'
import {networkPolicy} from './test-support/cluster-builders.js'

const withSpec = (spec: Record<string, unknown>) => networkPolicy('x/p', spec as never)

describe('checkNetworkPolicyShape', () => {
  test.each([
    {name: 'every field, nulls for absent ones', spec: {
      podSelector: {matchLabels: {app: 'db'}, matchExpressions: [{key: 'tier', operator: 'In', values: ['a']}]},
      policyTypes: ['Ingress', 'Egress'],
      ingress: [{from: [{podSelector: {}, namespaceSelector: null}, {ipBlock: {cidr: '10.0.0.0/8', except: ['10.1.0.0/16']}}], ports: [{protocol: 'UDP', port: 53}, {port: 'http'}, {port: 80, endPort: 90}]}],
      egress: [{to: null, ports: null}],
    }},
    {name: 'an empty spec', spec: {}},
  ])('accepts $name', ({spec}) => {
    expect(() => checkNetworkPolicyShape(withSpec(spec))).not.toThrow()
  })

  test.each([
    {name: 'a misspelt spec field', spec: {ingres: [{}]}, message: 'spec.ingres: unknown field (expected one of podSelector, policyTypes, ingress, egress)'},
    {name: 'a misspelt selector field (read as {}, every pod)', spec: {podSelector: {matchLabel: {app: 'db'}}}, message: 'spec.podSelector.matchLabel: unknown field (expected one of matchLabels, matchExpressions)'},
    {name: 'a misspelt peer field (the namespace scope lost)', spec: {ingress: [{from: [{podSelector: {}, namespaceselector: {}}]}]}, message: 'spec.ingress[0].from[0].namespaceselector: unknown field (expected one of podSelector, namespaceSelector, ipBlock)'},
    {name: '"from" in an egress rule', spec: {egress: [{from: []}]}, message: 'spec.egress[0].from: unknown field (expected one of to, ports)'},
    {name: 'a selector written as a string', spec: {ingress: [{from: [{podSelector: 'app=web'}]}]}, message: 'spec.ingress[0].from[0].podSelector: must be a mapping, got a string'},
    {name: 'a rule list written as a mapping', spec: {ingress: {from: []}}, message: 'spec.ingress: must be a list, got a mapping'},
    {name: 'policyTypes written as a string', spec: {policyTypes: 'Ingress'}, message: 'spec.policyTypes: must be a list, got a string'},
    {name: 'except written as a string', spec: {ingress: [{from: [{ipBlock: {cidr: '10.0.0.0/8', except: '10.1.0.0/16'}}]}]}, message: 'spec.ingress[0].from[0].ipBlock.except: must be a list, got a string'},
    {name: 'a label value that is a number', spec: {podSelector: {matchLabels: {version: 2}}}, message: 'spec.podSelector.matchLabels.version: must be a string, got a number'},
    {name: 'a port that is a list', spec: {ingress: [{ports: [{port: [80]}]}]}, message: 'spec.ingress[0].ports[0].port: must be a number or a string, got a list'},
    {name: 'endPort as text', spec: {ingress: [{ports: [{port: 80, endPort: '90'}]}]}, message: 'spec.ingress[0].ports[0].endPort: must be an integer, got a string'},
    {name: 'a null peer (an empty peer, which the API refuses: "must specify a peer")', spec: {ingress: [{from: [null]}]}, message: 'spec.ingress[0].from[0]: must be a mapping, got null'},
  ])('refuses $name', ({spec, message}) => {
    expect(() => checkNetworkPolicyShape(withSpec(spec))).toThrow(expect.objectContaining({code: 'INVALID_MANIFEST', message: `NetworkPolicy x/p: ${message}`}))
  })
})

test('a null rule is the empty rule, as the API server decodes it (`ingress:` with an empty `-` allows all)', () => {
  const policy = withSpec({podSelector: {}, ingress: [null, {from: [{podSelector: {}}]}], egress: [null]})
  expect(withNullRulesEmpty(policy).spec).toStrictEqual({podSelector: {}, ingress: [{}, {from: [{podSelector: {}}]}], egress: [{}]})
  expect(() => checkNetworkPolicyShape(policy)).not.toThrow()
})
