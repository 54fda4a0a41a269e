import {describe, expect, test} from 'vitest'
import type {AdminNetworkPolicyObject} from './kube-objects.js'
import {proposedClusterStates} from './proposed-cluster.js'
import {cluster, namespace, networkPolicy, pod} from './test-support/cluster-builders.js'

describe('proposedClusterStates', () => {
  const live = networkPolicy('x/allow-web', {podSelector: {}, ingress: [{}]})
  const replacement = networkPolicy('x/allow-web', {podSelector: {}, policyTypes: ['Ingress']})
  const sameNameOtherNamespace = networkPolicy('y/allow-web', {podSelector: {}})
  const anp: AdminNetworkPolicyObject = {metadata: {name: 'guard'}, spec: {priority: 1, subject: {namespaces: {}}}}
  const current = cluster({namespaces: [namespace('x')], pods: [pod('x/a', {app: 'a'}, '10.0.0.1')], networkPolicies: [live]})

  test.each([
    {name: 'same namespace and name replaces', proposed: [replacement], policies: [replacement], change: ['replaced']},
    {name: 'same name in another namespace is added', proposed: [sameNameOtherNamespace], policies: [live, sameNameOtherNamespace], change: ['added']},
    {name: 'nothing proposed changes nothing', proposed: [], policies: [live], change: []},
    {name: 'the same policy twice: the later one wins, listed once', proposed: [sameNameOtherNamespace, replacement, {...replacement, spec: {podSelector: {}}}], policies: [{...replacement, spec: {podSelector: {}}}, sameNameOtherNamespace], change: ['added', 'replaced']},
  ])('$name', ({proposed, policies, change}) => {
    const states = proposedClusterStates(current, cluster({networkPolicies: proposed}))
    expect(states.before.networkPolicies).toEqual([live])
    expect(states.after.networkPolicies).toEqual(policies)
    expect(states.policies.map((policy) => policy.change)).toEqual(change)
  })

  test('proposed pods and namespaces are on both sides; admin policies only after; refs name the kind', () => {
    const newPod = pod('y/b', {app: 'b'}, '10.0.0.2')
    const states = proposedClusterStates(current, cluster({namespaces: [namespace('y')], pods: [newPod], networkPolicies: [sameNameOtherNamespace], adminNetworkPolicies: [anp]}))
    expect(states.before.pods).toEqual([...current.pods, newPod])
    expect(states.after.pods).toEqual(states.before.pods)
    expect(states.before.namespaces.map((ns) => ns.metadata.name)).toEqual(['x', 'y'])
    expect(states.before.adminNetworkPolicies ?? []).toEqual([])
    expect(states.after.adminNetworkPolicies).toEqual([anp])
    expect(states.policies).toEqual([
      {kind: 'NetworkPolicy', name: 'allow-web', namespace: 'y', change: 'added'},
      {kind: 'AdminNetworkPolicy', name: 'guard', change: 'added'},
    ])
  })
})
