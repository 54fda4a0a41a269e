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

  describe('a workload whose pods are in -f too (a cluster dump) is those pods, not one more', () => {
    const owner = (kind: string, name: string, uid?: string) => ({ownerReferences: [{apiVersion: 'apps/v1', kind, name, controller: true, ...(uid ? {uid} : {})}]})
    const deployment = (spec: object = {}) => ({apiVersion: 'apps/v1', kind: 'Deployment', metadata: {name: 'web', namespace: 'shop', uid: 'd-1'}, spec: {replicas: 2, template, ...spec}})
    const replicaSet = {apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: {name: 'web-5d8f', namespace: 'shop', uid: 'rs-1', ...owner('Deployment', 'web', 'd-1')}, spec: {replicas: 2, template}}
    const ownedPod = (name: string, meta: object) => ({apiVersion: 'v1', kind: 'Pod', metadata: {name, namespace: 'shop', labels: {app: 'web'}, ...meta}, spec: template.spec})
    const podNames = (objects: object[]) => manifestCluster(sourced(objects), 'default').objects.pods.map((pod) => `${pod.metadata.namespace}/${pod.metadata.name}`)

    test('Deployment + ReplicaSet + 2 pods (kubectl get deploy,rs,pods -o yaml): the 2 pods, no representative pod', () => {
      const dump = [deployment(), replicaSet, ownedPod('web-5d8f-a', owner('ReplicaSet', 'web-5d8f', 'rs-1')), ownedPod('web-5d8f-b', owner('ReplicaSet', 'web-5d8f', 'rs-1'))]
      const {objects, representativePods, workloadPods} = manifestCluster(sourced(dump), 'default')
      expect(objects.pods.map((pod) => pod.metadata.name)).toEqual(['web-5d8f-a', 'web-5d8f-b'])
      expect([...representativePods]).toEqual([])
      expect(workloadPods.get('shop/deployment/web')).toEqual(['web-5d8f-a', 'web-5d8f-b'])
      expect(workloadPods.get('shop/replicaset/web-5d8f')).toEqual(['web-5d8f-a', 'web-5d8f-b'])
    })

    test('without uids, an owner is matched by kind and name in the pod\'s namespace', () => {
      const withoutUids = [deployment({}), {...replicaSet, metadata: {name: 'web-5d8f', namespace: 'shop', ...owner('Deployment', 'web')}}, ownedPod('web-5d8f-a', owner('ReplicaSet', 'web-5d8f'))]
      expect(podNames(withoutUids)).toEqual(['shop/web-5d8f-a'])
      const otherNamespace = {...ownedPod('web-5d8f-a', owner('ReplicaSet', 'web-5d8f')), metadata: {name: 'web-5d8f-a', namespace: 'lab', ...owner('ReplicaSet', 'web-5d8f')}}
      expect(podNames([withoutUids[0] as object, withoutUids[1] as object, otherNamespace])).toEqual(['lab/web-5d8f-a', 'shop/web-deployment'])
    })

    test('when both have uids, the uid decides: a namesake from an earlier rollout is another owner', () => {
      expect(podNames([deployment(), replicaSet, ownedPod('web-5d8f-a', owner('ReplicaSet', 'web-5d8f', 'rs-old'))])).toEqual(['shop/web-5d8f-a', 'shop/web-deployment'])
    })

    test('the same Deployment in two -f files counts once: its pods stand for it, no representative pod is left over', () => {
      expect(podNames([deployment(), replicaSet, deployment(), ownedPod('web-5d8f-a', owner('ReplicaSet', 'web-5d8f', 'rs-1'))])).toEqual(['shop/web-5d8f-a'])
    })

    test('a ReplicaSet of a Deployment from -f has no pod of its own: the Deployment\'s stands for it', () => {
      expect(podNames([deployment(), replicaSet])).toEqual(['shop/web-deployment'])
    })

    test('a CronJob\'s Job\'s pod (finished ones too) stands for the Job and the CronJob', () => {
      const cronJob = {apiVersion: 'batch/v1', kind: 'CronJob', metadata: {name: 'nightly', namespace: 'shop', uid: 'cj-1'}, spec: {jobTemplate: {spec: {template}}}}
      const job = {apiVersion: 'batch/v1', kind: 'Job', metadata: {name: 'nightly-2907', namespace: 'shop', uid: 'job-1', ...owner('CronJob', 'nightly', 'cj-1')}, spec: {template}}
      const jobPod = ownedPod('nightly-2907-x', {...owner('Job', 'nightly-2907', 'job-1')})
      const {objects, representativePods, workloadPods} = manifestCluster(sourced([cronJob, job, {...jobPod, status: {phase: 'Succeeded'}}]), 'default')
      expect(objects.pods.map((pod) => pod.metadata.name)).toEqual(['nightly-2907-x'])
      expect([...representativePods]).toEqual([])
      expect(workloadPods.get('shop/cronjob/nightly')).toEqual(['nightly-2907-x'])
    })

    test.each([
      {kind: 'Deployment', apiVersion: 'apps/v1', field: 'replicas', spec: {replicas: 0, template}},
      {kind: 'ReplicaSet', apiVersion: 'apps/v1', field: 'replicas', spec: {replicas: 0, template}},
      {kind: 'StatefulSet', apiVersion: 'apps/v1', field: 'replicas', spec: {replicas: 0, template}},
      {kind: 'Job', apiVersion: 'batch/v1', field: 'parallelism', spec: {parallelism: 0, template}},
    ])('a $kind with $field 0 runs no pod: no representative pod', ({kind, apiVersion, spec}) => {
      const {objects, representativePods, workloadPods} = manifestCluster(sourced([{apiVersion, kind, metadata: {name: 'web', namespace: 'shop'}, spec}]), 'default')
      expect(objects.pods).toEqual([])
      expect([...representativePods]).toEqual([])
      expect([...workloadPods]).toEqual([[`shop/${kind.toLowerCase()}/web`, []]])
    })

    test('a suspended CronJob keeps its representative pod: it still runs when triggered by hand', () => {
      expect(podNames([{apiVersion: 'batch/v1', kind: 'CronJob', metadata: {name: 'nightly', namespace: 'shop'}, spec: {suspend: true, jobTemplate: {spec: {template}}}}])).toEqual(['shop/nightly-cronjob'])
    })

    test('a Deployment alone (replicas 2) still gets its one representative pod: "what if I apply this"', () => {
      const {representativePods, workloadPods} = manifestCluster(sourced([deployment()]), 'default')
      expect([...representativePods]).toEqual([['shop/deployment/web', 'web-deployment']])
      expect([...workloadPods]).toEqual([])
    })
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
