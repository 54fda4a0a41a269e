import {describe, expect, test} from 'vitest'
import {comparedTraffic, declaredPorts} from './compared-traffic.js'
import type {PodObject} from './kube-objects.js'
import type {Protocol} from './protocol.js'
import {pod} from './test-support/cluster-builders.js'

const db = pod('x/db', {app: 'db'}, '10.0.0.1', {ports: [{containerPort: 5432}, {name: 'metrics', containerPort: 9187, protocol: 'TCP'}]})
const dns = pod('x/dns', {app: 'dns'}, '10.0.0.2', {ports: [{name: 'dns', containerPort: 53, protocol: 'UDP'}, {name: 'dns-tcp', containerPort: 53, protocol: 'TCP'}]})
const client = pod('x/client', {app: 'client'}, '10.0.0.3')
const twoContainers: PodObject = {
  metadata: {namespace: 'x', name: 'web'},
  spec: {containers: [{name: 'app', ports: [{containerPort: 8080}]}, {name: 'proxy', ports: [{containerPort: 8080, protocol: 'TCP'}, {containerPort: 80}]}]},
}
const sidecarSpec = {
  containers: [{name: 'app', ports: [{containerPort: 8080}]}],
  initContainers: [{name: 'exporter', restartPolicy: 'Always', ports: [{containerPort: 9121}]}, {name: 'migrate', ports: [{containerPort: 8000}]}],
}
const withInitContainers: PodObject = {metadata: {namespace: 'x', name: 'cache'}, spec: sidecarSpec}

describe('declaredPorts', () => {
  test.each([
    {name: 'protocol defaults to TCP', pod: db, want: ['5432/TCP', '9187/TCP']},
    {name: 'the same number on two protocols is two pairs', pod: dns, want: ['53/UDP', '53/TCP']},
    {name: 'no ports: none', pod: client, want: []},
    {name: 'every container, each pair once', pod: twoContainers, want: ['8080/TCP', '80/TCP']},
    {name: 'a protocol NetworkPolicy cannot name is left out', pod: pod('x/p', {}, '10.0.0.9', {ports: [{containerPort: 7, protocol: 'ICMP'}]}), want: []},
  ])('$name', ({pod: declaring, want}) => {
    expect(declaredPorts(declaring).map(({port, protocol}) => `${port}/${protocol}`)).toEqual(want)
  })

  // The same containers as named ports (named-port-source.ts): one choice governs both.
  test.each([
    {source: undefined, want: ['8080/TCP']},
    {source: 'containers' as const, want: ['8080/TCP']},
    {source: 'sidecars' as const, want: ['8080/TCP', '9121/TCP']},
    {source: 'init-containers' as const, want: ['8080/TCP', '9121/TCP', '8000/TCP']},
  ])('init containers under named ports from $source: $want', ({source, want}) => {
    expect(declaredPorts(withInitContainers, source).map(({port, protocol}) => `${port}/${protocol}`)).toEqual(want)
  })

  test('a containerPort outside 1..65535 is an invalid manifest naming the pod and container', () => {
    const bad = pod('x/bad', {}, '10.0.0.9', {ports: [{containerPort: 70000}]})
    expect(() => declaredPorts(bad)).toThrow(expect.objectContaining({code: 'INVALID_MANIFEST', message: 'Pod x/bad: container "main": containerPort 70000: must be an integer between 1 and 65535'}))
  })

  test('an init container\'s bad containerPort is an invalid manifest only when its ports are read', () => {
    const bad: PodObject = {...client, spec: {containers: [], initContainers: [{name: 'migrate', ports: [{containerPort: 0}]}]}}
    expect(declaredPorts(bad, 'sidecars')).toEqual([])
    expect(() => declaredPorts(bad, 'init-containers')).toThrow(expect.objectContaining({code: 'INVALID_MANIFEST', message: 'Pod x/client: container "migrate": containerPort 0: must be an integer between 1 and 65535'}))
  })
})

