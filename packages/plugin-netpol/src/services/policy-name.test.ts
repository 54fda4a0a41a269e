import {describe, expect, test} from 'vitest'
import {namesPolicy, parsePolicyName} from './policy-name.js'

describe('parsePolicyName', () => {
  test.each([
    {text: 'default-deny', want: {name: 'default-deny'}},
    {text: 'netpol/default-deny', want: {kind: 'NetworkPolicy', name: 'default-deny'}},
    {text: 'NetworkPolicy/a.b', want: {kind: 'NetworkPolicy', name: 'a.b'}},
    {text: 'anp/guard', want: {kind: 'AdminNetworkPolicy', name: 'guard'}},
    {text: 'banp/default', want: {kind: 'BaselineAdminNetworkPolicy', name: 'default'}},
    {text: 'clusternetworkpolicies/base', want: {kind: 'ClusterNetworkPolicy', name: 'base'}},
    // As `kubectl get netpol,anp,banp -o name` prints them: KIND.GROUP/NAME.
    {text: 'networkpolicy.networking.k8s.io/default-deny', want: {kind: 'NetworkPolicy', name: 'default-deny'}},
    {text: 'netpol.networking.k8s.io/default-deny', want: {kind: 'NetworkPolicy', name: 'default-deny'}},
    {text: 'adminnetworkpolicy.policy.networking.k8s.io/guard', want: {kind: 'AdminNetworkPolicy', name: 'guard'}},
    {text: 'baselineadminnetworkpolicy.policy.networking.k8s.io/default', want: {kind: 'BaselineAdminNetworkPolicy', name: 'default'}},
    {text: 'clusternetworkpolicy.policy.networking.k8s.io/base', want: {kind: 'ClusterNetworkPolicy', name: 'base'}},
  ])('$text', ({text, want}) => {
    expect(parsePolicyName(text)).toEqual(want)
  })

  test.each([
    {text: 'Deny', problem: '"Deny" is not a valid name'},
    {text: 'netpol/', problem: '"" is not a valid name'},
    {text: 'x/y/z', problem: 'expected NAME or KIND/NAME'},
    {text: 'constructor/x', problem: 'unknown kind "constructor"'},
    {text: 'pod/x', problem: 'unknown kind "pod"'},
    {text: 'networkpolicy.policy.networking.k8s.io/x', problem: 'unknown kind "networkpolicy.policy.networking.k8s.io"'},
    {text: 'anp.networking.k8s.io/x', problem: 'unknown kind "anp.networking.k8s.io"'},
  ])('$text is rejected: $problem', ({text, problem}) => {
    expect(() => parsePolicyName(text)).toThrow(expect.objectContaining({code: 'INVALID_ARGUMENT', message: expect.stringContaining(`invalid POLICY "${text}": ${problem}`)}))
  })
})

describe('namesPolicy', () => {
  test.each([
    {wanted: {name: 'p'}, ref: {kind: 'NetworkPolicy', name: 'p', namespace: 'x'}, want: true},
    {wanted: {name: 'p'}, ref: {kind: 'AdminNetworkPolicy', name: 'p'}, want: true},
    {wanted: {kind: 'AdminNetworkPolicy', name: 'p'}, ref: {kind: 'NetworkPolicy', name: 'p', namespace: 'x'}, want: false},
    {wanted: {name: 'p'}, ref: {kind: 'NetworkPolicy', name: 'q', namespace: 'x'}, want: false},
  ] as const)('$wanted.name vs $ref.kind $ref.name: $want', ({wanted, ref, want}) => {
    expect(namesPolicy(wanted, ref)).toBe(want)
  })
})
