import {describe, expect, test} from 'vitest'
import type {ConnectionChange} from './connectivity-diff.js'
import {trafficKey} from './compared-traffic.js'
import {connectivityChanges, jointPartition} from './connectivity-diff.js'
import {allowedTable, connectivityMatrix} from './connectivity-matrix.js'
import type {EvaluationOptions} from './evaluate-traffic.js'
import type {ClusterState} from './kube-objects.js'
import {proposedClusterStates} from './proposed-cluster.js'
import {cluster, namespace, networkPolicy, pod} from './test-support/cluster-builders.js'
import {randomCluster, seededRandom} from './test-support/random-cluster.js'

const request = (options: EvaluationOptions = {}) => ({ports: [80, 8080], protocols: ['TCP', 'UDP'] as const, options})

/** The same diff the slow way: every pair of pods, every port, from the expanded tables. */
function podByPodChanges(
  before: ClusterState,
  after: ClusterState,
  options: EvaluationOptions,
  groupOf: (pod: string) => string,
  inScope: (pod: string) => boolean,
  comparedTowards: (pod: string, traffic: string) => boolean = () => true,
): ConnectionChange[] {
  const afterMatrices = connectivityMatrix(after, request(options))
  const counts = new Map<string, ConnectionChange>()
  connectivityMatrix(before, request(options)).forEach((matrix, index) => {
    const [was, is] = [allowedTable(matrix), allowedTable(afterMatrices[index] as (typeof afterMatrices)[number])]
    for (const from of matrix.pods) {
      for (const to of matrix.pods) {
        if (was[from]?.[to] === is[from]?.[to] || !(inScope(from) || inScope(to)) || !comparedTowards(to, trafficKey(matrix))) continue
        const change = is[from]?.[to] ? 'newly-allowed' : 'newly-denied'
        const key = `${change} ${groupOf(from)} ${groupOf(to)} ${matrix.port} ${matrix.protocol}`
        const existing = counts.get(key) ?? {change, from: groupOf(from), to: groupOf(to), port: matrix.port, protocol: matrix.protocol, podPairs: 0}
        existing.podPairs += 1
        counts.set(key, existing)
      }
    }
  })
  return [...counts.values()]
}

describe('connectivityChanges agrees with a pod-by-pod diff', () => {
  const seeds = Array.from({length: 30}, (_, i) => i + 1)
  test.each(seeds)('random cluster #%i: half the policies proposed on top of the other half', (seed) => {
    const full = randomCluster(seed)
    const half = Math.floor(full.networkPolicies.length / 2)
    const current = {...full, networkPolicies: full.networkPolicies.slice(0, half)}
    const proposed = cluster({networkPolicies: full.networkPolicies.slice(half)})
    const {before, after} = proposedClusterStates(current, proposed)
    const random = seededRandom(seed * 7)
    const scoped = new Set(before.pods.filter(() => random() < 0.4).map((p) => `${p.metadata.namespace}/${p.metadata.name}`))
    const byNamespace = (name: string) => name.split('/')[0] as string
    for (const options of [{}, {loopback: 'policy'}, {ipBlockMatchesPods: false}] satisfies EvaluationOptions[]) {
      const groupOf = new Map(before.pods.map((p) => [`${p.metadata.namespace}/${p.metadata.name}`, p.metadata.namespace]))
      const fast = connectivityChanges(connectivityMatrix(before, request(options)), connectivityMatrix(after, request(options)), {groupOf, inScope: scoped})
      const slow = podByPodChanges(before, after, options, byNamespace, (name) => scoped.has(name))
      expect(fast).toEqual(expect.arrayContaining(slow))
      expect(fast).toHaveLength(slow.length)
      const perPod = connectivityChanges(connectivityMatrix(before, request(options)), connectivityMatrix(after, request(options)), {groupOf: new Map()})
      expect(perPod).toHaveLength(podByPodChanges(before, after, options, (name) => name, () => true).length)
    }
  })

  test.each(seeds)('random cluster #%i: only the traffic compared towards each destination pod (--port declared)', (seed) => {
    const full = randomCluster(seed)
    const half = Math.floor(full.networkPolicies.length / 2)
    const {before, after} = proposedClusterStates({...full, networkPolicies: full.networkPolicies.slice(half)}, cluster({networkPolicies: full.networkPolicies.slice(0, half)}))
    const random = seededRandom(seed * 11)
    const pairs = ['80/TCP', '80/UDP', '8080/TCP', '8080/UDP']
    const towardsPod = new Map(before.pods.filter(() => random() < 0.8).map((p) => [`${p.metadata.namespace}/${p.metadata.name}`, new Set(pairs.filter(() => random() < 0.5))]))
    const groupOf = new Map(before.pods.map((p) => [`${p.metadata.namespace}/${p.metadata.name}`, p.metadata.namespace]))
    const fast = connectivityChanges(connectivityMatrix(before, request()), connectivityMatrix(after, request()), {groupOf, towardsPod})
    const slow = podByPodChanges(before, after, {}, (name) => name.split('/')[0] as string, () => true, (pod, traffic) => towardsPod.get(pod)?.has(traffic) === true)
    expect(fast).toEqual(expect.arrayContaining(slow))
    expect(fast).toHaveLength(slow.length)
  })
})

