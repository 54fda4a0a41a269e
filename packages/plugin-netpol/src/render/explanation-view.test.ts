import {renderResult} from '@kubeline/core'
import {describe, expect, test} from 'vitest'
import {compileCluster} from '../domain/compiled-cluster.js'
import type {AdminNetworkPolicyObject} from '../domain/kube-objects.js'
import {policyExplanations} from '../domain/policy-explanation.js'
import {cluster, namespace, networkPolicy, pod} from '../domain/test-support/cluster-builders.js'
import {explanationView, podList} from './explanation-view.js'

const pods = [
  pod('x/a', {pod: 'a'}, '10.0.0.1'),
  pod('x/b', {pod: 'b'}, '10.0.0.2', {ports: [{name: 'http', containerPort: 80}]}),
  pod('y/c', {pod: 'c'}, '10.0.1.1'),
]
const policies = [
  networkPolicy('x/allow-a-to-b', {podSelector: {matchLabels: {pod: 'b'}}, ingress: [{from: [{podSelector: {matchLabels: {pod: 'a'}}}, {namespaceSelector: {matchLabels: {team: 'y'}}}], ports: [{port: 'http'}, {port: 8080, endPort: 8090}]}]}),
  networkPolicy('x/default-deny', {podSelector: {}, policyTypes: ['Ingress', 'Egress'], egress: [{to: [{ipBlock: {cidr: '10.0.1.0/24'}}]}]}),
]
const anp: AdminNetworkPolicyObject = {metadata: {name: 'guard'}, spec: {priority: 5, subject: {namespaces: {matchLabels: {'kubernetes.io/metadata.name': 'y'}}}, egress: [{name: 'no-x', action: 'Deny', to: [{namespaces: {}}]}]}}
const state = cluster({namespaces: [namespace('x'), namespace('y', {team: 'y'})], pods, networkPolicies: policies, adminNetworkPolicies: [anp]})
const view = explanationView(policyExplanations(compileCluster(state), policies, {ipBlockMatchesPods: true}))

describe('explanationView', () => {
  test('text: selection, isolation and why, one line per rule', () => {
    expect(renderResult(view, 'table')).toBe(`AdminNetworkPolicy guard (admin tier, priority 5)
  selects 1 pod: y/c (pods {all} in namespaces {kubernetes.io/metadata.name=y})
  ingress: not affected (no rules)
  egress: rules in order, the first that matches decides
    rule 0 "no-x": denies to pods {all} in namespaces {all} [3 pods: x/a, x/b, y/c] on any port

NetworkPolicy x/allow-a-to-b
  selects 1 pod: x/b (pods {pod=b} in namespace x)
  ingress: isolated (policyTypes is not set: Ingress is always assumed)
    rule 0: allows from pods {pod=a} in namespace x [1 pod: x/a], or pods {all} in namespaces {team=y} [1 pod: y/c] on named port "http"/TCP (TCP/80 on 1 pod: x/b), TCP/8080-8090
  egress: not affected (policyTypes is not set, and spec.egress has no rules)

NetworkPolicy x/default-deny
  selects 2 pods: x/a, x/b (pods {all} in namespace x)
  ingress: isolated (policyTypes lists Ingress); no rules: nothing is allowed in unless another policy allows it
  egress: isolated (policyTypes lists Egress)
    rule 0: allows to ipBlock 10.0.1.0/24 [1 pod: y/c] on any port
`)
  })

  test('-o json: the PolicyExplanation document', () => {
    const document = JSON.parse(renderResult(view, 'json'))
    expect(Object.keys(document)).toEqual(['apiVersion', 'kind', 'policies'])
    expect(document.kind).toBe('PolicyExplanation')
    expect(document.policies[1]).toEqual({
      policy: {kind: 'NetworkPolicy', name: 'allow-a-to-b', namespace: 'x'},
      tier: 'networkpolicy',
      selects: {description: 'pods {pod=b} in namespace x', count: 1, pods: ['x/b']},
      ingress: {
        affected: true,
        reason: 'defaulted-ingress',
        explanation: 'isolated (policyTypes is not set: Ingress is always assumed)',
        rules: [
          {
            index: 0,
            action: 'Allow',
            explanation: 'rule 0: allows from pods {pod=a} in namespace x [1 pod: x/a], or pods {all} in namespaces {team=y} [1 pod: y/c] on named port "http"/TCP (TCP/80 on 1 pod: x/b), TCP/8080-8090',
            peers: [
              {description: 'pods {pod=a} in namespace x', count: 1, pods: ['x/a']},
              {description: 'pods {all} in namespaces {team=y}', count: 1, pods: ['y/c']},
            ],
            ports: [{description: 'named port "http"/TCP', resolved: [{port: 80, protocol: 'TCP', pods: ['x/b']}]}, {description: 'TCP/8080-8090'}],
          },
        ],
      },
      egress: {affected: false, reason: 'not-defaulted-egress', explanation: 'not affected (policyTypes is not set, and spec.egress has no rules)', rules: []},
    })
    expect(document.policies[0]).toMatchObject({policy: {kind: 'AdminNetworkPolicy', name: 'guard'}, tier: 'admin', priority: 5})
    expect(document.policies[0].egress.rules[0]).toMatchObject({index: 0, name: 'no-x', action: 'Deny'})
  })
})

describe('podList', () => {
  test.each([
    {pods: [], text: 'no pod'},
    {pods: ['x/a'], text: '1 pod: x/a'},
    {pods: ['x/a', 'x/b', 'x/c', 'x/d', 'x/e'], text: '5 pods: x/a, x/b, x/c, x/d, x/e'},
    {pods: ['x/a', 'x/b', 'x/c', 'x/d', 'x/e', 'x/f', 'x/g'], text: '7 pods: x/a, x/b, x/c, x/d, x/e and 2 more'},
  ])('$text', ({pods: names, text}) => {
    expect(podList(names)).toBe(text)
  })
})
