import type {KubeObject, SourcedObject} from '@kubeline/core'
import {describe, expect, test} from 'vitest'
import {manifestCluster} from './manifest-cluster.js'

const sourced = (objects: object[]): SourcedObject[] =>
  objects.map((object, document) => ({object: object as KubeObject, source: {file: 'policies.yaml', document, line: 1 + document * 10}}))

const template = {metadata: {labels: {app: 'web'}}, spec: {containers: [{name: 'main', ports: [{name: 'http', containerPort: 8080}]}]}}

describe('manifestCluster', () => {
  test.each([
    {apiVersion: 'apps/v1', kind: 'Deployment', spec: {template}, pod: 'web-deployment', key: 'shop/deployment/web'},
    {apiVersion: 'apps/v1', kind: 'StatefulSet', spec: {template}, pod: 'web-statefulset', key: 'shop/statefulset/web'},
    {apiVersion: 'apps/v1', kind: 'DaemonSet', spec: {template}, pod: 'web-daemonset', key: 'shop/daemonset/web'},
    {apiVersion: 'apps/v1', kind: 'ReplicaSet', spec: {template}, pod: 'web-replicaset', key: 'shop/replicaset/web'},
    {apiVersion: 'batch/v1', kind: 'Job', spec: {template}, pod: 'web-job', key: 'shop/job/web'},
    {apiVersion: 'batch/v1', kind: 'CronJob', spec: {jobTemplate: {spec: {template}}}, pod: 'web-cronjob', key: 'shop/cronjob/web'},
  ])('a $kind becomes one pod from its template, $pod', ({apiVersion, kind, spec, pod, key}) => {
    const {objects, representativePods} = manifestCluster(sourced([{apiVersion, kind, metadata: {name: 'web', namespace: 'shop'}, spec}]), 'default')
    expect(objects.pods).toEqual([{metadata: {name: pod, namespace: 'shop', labels: {app: 'web'}}, spec: template.spec}])
    expect([...representativePods]).toEqual([[key, pod]])
  })

  test('objects without a namespace go to the default one; other kinds are ignored', () => {
    const {objects} = manifestCluster(
      sourced([
        {apiVersion: 'v1', kind: 'Pod', metadata: {name: 'a', labels: {pod: 'a'}}},
        {apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: {name: 'deny'}, spec: {podSelector: {}}},
        {apiVersion: 'v1', kind: 'Service', metadata: {name: 'svc'}, spec: {}},
        {apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'shop', labels: {team: 'x'}}},
      ]),
      'team-ns',
    )
    expect(objects.pods.map((pod) => pod.metadata.namespace)).toEqual(['team-ns'])
    expect(objects.networkPolicies.map((policy) => policy.metadata.namespace)).toEqual(['team-ns'])
    expect(objects.namespaces).toEqual([{metadata: {name: 'shop', labels: {team: 'x'}}}])
  })

  test('admin policies are read cluster-scoped', () => {
    const anp = {apiVersion: 'policy.networking.k8s.io/v1alpha1', kind: 'AdminNetworkPolicy', metadata: {name: 'guard'}, spec: {priority: 10, subject: {namespaces: {}}, ingress: []}}
    const banp = {apiVersion: 'policy.networking.k8s.io/v1alpha1', kind: 'BaselineAdminNetworkPolicy', metadata: {name: 'default'}, spec: {subject: {namespaces: {}}}}
    const {objects} = manifestCluster(sourced([anp, banp]), 'default')
    expect(objects.adminNetworkPolicies).toEqual([{metadata: {name: 'guard'}, spec: anp.spec}])
    expect(objects.baselineAdminNetworkPolicies).toEqual([{metadata: {name: 'default'}, spec: banp.spec}])
  })

  test.each([
    {object: {apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: {name: 'p'}, spec: {podSelector: {}, ingress: [{from: [{ipBlock: {cidr: '10.0.0.0/33'}}]}]}}, message: 'invalid CIDR "10.0.0.0/33"'},
    {object: {apiVersion: 'v1', kind: 'Pod', metadata: {generateName: 'p-'}}, message: 'Pod has no metadata.name'},
    {object: {apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: {name: 'p'}, spec: {podSelector: {matchLabel: {app: 'db'}}}}, message: 'NetworkPolicy default/p: spec.podSelector.matchLabel: unknown field'},
  ])('an invalid object is reported with its file and line: $message', ({object, message}) => {
    const read = () => manifestCluster(sourced([{apiVersion: 'v1', kind: 'Pod', metadata: {name: 'ok'}}, object]), 'default')
    expect(read).toThrow(/^policies\.yaml:11 \(document 2\): /)
    expect(read).toThrow(message)
  })
})