describe('connectivityChanges', () => {
  const pods = [pod('x/a', {app: 'a'}, '10.0.0.1'), pod('x/b', {app: 'b'}, '10.0.0.2'), pod('x/b2', {app: 'b'}, '10.0.0.3'), pod('y/c', {app: 'c'}, '10.0.1.1')]
  const allowAToB = networkPolicy('x/allow-a', {podSelector: {matchLabels: {app: 'b'}}, ingress: [{from: [{podSelector: {matchLabels: {app: 'a'}}}]}]})
  const denyB = networkPolicy('x/allow-a', {podSelector: {matchLabels: {app: 'b'}}, policyTypes: ['Ingress']})
  const denyAEgress = networkPolicy('x/deny-a-egress', {podSelector: {matchLabels: {app: 'a'}}, policyTypes: ['Egress']})
  const groupOf = new Map([['x/b', 'x/deployment/b'], ['x/b2', 'x/deployment/b']])
  const diff = (current: ClusterState['networkPolicies'], proposed: ClusterState['networkPolicies'], inScope?: string[]) => {
    const {before, after} = proposedClusterStates(cluster({namespaces: [namespace('x'), namespace('y')], pods, networkPolicies: current}), cluster({networkPolicies: proposed}))
    const [was, is] = [connectivityMatrix(before, {ports: [80], protocols: ['TCP']}), connectivityMatrix(after, {ports: [80], protocols: ['TCP']})]
    return connectivityChanges(was, is, {groupOf, ...(inScope ? {inScope: new Set(inScope)} : {})})
  }
  const change = (kind: ConnectionChange['change'], from: string, to: string, podPairs: number): ConnectionChange => ({change: kind, from, to, port: 80, protocol: 'TCP', podPairs})

  test.each([
    {name: 'nothing proposed: unchanged', current: [allowAToB], proposed: [], want: []},
    {name: 'the same policy again: unchanged', current: [allowAToB], proposed: [allowAToB], want: []},
    {
      name: 'an added ingress allow-list: everyone but a newly denied into the b workload (b to b2 and b2 to b count)',
      current: [],
      proposed: [allowAToB],
      want: [change('newly-denied', 'x/deployment/b', 'x/deployment/b', 2), change('newly-denied', 'y/c', 'x/deployment/b', 2)],
    },
    {
      name: 'a replacement with the same name that drops the allow rule: a is newly denied too',
      current: [allowAToB],
      proposed: [denyB],
      want: [change('newly-denied', 'x/a', 'x/deployment/b', 2)],
    },
    {
      name: 'a replacement that allows again: newly allowed',
      current: [denyB],
      proposed: [allowAToB],
      want: [change('newly-allowed', 'x/a', 'x/deployment/b', 2)],
    },
    {
      name: 'an added egress deny next to the current policy: a loses b (the ingress was allowed) and c',
      current: [allowAToB],
      proposed: [denyAEgress],
      want: [change('newly-denied', 'x/a', 'x/deployment/b', 2), change('newly-denied', 'x/a', 'y/c', 1)],
    },
  ])('$name', ({current, proposed, want}) => {
    expect(diff(current, proposed)).toEqual(want)
  })

  test('a scope keeps the connections with either end in it', () => {
    expect(diff([], [allowAToB], ['y/c'])).toEqual([change('newly-denied', 'y/c', 'x/deployment/b', 2)])
    expect(diff([], [allowAToB], ['x/b'])).toEqual([change('newly-denied', 'x/deployment/b', 'x/deployment/b', 2), change('newly-denied', 'y/c', 'x/deployment/b', 1)])
  })

  test('denied rows come before allowed ones', () => {
    const opensB = networkPolicy('x/allow-a', {podSelector: {matchLabels: {app: 'b'}}, ingress: [{from: [{podSelector: {}, namespaceSelector: {}}]}]})
    const changes = diff([allowAToB], [opensB, denyAEgress])
    expect(changes.map((c) => `${c.change} ${c.from} ${c.to}`)).toEqual([
      'newly-denied x/a x/deployment/b',
      'newly-denied x/a y/c',
      'newly-allowed x/deployment/b x/deployment/b',
      'newly-allowed y/c x/deployment/b',
    ])
  })
})

