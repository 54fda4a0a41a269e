import {parseLabelSelector} from '@kubeline/core'
import {describe, expect, test} from 'vitest'
import {compileCluster} from '../domain/compiled-cluster.js'
import type {PodObject} from '../domain/kube-objects.js'
import type {PortSelection} from '../domain/port-list.js'
import type {Protocol} from '../domain/protocol.js'
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
  return {state, namespace: 'x', representativePods: new Map(), workloadPods: new Map(), finishedPods: []}
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
    const planned = planMatrixProbes(state, compileCluster(state.state), {ports: {declared: false, listed: [80]}, protocols: ['TCP', 'UDP'], namespace: 'x', options: {}})
    expect(planned.map((p) => `${p.target.protocol} ${p.from}->${p.to} ${p.expected}`)).toEqual(['TCP x/a->x/b allow', 'TCP x/b->x/a allow', 'UDP x/a->x/b allow', 'UDP x/b->x/a allow'])
  })

  test('-l narrows the pods; the verdict still counts every policy', () => {
    const state = loaded()
    const planned = planMatrixProbes(state, compileCluster(state.state), {ports: {declared: false, listed: [80, 81]}, protocols: ['TCP'], selector: parseLabelSelector('app in (b,c)'), options: {}})
    expect(planned.map((p) => `${p.target.port} ${p.from}->${p.to} ${p.expected}`)).toEqual(['80 x/b->y/c allow', '80 y/c->x/b deny', '81 x/b->y/c allow', '81 y/c->x/b deny'])
  })
})

describe('planMatrixProbes --port declared', () => {
  /** In z, all running: client declares nothing; db 5432 and 9187, reached only from web on 5432; dns 53 UDP and TCP; syslog 514 UDP only; batch (pending) 7000. */
  function declaring(): LoadedCluster {
    const batch = pod('z/batch', {app: 'batch'}, '10.0.2.9', {ports: [{containerPort: 7000}]})
    const state = cluster({
      namespaces: [namespace('z')],
      pods: [
        running(pod('z/client', {app: 'client'}, '10.0.2.1')),
        running(pod('z/db', {app: 'db'}, '10.0.2.2', {ports: [{name: 'postgres', containerPort: 5432}, {name: 'metrics', containerPort: 9187, protocol: 'TCP'}]})),
        running(pod('z/dns', {app: 'dns'}, '10.0.2.3', {ports: [{containerPort: 53, protocol: 'UDP'}, {containerPort: 53, protocol: 'TCP'}]})),
        running(pod('z/syslog', {app: 'syslog'}, '10.0.2.4', {ports: [{containerPort: 514, protocol: 'UDP'}]})),
        running(pod('z/web', {app: 'web'}, '10.0.2.5', {ports: [{name: 'http', containerPort: 80}]})),
        {...batch, status: {phase: 'Pending'}} as PodObject,
      ],
      networkPolicies: [
        networkPolicy('z/db-from-web', {podSelector: {matchLabels: {app: 'db'}}, ingress: [{from: [{podSelector: {matchLabels: {app: 'web'}}}], ports: [{port: 5432}]}]}),
      ],
    })
    return {state, namespace: 'z', representativePods: new Map(), workloadPods: new Map(), finishedPods: []}
  }

  test.each<{name: string; ports: PortSelection; protocols: Protocol[]; pods: string; want: string[]}>([
    {
      name: 'towards each pod only the TCP pairs it declares, none towards a pod that declares none; a pod outside -l adds no port',
      ports: {declared: true, listed: []},
      protocols: ['TCP'],
      pods: 'client,db,web',
      want: [
        'TCP/80 z/client->z/web allow',
        'TCP/80 z/db->z/web allow',
        'TCP/5432 z/client->z/db deny',
        'TCP/5432 z/web->z/db allow',
        'TCP/9187 z/client->z/db deny',
        'TCP/9187 z/web->z/db deny',
      ],
    },
    {name: 'protocols outer, in --protocol order', ports: {declared: true, listed: []}, protocols: ['UDP', 'TCP'], pods: 'client,dns', want: ['UDP/53 z/client->z/dns allow', 'TCP/53 z/client->z/dns allow']},
    {name: 'a pod that declares only UDP gets no probe on TCP, the default', ports: {declared: true, listed: []}, protocols: ['TCP'], pods: 'client,syslog', want: []},
    {name: 'no pod declares SCTP: --protocol SCTP plans nothing', ports: {declared: true, listed: []}, protocols: ['SCTP'], pods: 'client,db,dns,syslog,web', want: []},
    {name: 'a pod that is not running is no destination, whatever it declares', ports: {declared: true, listed: []}, protocols: ['TCP'], pods: 'client,batch', want: []},
    {
      name: 'a port listed beside declared goes towards every pod, the one that declares nothing included',
      ports: {declared: true, listed: [8080]},
      protocols: ['TCP'],
      pods: 'client,web',
      want: ['TCP/80 z/client->z/web allow', 'TCP/8080 z/client->z/web allow', 'TCP/8080 z/web->z/client allow'],
    },
    {
      name: 'listed ports only: every pod, declared ports or not (as before)',
      ports: {declared: false, listed: [80]},
      protocols: ['TCP'],
      pods: 'client,db',
      want: ['TCP/80 z/client->z/db deny', 'TCP/80 z/db->z/client allow'],
    },
  ])('$name', ({ports, protocols, pods, want}) => {
    const state = declaring()
    const planned = planMatrixProbes(state, compileCluster(state.state), {ports, protocols, selector: parseLabelSelector(`app in (${pods})`), options: {}})
    expect(planned.map((p) => `${p.target.protocol}/${p.target.port} ${p.from}->${p.to} ${p.expected}`)).toEqual(want)
  })

  test('each planned probe connects to its destination pod IP on the declared port', () => {
    const state = declaring()
    const [planned] = planMatrixProbes(state, compileCluster(state.state), {ports: {declared: true, listed: []}, protocols: ['TCP'], selector: parseLabelSelector('app in (client,db)'), options: {}})
    expect(planned).toMatchObject({source: {namespace: 'z', name: 'client'}, target: {protocol: 'TCP', port: 5432, address: '10.0.2.2'}})
    expect(planned?.problem).toBeUndefined()
  })
})
