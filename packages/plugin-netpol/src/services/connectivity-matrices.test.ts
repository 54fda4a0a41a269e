import {parseLabelSelector} from '@kubeline/core'
import {describe, expect, test} from 'vitest'
import type {PodObject} from '../domain/kube-objects.js'
import {cluster, namespace, networkPolicy, pod} from '../domain/test-support/cluster-builders.js'
import type {MatrixQuery} from './connectivity-matrices.js'
import {matrixReport} from './connectivity-matrices.js'

// x: web (80), web2 (80), db (5432/TCP, 53/UDP), client (nothing); y: other (8080), never shown with -n x.
// Ingress to web and web2 only from client; db open.
const state = cluster({
  namespaces: [namespace('x'), namespace('y')],
  pods: [
    pod('x/web', {app: 'web'}, '10.0.0.1', {ports: [{containerPort: 80}]}),
    pod('x/web2', {app: 'web'}, '10.0.0.2', {ports: [{containerPort: 80}]}),
    pod('x/db', {app: 'db'}, '10.0.0.3', {ports: [{containerPort: 5432}, {containerPort: 53, protocol: 'UDP'}]}),
    pod('x/client', {app: 'client'}, '10.0.0.4'),
    pod('y/other', {app: 'other'}, '10.0.1.1', {ports: [{containerPort: 8080}]}),
  ],
  networkPolicies: [networkPolicy('x/web-from-client', {podSelector: {matchLabels: {app: 'web'}}, ingress: [{from: [{podSelector: {matchLabels: {app: 'client'}}}]}]})],
})
const loaded = {state, representativePods: new Map<string, string>()}
const query = (parts: Partial<MatrixQuery>): MatrixQuery => ({ports: {declared: true, listed: []}, protocols: ['TCP'], options: {}, namespace: 'x', groupBy: 'pod', ...parts})
const names = (report: ReturnType<typeof matrixReport>) => report.results.map((result) => `${result.protocol}/${result.port}`)