describe('connectivityChanges towards the traffic compared per pod (--port declared)', () => {
  // x/b and x/b2 are one workload and one class, but declare different ports.
  const pods = [
    pod('x/a', {app: 'a'}, '10.0.0.1'),
    pod('x/b', {app: 'b'}, '10.0.0.2', {ports: [{containerPort: 5432}]}),
    pod('x/b2', {app: 'b'}, '10.0.0.3', {ports: [{containerPort: 80}]}),
    pod('y/c', {app: 'c'}, '10.0.1.1'),
  ]
  const onlyAToB = networkPolicy('x/allow-a', {podSelector: {matchLabels: {app: 'b'}}, ingress: [{from: [{podSelector: {matchLabels: {app: 'a'}}}]}]})
  const bOnly80 = networkPolicy('x/b-http', {podSelector: {matchLabels: {app: 'b'}}, ingress: [{ports: [{port: 80}]}]})
  const declared = new Map([
    ['x/b', new Set(['5432/TCP'])],
    ['x/b2', new Set(['80/TCP'])],
    ['x/a', new Set<string>()],
  ])
  const diff = (proposed: ClusterState['networkPolicies'], groupOf: ReadonlyMap<string, string>, towardsPod?: ReadonlyMap<string, ReadonlySet<string>>) => {
    const {before, after} = proposedClusterStates(cluster({namespaces: [namespace('x'), namespace('y')], pods}), cluster({networkPolicies: proposed}))
    const traffic = {traffic: [{port: 80, protocol: 'TCP' as const}, {port: 5432, protocol: 'TCP' as const}]}
    return connectivityChanges(connectivityMatrix(before, traffic), connectivityMatrix(after, traffic), {groupOf, ...(towardsPod ? {towardsPod} : {})})
  }
  const row = ({change, from, to, port, podPairs}: ConnectionChange) => `${change} ${from}->${to}:${port} x${podPairs}`
  const workloads = new Map([['x/b', 'x/deployment/b'], ['x/b2', 'x/deployment/b']])

  test.each([
    {
      name: 'every port towards every pod (no towardsPod): both ports into both b pods',
      proposed: [onlyAToB],
      groupOf: workloads,
      towardsPod: undefined,
      want: ['newly-denied x/deployment/b->x/deployment/b:80 x2', 'newly-denied x/deployment/b->x/deployment/b:5432 x2', 'newly-denied y/c->x/deployment/b:80 x2', 'newly-denied y/c->x/deployment/b:5432 x2'],
    },
    {
      name: 'declared: towards b only 5432, towards b2 only 80, one pod pair each, folded into the workload',
      proposed: [onlyAToB],
      groupOf: workloads,
      towardsPod: declared,
      want: ['newly-denied x/deployment/b->x/deployment/b:80 x1', 'newly-denied x/deployment/b->x/deployment/b:5432 x1', 'newly-denied y/c->x/deployment/b:80 x1', 'newly-denied y/c->x/deployment/b:5432 x1'],
    },
    {
      name: 'declared, per pod: the same changes on the pods that declare the port',
      proposed: [onlyAToB],
      groupOf: new Map<string, string>(),
      towardsPod: declared,
      want: ['newly-denied x/b->x/b2:80 x1', 'newly-denied x/b2->x/b:5432 x1', 'newly-denied y/c->x/b:5432 x1', 'newly-denied y/c->x/b2:80 x1'],
    },
    {
      name: 'a policy that keeps 80 open cuts 5432: only towards x/b, which declares it',
      proposed: [bOnly80],
      groupOf: new Map<string, string>(),
      towardsPod: declared,
      want: ['newly-denied x/a->x/b:5432 x1', 'newly-denied x/b2->x/b:5432 x1', 'newly-denied y/c->x/b:5432 x1'],
    },
    {
      name: 'towardsPod alone decides: x/b, absent, is compared on nothing; x/b2 on 5432 too (as with --port declared,5432)',
      proposed: [bOnly80],
      groupOf: new Map<string, string>(),
      towardsPod: new Map([['x/b2', new Set(['80/TCP', '5432/TCP'])]]),
      want: ['newly-denied x/a->x/b2:5432 x1', 'newly-denied x/b->x/b2:5432 x1', 'newly-denied y/c->x/b2:5432 x1'],
    },
  ])('$name', ({proposed, groupOf, towardsPod, want}) => {
    expect(diff(proposed, groupOf, towardsPod).map(row)).toEqual(want)
  })
})

