import {parseLabelSelector} from '@kubeline/core'
import {describe, expect, test} from 'vitest'
import {compileCluster} from '../domain/compiled-cluster.js'
import type {PodObject} from '../domain/kube-objects.js'
import {cluster, namespace, networkPolicy, pod} from '../domain/test-support/cluster-builders.js'
import type {LoadedCluster} from './load-cluster.js'
import {planMatrixProbes, planProbe} from './plan-probes.js'

const running = (p: PodObject): PodObject => ({...p, status: {...p.status, phase: 'Running'}} as PodObject)

/** x/a, x/b running; x/pending has no IP; x/fromfile came from -f (no status); x/b ingress only from x/a. */
function loaded(): LoadedCluster {
  const pending = pod('x/pending', {app: 'p'}, '10.0.0.9')
  const state = cluster({
    namespaces: [namespace('x'), namespace('y')],
    pods: [
      running(pod('x/a', {app: 'a'}, '10.0.0.1')),
      running(pod('x/b', {app: 'b'}, ['fd00::2', '10.0.0.2'])),
      running(pod('y/c', {app: 'c'}, '10.0.1.3')),
      {...pending, status: {phase: 'Pending'}} as PodObject,
      {metadata: {name: 'fromfile', namespace: 'x', labels: {app: 'f'}}, spec: {containers: [{name: 'main'}]}},
    ],
    networkPolicies: [networkPolicy('x/only-a', {podSelector: {matchLabels: {app: 'b'}}, ingress: [{from: [{podSelector: {matchLabels: {app: 'a'}}}]}]})],
  })
  return {state, namespace: 'x', representativePods: new Map()}
}

describe('planProbe', () => {
  const ref = (text: string) => (text.startsWith('ip:') ? {ip: text.slice(3)} : {namespace: text.split('/')[0] ?? '', name: text.split('/')[1] ?? ''})
  const plan = (from: string, to: string) => planProbe(loaded(), {from: {text: from, ref: ref(from)}, to: {text: to, ref: ref(to)}, port: 80, protocol: 'TCP', expected: 'allow'})

  test.each([
    ['x/a', 'x/b', {source: {namespace: 'x', name: 'a'}, target: {protocol: 'TCP', port: 80, address: 'fd00::2'}}],
    ['x/a', 'ip:192.0.2.10', {source: {namespace: 'x', name: 'a'}, target: {protocol: 'TCP', port: 80, address: '192.0.2.10'}}],
  ])('%s -> %s runs in the source pod and connects to the first pod IP or the address', (from, to, expected) => {
    const planned = plan(from, to)
    expect(planned).toMatchObject(expected)
    expect(planned.problem).toBeUndefined()
  })

  test.each([
    ['ip:192.0.2.10', 'x/a', 'ip:192.0.2.10 is an address, not a pod: a probe runs inside its source pod'],
    ['x/pending', 'x/a', 'x/pending is not a running pod of the cluster: a probe runs inside its source pod'],
    ['x/fromfile', 'x/a', 'x/fromfile is not a running pod of the cluster: a probe runs inside its source pod'],
    ['x/a', 'x/fromfile', 'x/fromfile has no pod IP: it is not running in the cluster'],
  ])('%s -> %s cannot be probed: %s', (from, to, problem) => {
    const planned = plan(from, to)
    expect(planned.problem).toBe(problem)
    expect(planned.source).toBeUndefined()
  })
})

describe('planMatrixProbes', () => {
  test('every ordered pair of distinct running pods shown, per port and protocol, with the policies verdict', () => {
    const state = loaded()
    const planned = planMatrixProbes(state, compileCluster(state.state), {ports: [80], protocols: ['TCP', 'UDP'], namespace: 'x', options: {}})
    expect(planned.map((p) => `${p.target.protocol} ${p.from}->${p.to} ${p.expected}`)).toEqual(['TCP x/a->x/b allow', 'TCP x/b->x/a allow', 'UDP x/a->x/b allow', 'UDP x/b->x/a allow'])
  })

  test('-l narrows the pods; the verdict still counts every policy', () => {
    const state = loaded()
    const planned = planMatrixProbes(state, compileCluster(state.state), {ports: [80, 81], protocols: ['TCP'], selector: parseLabelSelector('app in (b,c)'), options: {}})
    expect(planned.map((p) => `${p.target.port} ${p.from}->${p.to} ${p.expected}`)).toEqual(['80 x/b->y/c allow', '80 y/c->x/b deny', '81 x/b->y/c allow', '81 y/c->x/b deny'])
  })
})
