import type {KubeObject} from '@kubeline/core'
import {describe, expect, test} from 'vitest'
import type {Pod} from './kubernetes-objects.js'
import {ownerLookupFrom, owningWorkload, topConsumers} from './top-consumers.js'
import {container, pod} from './test-support/pod-builders.js'

const owned = (kind: string, name: string, uid: string, owner?: {kind: string; name: string; uid: string}): KubeObject => ({
  apiVersion: 'apps/v1', kind, metadata: {name, namespace: 'payments', uid, ...(owner ? {ownerReferences: [{apiVersion: 'apps/v1', ...owner, controller: true}]} : {})},
})
const deployment = owned('Deployment', 'web', 'd1')
const replicaSet = owned('ReplicaSet', 'web-5d8f', 'rs1', {kind: 'Deployment', name: 'web', uid: 'd1'})
const cronJob = owned('CronJob', 'report', 'cj1')
const job = owned('Job', 'report-2901', 'j1', {kind: 'CronJob', name: 'report', uid: 'cj1'})
const lookup = ownerLookupFrom([deployment, replicaSet, cronJob, job])

const podOf = (name: string, cpu: string, owner?: {kind: string; name: string; uid: string}, phase = 'Running'): Pod => ({
  ...pod({containers: [container({cpu, memory: '64Mi'})]}, {phase}, {name, namespace: 'payments', ...(owner ? {ownerReferences: [{apiVersion: 'v1', ...owner, controller: true}]} : {})}),
})

describe('owningWorkload', () => {
  test.each([
    {name: 'Pod → ReplicaSet → Deployment', pod: podOf('web-1', '1', {kind: 'ReplicaSet', name: 'web-5d8f', uid: 'rs1'}), want: {kind: 'Deployment', name: 'web'}},
    {name: 'Pod → Job → CronJob', pod: podOf('report-1', '1', {kind: 'Job', name: 'report-2901', uid: 'j1'}), want: {kind: 'CronJob', name: 'report'}},
    {name: 'an owner missing from the lookup ends the walk', pod: podOf('db-0', '1', {kind: 'StatefulSet', name: 'db', uid: 'ss1'}), want: {kind: 'StatefulSet', name: 'db'}},
    {name: 'a bare pod is its own workload', pod: podOf('debug', '1'), want: {kind: 'Pod', name: 'debug'}},
  ])('$name', ({pod: p, want}) => expect(owningWorkload(p, lookup)).toEqual({...want, namespace: 'payments'}))

  test('the controller reference wins over other owners', () => {
    const p = podOf('x', '1')
    p.metadata.ownerReferences = [
      {apiVersion: 'v1', kind: 'ConfigMap', name: 'not-me', uid: 'c'},
      {apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-5d8f', uid: 'rs1', controller: true},
    ]
    expect(owningWorkload(p, lookup).name).toBe('web')
  })
})

describe('topConsumers', () => {
  const rs = {kind: 'ReplicaSet', name: 'web-5d8f', uid: 'rs1'}
  const pods = [
    podOf('web-1', '500m', rs),
    podOf('web-2', '500m', rs),
    podOf('report-1', '2', {kind: 'Job', name: 'report-2901', uid: 'j1'}),
    podOf('report-0', '8', {kind: 'Job', name: 'report-2901', uid: 'j1'}, 'Succeeded'),
    podOf('debug', '250m'),
  ]

  test('sums per workload by the quota rules and ranks largest first', () => {
    expect(topConsumers(pods, lookup, ['requests.cpu'], 2)).toEqual({
      'requests.cpu': [
        {kind: 'CronJob', namespace: 'payments', name: 'report', pods: 1, used: '2', usedValue: 2000},
        {kind: 'Deployment', namespace: 'payments', name: 'web', pods: 2, used: '1', usedValue: 1000},
      ],
    })
  })

  test('counts per resource; finished pods only count in count/pods', () => {
    const top = topConsumers(pods, lookup, ['pods', 'count/pods'], 5)
    expect(top['pods']?.map((c) => [c.name, c.used])).toEqual([['web', '2'], ['report', '1'], ['debug', '1']])
    expect(top['count/pods']?.map((c) => [c.name, c.used])).toEqual([['report', '2'], ['web', '2'], ['debug', '1']])
  })

  test('workloads not charging a resource are left out', () => {
    expect(topConsumers(pods, lookup, ['requests.nvidia.com/gpu'], 3)).toEqual({'requests.nvidia.com/gpu': []})
  })
})