describe('jointPartition', () => {
  test('pods share a joint class only when they share a class on both sides', () => {
    const state = cluster({pods: [pod('x/a', {app: 'w'}, '10.0.0.1'), pod('x/b', {app: 'w'}, '10.0.0.2'), pod('x/c', {app: 'w'}, '10.0.0.3')]})
    const splitsC = networkPolicy('x/p', {podSelector: {}, ingress: [{from: [{ipBlock: {cidr: '10.0.0.3/32'}}]}]})
    const splitsA = networkPolicy('x/q', {podSelector: {}, ingress: [{from: [{ipBlock: {cidr: '10.0.0.1/32'}}]}]})
    const [before] = connectivityMatrix({...state, networkPolicies: [splitsC]}, {ports: [80], protocols: ['TCP']})
    const [after] = connectivityMatrix({...state, networkPolicies: [splitsA]}, {ports: [80], protocols: ['TCP']})
    if (before === undefined || after === undefined) throw new Error('no matrix')
    expect([before.classCount, after.classCount]).toEqual([2, 2])
    const joint = jointPartition(before, after)
    expect(joint.classCount).toBe(3)
    expect(new Set(joint.classOfPod).size).toBe(3)
  })

  test('with the traffic compared per pod, pods compared on different traffic are split (absent and empty are the same)', () => {
    const state = cluster({pods: [pod('x/a', {app: 'w'}, '10.0.0.1'), pod('x/b', {app: 'w'}, '10.0.0.2'), pod('x/c', {app: 'w'}, '10.0.0.3'), pod('x/d', {app: 'w'}, '10.0.0.4')]})
    const [matrix] = connectivityMatrix(state, {ports: [80], protocols: ['TCP']})
    if (matrix === undefined) throw new Error('no matrix')
    expect(jointPartition(matrix, matrix).classCount).toBe(1)
    const towardsPod = new Map([
      ['x/a', new Set(['80/TCP', '5432/TCP'])],
      ['x/b', new Set(['5432/TCP', '80/TCP'])],
      ['x/c', new Set<string>()],
    ])
    expect([...jointPartition(matrix, matrix, towardsPod).classOfPod]).toEqual([0, 0, 1, 1])
  })
})