describe('matrixReport --port declared', () => {
  test.each([
    {name: 'the pairs shown pods declare, of --protocol TCP; y/other is not shown', listed: [], protocols: ['TCP' as const], scope: {namespace: 'x'}, want: ['TCP/80', 'TCP/5432']},
    {name: 'ports ascending, protocols as given', listed: [], protocols: ['UDP' as const, 'TCP' as const], scope: {namespace: 'x'}, want: ['UDP/53', 'TCP/80', 'TCP/5432']},
    {name: 'a listed port beside declared, each pair once', listed: [5432, 9090], protocols: ['TCP' as const], scope: {namespace: 'x'}, want: ['TCP/80', 'TCP/5432', 'TCP/9090']},
    {name: 'without -n every pod is shown: y/other adds its port', listed: [], protocols: ['TCP' as const], scope: {}, want: ['TCP/80', 'TCP/5432', 'TCP/8080']},
  ])('results: $name', ({listed, protocols, scope, want}) => {
    const {namespace: _shownNamespace, ...everyNamespace} = query({ports: {declared: true, listed}, protocols})
    expect(names(matrixReport(loaded, {...everyNamespace, ...scope}))).toEqual(want)
  })

  test('allowed is null towards a pod not compared on the port, true/false towards the others', () => {
    const [port80, port5432] = matrixReport(loaded, query({})).results
    expect(port80?.pods).toEqual(['x/client', 'x/db', 'x/web', 'x/web2'])
    expect(port80?.allowed['x/client']).toEqual({'x/client': null, 'x/db': null, 'x/web': true, 'x/web2': true})
    expect(port80?.allowed['x/db']).toEqual({'x/client': null, 'x/db': null, 'x/web': false, 'x/web2': false})
    expect(port5432?.allowed['x/web']).toEqual({'x/client': null, 'x/db': true, 'x/web': null, 'x/web2': null})
  })

  test('a listed port is compared towards every pod: no null in its result', () => {
    const report = matrixReport(loaded, query({ports: {declared: true, listed: [9090]}}))
    const port9090 = report.results.find((result) => result.port === 9090)
    expect(Object.values(port9090?.allowed ?? {}).flatMap((row) => Object.values(row))).not.toContain(null)
    expect(report.uncompared).toEqual([])
  })

  test('uncompared: the shown pods that declare no port of the protocols asked, and only with declared', () => {
    expect(matrixReport(loaded, query({})).uncompared).toEqual(['x/client'])
    expect(matrixReport(loaded, query({protocols: ['UDP']})).uncompared).toEqual(['x/client', 'x/web', 'x/web2'])
    expect(matrixReport(loaded, query({ports: {declared: false, listed: [80]}})).uncompared).toEqual([])
  })

  test('--group-by class: pods that declare different ports are different classes; the same ports, one class', () => {
    // a1, a2 and a3 behave the same (same labels and namespace, no named port); a3 declares another port.
    const pods = [pod('x/a1', {app: 'a'}, '10.0.0.1', {ports: [{containerPort: 80}]}), pod('x/a2', {app: 'a'}, '10.0.0.2', {ports: [{containerPort: 80}]}), pod('x/a3', {app: 'a'}, '10.0.0.3', {ports: [{containerPort: 8080}]})]
    const same = {state: cluster({namespaces: [namespace('x')], pods}), representativePods: new Map<string, string>()}
    const groups = (ports: MatrixQuery['ports']) => matrixReport(same, query({ports, groupBy: 'class'})).grouped?.[0]?.groups
    expect(groups({declared: true, listed: []})).toEqual([{name: 'x/a1+1', pods: ['x/a1', 'x/a2']}, {name: 'x/a3', pods: ['x/a3']}])
    expect(groups({declared: false, listed: [80]})).toEqual([{name: 'x/a1+2', pods: ['x/a1', 'x/a2', 'x/a3']}])
  })

  test('--group-by: a group cell counts compared pairs only, not-compared when none is', () => {
    const [port80, port5432] = matrixReport(loaded, query({groupBy: 'class'})).grouped ?? []
    expect(port80?.reach).toEqual({
      'x/client': {'x/client': 'not-compared', 'x/db': 'not-compared', 'x/web+1': 'all'},
      'x/db': {'x/client': 'not-compared', 'x/db': 'not-compared', 'x/web+1': 'none'},
      'x/web+1': {'x/client': 'not-compared', 'x/db': 'not-compared', 'x/web+1': 'none'},
    })
    expect(port5432?.reach['x/web+1']).toEqual({'x/client': 'not-compared', 'x/db': 'all', 'x/web+1': 'not-compared'})
  })

  test('-l narrows the shown pods, and so the ports: only what the selected pods declare', () => {
    const report = matrixReport(loaded, query({selector: parseLabelSelector('app in (client,db)')}))
    expect(names(report)).toEqual(['TCP/5432'])
    expect(report.results[0]?.pods).toEqual(['x/client', 'x/db'])
  })

  // The native sidecar's metrics port counts only when --named-ports says sidecars do.
  test.each([
    {namedPorts: 'containers' as const, want: ['TCP/6379'], fromPrometheusOnLast: {'x/cache': false, 'x/prometheus': null}},
    {namedPorts: 'sidecars' as const, want: ['TCP/6379', 'TCP/9121'], fromPrometheusOnLast: {'x/cache': true, 'x/prometheus': null}},
  ])('--named-ports $namedPorts: declared pairs $want', ({namedPorts, want, fromPrometheusOnLast}) => {
    const base = pod('x/cache', {app: 'cache'}, '10.0.0.5', {ports: [{containerPort: 6379}]})
    const withSidecar: PodObject = {...base, spec: {...base.spec, containers: base.spec?.containers ?? [], initContainers: [{name: 'exporter', restartPolicy: 'Always', ports: [{name: 'metrics', containerPort: 9121}]}]}}
    const metricsOnly = networkPolicy('x/metrics', {podSelector: {matchLabels: {app: 'cache'}}, ingress: [{ports: [{port: 'metrics'}]}]})
    const sidecarState = {state: cluster({namespaces: [namespace('x')], pods: [withSidecar, pod('x/prometheus', {app: 'prometheus'}, '10.0.0.6')], networkPolicies: [metricsOnly]}), representativePods: new Map<string, string>()}
    const report = matrixReport(sidecarState, query({options: {namedPorts}}))
    expect(names(report)).toEqual(want)
    expect(report.results.at(-1)?.allowed['x/prometheus']).toEqual(fromPrometheusOnLast)
  })
})

describe('matrixReport without declared', () => {
  test('ports x protocols as typed, every cell true or false, nothing uncompared', () => {
    const report = matrixReport(loaded, query({ports: {declared: false, listed: [81, 80]}, protocols: ['TCP', 'UDP'], groupBy: 'workload'}))
    expect(names(report)).toEqual(['TCP/81', 'UDP/81', 'TCP/80', 'UDP/80'])
    expect(report.results.flatMap((result) => Object.values(result.allowed).flatMap((row) => Object.values(row))).every((cell) => typeof cell === 'boolean')).toBe(true)
    expect(report.grouped?.flatMap((matrix) => Object.values(matrix.reach).flatMap((row) => Object.values(row)))).not.toContain('not-compared')
    expect(report.uncompared).toEqual([])
  })
})
