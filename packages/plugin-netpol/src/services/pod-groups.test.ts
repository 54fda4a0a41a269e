import {describe, expect, test} from 'vitest'
import {connectivityMatrix} from '../domain/connectivity-matrix.js'
import type {PodObject} from '../domain/kube-objects.js'
import type {MatrixResult} from './connectivity-matrices.js'
import {classOfPods, groupedMatrix, workloadOfPods} from './pod-groups.js'

const pod = (name: string, labels: Record<string, string>, owner?: {kind: string; name: string}): PodObject =>
  ({metadata: {name, namespace: 'x', labels, ...(owner ? {ownerReferences: [{...owner, controller: true}]} : {})}}) as PodObject

describe('workloadOfPods', () => {
  test.each([
    {pod: pod('web-5d9f-abcde', {'pod-template-hash': '5d9f'}, {kind: 'ReplicaSet', name: 'web-5d9f'}), group: 'x/deployment/web'},
    {pod: pod('rs-only-xyz', {}, {kind: 'ReplicaSet', name: 'rs-only'}), group: 'x/replicaset/rs-only'},
    {pod: pod('db-0', {}, {kind: 'StatefulSet', name: 'db'}), group: 'x/statefulset/db'},
    {pod: pod('migrate-q1w2e', {}, {kind: 'Job', name: 'migrate'}), group: 'x/job/migrate'},
    {pod: pod('lonely', {}), group: 'x/lonely'},
    {pod: pod('api-deployment', {}), group: 'x/deployment/api'},
  ])('$pod.metadata.name -> $group', ({pod: object, group}) => {
    const groups = workloadOfPods([object], new Map([['x/deployment/api', 'api-deployment']]))
    expect(groups.get(`x/${object.metadata.name}`)).toBe(group)
  })
})

describe('groupedMatrix', () => {
  const result: MatrixResult = {
    port: 80,
    protocol: 'TCP',
    pods: ['x/a1', 'x/a2', 'x/b'],
    allowed: {
      'x/a1': {'x/a1': true, 'x/a2': false, 'x/b': true},
      'x/a2': {'x/a1': false, 'x/a2': true, 'x/b': false},
      'x/b': {'x/a1': true, 'x/a2': true, 'x/b': false},
    },
  }

  test('all, none or some of the pairs of distinct pods; a one-pod group keeps its loopback', () => {
    const grouped = groupedMatrix(result, new Map([['x/a1', 'x/deployment/a'], ['x/a2', 'x/deployment/a']]))
    expect(grouped).toEqual({
      port: 80,
      protocol: 'TCP',
      groups: [{name: 'x/b', pods: ['x/b']}, {name: 'x/deployment/a', pods: ['x/a1', 'x/a2']}],
      reach: {
        'x/b': {'x/b': 'none', 'x/deployment/a': 'all'},
        'x/deployment/a': {'x/b': 'some', 'x/deployment/a': 'none'},
      },
    })
  })
})

describe('groupedMatrix with cells not compared (--port declared)', () => {
  // x/a1 declares the port, x/a2 does not; x/b declares it; x/c does not.
  const result: MatrixResult = {
    port: 80,
    protocol: 'TCP',
    pods: ['x/a1', 'x/a2', 'x/b', 'x/c'],
    allowed: {
      'x/a1': {'x/a1': true, 'x/a2': null, 'x/b': false, 'x/c': null},
      'x/a2': {'x/a1': true, 'x/a2': null, 'x/b': true, 'x/c': null},
      'x/b': {'x/a1': true, 'x/a2': null, 'x/b': true, 'x/c': null},
      'x/c': {'x/a1': false, 'x/a2': null, 'x/b': false, 'x/c': null},
    },
  }
  const workloads = new Map([['x/a1', 'x/deployment/a'], ['x/a2', 'x/deployment/a']])

  test.each([
    {name: 'only compared pairs count: all of them allowed', from: 'x/b', to: 'x/deployment/a', reach: 'all'},
    {name: 'only compared pairs count: some allowed', from: 'x/deployment/a', to: 'x/b', reach: 'some'},
    {name: 'only compared pairs count: none allowed', from: 'x/c', to: 'x/deployment/a', reach: 'none'},
    {name: 'the pairs of distinct pods of a group, the compared one allowed', from: 'x/deployment/a', to: 'x/deployment/a', reach: 'all'},
    {name: 'no pair compared: towards a pod that declares nothing', from: 'x/b', to: 'x/c', reach: 'not-compared'},
    {name: 'no pair compared: a one-pod group to itself', from: 'x/c', to: 'x/c', reach: 'not-compared'},
  ])('$name: $from -> $to is $reach', ({from, to, reach}) => {
    expect(groupedMatrix(result, workloads).reach[from]?.[to]).toBe(reach)
  })
})

describe('classOfPods', () => {
  test('pods with the same labels in the same namespace share a class, named after the first', () => {
    const state = {namespaces: [], networkPolicies: [], pods: [pod('a1', {app: 'a'}), pod('a2', {app: 'a'}), pod('b', {app: 'b'})]}
    const [matrix] = connectivityMatrix(state, {ports: [80], protocols: ['TCP']})
    const groups = classOfPods(matrix as NonNullable<typeof matrix>, new Set(['x/a1', 'x/a2', 'x/b']))
    expect(Object.fromEntries(groups)).toEqual({'x/a1': 'x/a1+1', 'x/a2': 'x/a1+1', 'x/b': 'x/b'})
  })
})
