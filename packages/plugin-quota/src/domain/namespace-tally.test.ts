import type {KubeObject} from '@kubeline/core'
import {describe, expect, test} from 'vitest'
import type {LimitRange, Pod} from './kubernetes-objects.js'
import {NamespaceTally} from './namespace-tally.js'
import {recomputeQuotaUsed} from './recompute-quota-used.js'
import {container, pod} from './test-support/pod-builders.js'
import {quota} from './test-support/workload-builders.js'
import {ownerLookupFrom, topConsumers} from './top-consumers.js'

const now = new Date('2026-11-24T08:00:00Z')
const replicaSet: KubeObject = {
  apiVersion: 'apps/v1', kind: 'ReplicaSet',
  metadata: {name: 'web-5d8f', namespace: 'payments', uid: 'rs1', ownerReferences: [{apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'd1', controller: true}]},
}
const owners = ownerLookupFrom([replicaSet])
const ownedBy = {ownerReferences: [{apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-5d8f', uid: 'rs1', controller: true}]}

const pods: Pod[] = [
  pod({containers: [container({cpu: '500m', memory: '256Mi'}, {cpu: '1', memory: '256Mi'}, {name: 'app'})]}, {phase: 'Running'}, {name: 'web-1', namespace: 'payments', ...ownedBy}),
  pod({containers: [container({cpu: '500m', memory: '256Mi'}, {cpu: '1', memory: '256Mi'}, {name: 'app'})]}, {phase: 'Running'}, {name: 'web-2', namespace: 'payments', ...ownedBy}),
  pod({containers: [container(undefined, undefined, {name: 'shell'})]}, {phase: 'Running'}, {name: 'debug', namespace: 'payments'}),
  pod({containers: [container({cpu: '4'}, undefined, {name: 'app'})]}, {phase: 'Succeeded'}, {name: 'batch-1', namespace: 'payments'}),
]
const others: KubeObject[] = [
  {apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: {name: 'data', namespace: 'payments'}, spec: {resources: {requests: {storage: '10Gi'}}}},
  {apiVersion: 'v1', kind: 'Service', metadata: {name: 'web', namespace: 'payments'}, spec: {type: 'LoadBalancer'}},
]
const compute = quota('compute', {'requests.cpu': '4', 'limits.memory': '2Gi', pods: '10', 'count/pods': '20', 'requests.storage': '50Gi', services: '5', 'services.loadbalancers': '1'})
const bestEffort = quota('best-effort', {pods: '2'}, {}, {scopes: ['BestEffort']})

function tallyOf(objects: readonly KubeObject[], top = 3): NamespaceTally {
  const tally = new NamespaceTally('payments', [compute, bestEffort], {now, top, owners})
  for (const object of objects) tally.add(object)
  return tally
}

describe('NamespaceTally', () => {
  test('folding one object at a time charges each quota what recomputeQuotaUsed charges for the whole list', () => {
    const [computeTally, bestEffortTally] = tallyOf([...pods, ...others]).quotas()
    expect(computeTally!.recomputed()).toEqual(recomputeQuotaUsed(compute, [...pods, ...others], {now}))
    expect(computeTally!.recomputed()).toMatchObject({'requests.cpu': '1', 'limits.memory': '512Mi', pods: '3', 'count/pods': '4', 'requests.storage': '10Gi', services: '1', 'services.loadbalancers': '1'})
    expect(bestEffortTally!.recomputed()).toEqual({pods: '1'})
  })

  test('top consumers per quota, from the pods that quota matches only', () => {
    const [computeTally, bestEffortTally] = tallyOf([...pods, ...others]).quotas()
    const resources = ['count/pods', 'limits.memory', 'pods', 'requests.cpu']
    expect(computeTally!.top()).toEqual(topConsumers(pods, owners, resources, 3, {now}))
    expect(Object.keys(computeTally!.top())).toEqual(resources) // in the order of the quota lines
    expect(computeTally!.top()['requests.cpu']).toEqual([{kind: 'Deployment', namespace: 'payments', name: 'web', pods: 2, used: '1', usedValue: 1000}])
    expect(bestEffortTally!.top()['pods']).toEqual([{kind: 'Pod', namespace: 'payments', name: 'debug', pods: 1, used: '1', usedValue: 1}])
  })

  test('without --top nothing is ranked', () => {
    expect(tallyOf(pods, 0).quotas().map((entry) => entry.top())).toEqual([{}, {}])
  })

  test('pods missing what a matching quota requires, in the order they came; quotas without compute keys require nothing', () => {
    expect(tallyOf([...pods, ...others]).missingRequests()).toEqual([
      {pod: 'debug', quota: 'compute', problem: 'must specify limits.memory for: shell; requests.cpu for: shell'},
      {pod: 'batch-1', quota: 'compute', problem: 'must specify limits.memory for: app'},
    ])
  })

  // The next replica goes through LimitRanger before the ResourceQuota admission checks it (upstream
  // admission order: mutating plugins, then validating ones), so defaults supply what the pod lacks.
  test.each<{name: string; defaults: Record<string, string>; want: string[]}>([
    {name: 'a LimitRange default limit for memory (and so its request) leaves cpu missing', defaults: {memory: '256Mi'}, want: ['must specify requests.cpu for: shell']},
    {name: 'LimitRange defaults for cpu and memory leave nothing missing', defaults: {cpu: '500m', memory: '256Mi'}, want: []},
  ])('$name', ({defaults, want}) => {
    const limitRange: LimitRange = {apiVersion: 'v1', kind: 'LimitRange', metadata: {name: 'defaults', namespace: 'payments'}, spec: {limits: [{type: 'Container', default: defaults}]}}
    const tally = new NamespaceTally('payments', [compute, bestEffort], {now, top: 0, owners, limitRanges: [limitRange]})
    for (const object of pods) tally.add(object)
    expect(tally.missingRequests().map(({problem}) => problem)).toEqual(want)
  })

  test('forget drops one kind, so a restarted list is not counted twice', () => {
    const tally = tallyOf([...pods, ...others])
    tally.forget('pods')
    expect(tally.missingRequests()).toEqual([])
    expect(tally.quotas()[0]!.recomputed()).toMatchObject({'requests.cpu': '0', pods: '0', 'requests.storage': '10Gi', services: '1'})
    expect(tally.quotas()[0]!.top()['requests.cpu']).toEqual([])
    for (const object of pods) tally.add(object)
    expect(tally.quotas()[0]!.recomputed()).toEqual(recomputeQuotaUsed(compute, [...pods, ...others], {now}))
    expect(tally.missingRequests()).toHaveLength(2)
  })

  test('objects of another namespace charge nothing', () => {
    const elsewhere = pods.map((p) => ({...p, metadata: {...p.metadata, namespace: 'search'}}))
    expect(tallyOf(elsewhere).quotas()[0]!.recomputed()).toMatchObject({'requests.cpu': '0', pods: '0', 'count/pods': '0'})
  })
})