describe('comparedTraffic', () => {
  const pods = [db, dns, client]
  const towards = (result: ReturnType<typeof comparedTraffic>) =>
    result.towardsPod && Object.fromEntries([...result.towardsPod].map(([name, keys]) => [name, [...keys].sort()]))

  test.each([
    {
      name: 'listed ports only: ports x protocols as typed, towards every pod',
      listed: [443, 80],
      declared: false,
      protocols: ['TCP', 'UDP'],
      traffic: [{port: 443, protocol: 'TCP'}, {port: 443, protocol: 'UDP'}, {port: 80, protocol: 'TCP'}, {port: 80, protocol: 'UDP'}],
      towardsPod: undefined,
    },
    {
      name: 'declared, TCP (the --protocol default): the UDP port of dns is not compared',
      listed: [],
      declared: true,
      protocols: ['TCP'],
      traffic: [
        {port: 53, protocol: 'TCP', towards: 'declaring-pods'},
        {port: 5432, protocol: 'TCP', towards: 'declaring-pods'},
        {port: 9187, protocol: 'TCP', towards: 'declaring-pods'},
      ],
      towardsPod: {'x/db': ['5432/TCP', '9187/TCP'], 'x/dns': ['53/TCP'], 'x/client': []},
    },
    {
      name: 'declared, every protocol: pairs sorted by port, then in --protocol order',
      listed: [],
      declared: true,
      protocols: ['UDP', 'TCP', 'SCTP'],
      traffic: [
        {port: 53, protocol: 'UDP', towards: 'declaring-pods'},
        {port: 53, protocol: 'TCP', towards: 'declaring-pods'},
        {port: 5432, protocol: 'TCP', towards: 'declaring-pods'},
        {port: 9187, protocol: 'TCP', towards: 'declaring-pods'},
      ],
      towardsPod: {'x/db': ['5432/TCP', '9187/TCP'], 'x/dns': ['53/TCP', '53/UDP'], 'x/client': []},
    },
    {
      name: 'declared,5432,9090: listed ports go towards every pod, also where one is declared',
      listed: [9090, 5432],
      declared: true,
      protocols: ['TCP'],
      traffic: [
        {port: 53, protocol: 'TCP', towards: 'declaring-pods'},
        {port: 5432, protocol: 'TCP', towards: 'every-pod'},
        {port: 9090, protocol: 'TCP', towards: 'every-pod'},
        {port: 9187, protocol: 'TCP', towards: 'declaring-pods'},
      ],
      towardsPod: {'x/db': ['5432/TCP', '9090/TCP', '9187/TCP'], 'x/dns': ['53/TCP', '5432/TCP', '9090/TCP'], 'x/client': ['5432/TCP', '9090/TCP']},
    },
    {
      name: 'declared, SCTP only: nothing is declared, nothing is compared',
      listed: [],
      declared: true,
      protocols: ['SCTP'],
      traffic: [],
      towardsPod: {'x/db': [], 'x/dns': [], 'x/client': []},
    },
  ] satisfies {name: string; listed: number[]; declared: boolean; protocols: Protocol[]; traffic: unknown[]; towardsPod: unknown}[])('$name', ({listed, declared, protocols, traffic, towardsPod}) => {
    const result = comparedTraffic(pods, {declared, listed}, protocols)
    expect(result.traffic).toEqual(traffic)
    expect(towards(result)).toEqual(towardsPod)
  })

  test('declared ports follow the named-port source: a sidecar\'s port is compared towards its pod under sidecars', () => {
    const declared = (source?: 'sidecars') => comparedTraffic([withInitContainers, client], {declared: true, listed: []}, ['TCP'], source)
    expect(towards(declared())).toEqual({'x/cache': ['8080/TCP'], 'x/client': []})
    expect(declared('sidecars').traffic).toEqual([
      {port: 8080, protocol: 'TCP', towards: 'declaring-pods'},
      {port: 9121, protocol: 'TCP', towards: 'declaring-pods'},
    ])
    expect(towards(declared('sidecars'))).toEqual({'x/cache': ['8080/TCP', '9121/TCP'], 'x/client': []})
  })
})
