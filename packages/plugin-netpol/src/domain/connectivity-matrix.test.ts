import {describe, expect, test} from 'vitest'
import {comparedTraffic, declaredPorts, trafficKey} from './compared-traffic.js'
import {compileCluster} from './compiled-cluster.js'
import {allowedTable, connectivityMatrix, isAllowed} from './connectivity-matrix.js'
import {podEquivalenceClasses} from './equivalence-classes.js'
import {evaluateTraffic} from './evaluate-traffic.js'
import type {EvaluationOptions} from './evaluate-traffic.js'
import {cluster, namespace, networkPolicy, pod} from './test-support/cluster-builders.js'
import {randomCluster} from './test-support/random-cluster.js'

describe('connectivityMatrix agrees with evaluateTraffic on every pair', () => {
  const seeds = Array.from({length: 40}, (_, i) => i + 1)
  const optionSets: EvaluationOptions[] = [
    {loopback: 'policy'},
    {loopback: 'policy', ipBlockMatchesPods: false},
    {loopback: 'policy', namedPorts: 'sidecars'},
    {loopback: 'policy', namedPorts: 'init-containers'},
  ]
  test.each(seeds)('random cluster #%i', (seed) => {
    for (const options of optionSets) {
      const state = compileCluster(randomCluster(seed), options)
      for (const matrix of connectivityMatrix(state, {ports: [80, 8080], protocols: ['TCP', 'UDP'], options})) {
        const disagreements = matrix.pods.flatMap((from, i) =>
          matrix.pods.flatMap((to, j) => {
            const [fromNs = '', fromName = ''] = from.split('/')
            const [toNs = '', toName = ''] = to.split('/')
            const verdict = evaluateTraffic(state, {source: {namespace: fromNs, name: fromName}, destination: {namespace: toNs, name: toName}, port: matrix.port, protocol: matrix.protocol}, options)
            return verdict.allowed === isAllowed(matrix, i, j) ? [] : [`${matrix.protocol}/${matrix.port} ${from} -> ${to} (${JSON.stringify(options)})`]
          }),
        )
        expect(disagreements).toEqual([])
      }
    }
  })
})

describe('allowedTable with declared ports agrees with evaluateTraffic and declaredPorts on every pair', () => {
  const seeds = Array.from({length: 20}, (_, i) => i + 1)
  const optionSets: EvaluationOptions[] = [{}, {namedPorts: 'sidecars'}, {namedPorts: 'init-containers'}]
  test.each(seeds)('random cluster #%i', (seed) => {
    for (const options of optionSets) {
      const state = randomCluster(seed)
      const compiled = compileCluster(state, options)
      const shown = new Set(state.pods.filter((_, i) => i % 3 !== 0).map((p) => `${p.metadata.namespace}/${p.metadata.name}`))
      const shownPods = state.pods.filter((p) => shown.has(`${p.metadata.namespace}/${p.metadata.name}`))
      const {traffic, towardsPod} = comparedTraffic(shownPods, {declared: true, listed: seed % 2 === 0 ? [443] : []}, ['TCP', 'UDP'], options.namedPorts)
      const declaredBy = new Map(shownPods.map((p) => [`${p.metadata.namespace}/${p.metadata.name}`, declaredPorts(p, options.namedPorts).map(trafficKey)]))
      for (const matrix of connectivityMatrix(compiled, {traffic, options})) {
        const table = allowedTable(matrix, {shown, ...(towardsPod ? {towardsPod} : {})})
        expect(Object.keys(table)).toEqual([...shown].sort())
        const disagreements = Object.entries(table).flatMap(([from, row]) =>
          Object.entries(row).flatMap(([to, cell]) => {
            const compared = matrix.port === 443 || declaredBy.get(to)?.includes(trafficKey(matrix)) === true
            const [fromNs = '', fromName = ''] = from.split('/')
            const [toNs = '', toName = ''] = to.split('/')
            const verdict = evaluateTraffic(compiled, {source: {namespace: fromNs, name: fromName}, destination: {namespace: toNs, name: toName}, port: matrix.port, protocol: matrix.protocol}, options)
            const want = compared ? verdict.allowed : null
            return cell === want ? [] : [`${matrix.protocol}/${matrix.port} ${from} -> ${to}: ${String(cell)}, want ${String(want)} (${JSON.stringify(options)})`]
          }),
        )
        expect(disagreements).toEqual([])
      }
    }
  })
})

describe('allowedTable of the shown pods, towards the traffic compared per pod', () => {
  const state = cluster({
    namespaces: [namespace('x')],
    pods: [pod('x/web', {app: 'web'}, '10.0.0.1', {ports: [{containerPort: 80}]}), pod('x/db', {app: 'db'}, '10.0.0.2', {ports: [{containerPort: 5432}]}), pod('x/client', {app: 'client'}, '10.0.0.3')],
    networkPolicies: [networkPolicy('x/web-from-client', {podSelector: {matchLabels: {app: 'web'}}, ingress: [{from: [{podSelector: {matchLabels: {app: 'client'}}}]}]})],
  })
  const [port80, port5432] = connectivityMatrix(state, {traffic: [{port: 80, protocol: 'TCP'}, {port: 5432, protocol: 'TCP'}]})
  const towardsPod = new Map([['x/web', new Set(['80/TCP'])], ['x/db', new Set(['5432/TCP'])], ['x/client', new Set<string>()]])

  test('null towards a pod not compared on the matrix\'s port, true/false towards the others; every pair keeps its key', () => {
    expect(port80 && allowedTable(port80, {towardsPod})).toEqual({
      'x/client': {'x/client': null, 'x/db': null, 'x/web': true},
      'x/db': {'x/client': null, 'x/db': null, 'x/web': false},
      'x/web': {'x/client': null, 'x/db': null, 'x/web': true},
    })
    expect(port5432 && allowedTable(port5432, {towardsPod})['x/web']).toEqual({'x/client': null, 'x/db': true, 'x/web': null})
  })

  test('shown keeps only those rows and columns; without towardsPod no cell is null (as allowedTable(matrix))', () => {
    expect(port80 && allowedTable(port80, {shown: new Set(['x/web', 'x/client'])})).toEqual({'x/client': {'x/client': true, 'x/web': true}, 'x/web': {'x/client': true, 'x/web': true}})
    expect(port80 && allowedTable(port80, {})).toEqual(port80 && allowedTable(port80))
  })
})

describe('connectivityMatrix shape', () => {
  const state = cluster({
    namespaces: [namespace('x')],
    pods: [pod('x/b', {app: 'b'}, '10.0.0.2'), pod('x/a', {app: 'a'}, '10.0.0.1')],
    networkPolicies: [networkPolicy('x/deny-a', {podSelector: {matchLabels: {app: 'a'}}, policyTypes: ['Ingress']})],
  })

  test('one result per port x protocol, ports outer; pods sorted; allowed[from][to]', () => {
    const matrices = connectivityMatrix(state, {ports: [80, 81], protocols: ['TCP', 'UDP']})
    expect(matrices.map((m) => `${m.port}/${m.protocol}`)).toEqual(['80/TCP', '80/UDP', '81/TCP', '81/UDP'])
    expect(matrices[0]?.pods).toEqual(['x/a', 'x/b'])
    expect(matrices[0] && allowedTable(matrices[0])).toEqual({'x/a': {'x/a': true, 'x/b': true}, 'x/b': {'x/a': false, 'x/b': true}})
  })

  test.each([
    {loopback: 'allow' as const, self: true},
    {loopback: 'deny' as const, self: false},
    {loopback: 'policy' as const, self: false},
  ])('loopback $loopback: x/a -> x/a is $self', ({loopback, self}) => {
    const [matrix] = connectivityMatrix(state, {ports: [80], protocols: ['TCP'], options: {loopback}})
    expect(matrix && isAllowed(matrix, 0, 0)).toBe(self)
  })

  test('rejects a bad port or protocol with INVALID_ARGUMENT', () => {
    expect(() => connectivityMatrix(state, {ports: [0], protocols: ['TCP']})).toThrow(expect.objectContaining({code: 'INVALID_ARGUMENT'}))
    expect(() => connectivityMatrix(state, {ports: [80], protocols: ['ICMP' as 'TCP']})).toThrow(expect.objectContaining({code: 'INVALID_ARGUMENT'}))
  })

  test('a traffic request: exactly those pairs, in their order, each the same as in ports x protocols', () => {
    const pairs = connectivityMatrix(state, {traffic: [{port: 81, protocol: 'UDP'}, {port: 80, protocol: 'TCP'}]})
    const product = connectivityMatrix(state, {ports: [80, 81], protocols: ['TCP', 'UDP']})
    expect(pairs.map((m) => `${m.port}/${m.protocol}`)).toEqual(['81/UDP', '80/TCP'])
    expect(pairs).toEqual([product[3], product[0]])
    expect(connectivityMatrix(state, {traffic: []})).toEqual([])
    expect(() => connectivityMatrix(state, {traffic: [{port: 65536, protocol: 'TCP'}]})).toThrow(expect.objectContaining({code: 'INVALID_ARGUMENT'}))
  })
})

describe('podEquivalenceClasses', () => {
  const http = [{name: 'http', containerPort: 8080}]
  const pods = [
    pod('x/a1', {app: 'a'}, '10.0.0.1', {ports: http}),
    pod('x/a2', {app: 'a'}, '10.0.0.2', {ports: http}),
    pod('x/a3', {app: 'a'}, '10.0.0.3', {ports: [{name: 'http', containerPort: 9090}]}),
    pod('y/a1', {app: 'a'}, '10.0.1.1', {ports: http}),
    pod('x/a4', {app: 'a'}, '10.0.0.4', {ports: http, hostNetwork: true}),
    pod('x/a5', {app: 'a'}, '10.0.0.5', {ports: http}),
  ]
  const withBlock = [networkPolicy('x/p', {podSelector: {}, ingress: [{from: [{ipBlock: {cidr: '10.0.0.5/32'}}]}]})]
  test.each([
    {name: 'same labels, namespace and named ports share a class', policies: [], ipBlockMatchesPods: true, groups: [['x/a1', 'x/a2', 'x/a5'], ['x/a3'], ['y/a1'], ['x/a4']]},
    {name: 'an ipBlock around one pod splits it off', policies: withBlock, ipBlockMatchesPods: true, groups: [['x/a1', 'x/a2'], ['x/a3'], ['y/a1'], ['x/a4'], ['x/a5']]},
    {name: 'ipBlocks do not split pods when they cannot match pods', policies: withBlock, ipBlockMatchesPods: false, groups: [['x/a1', 'x/a2', 'x/a5'], ['x/a3'], ['y/a1'], ['x/a4']]},
  ])('$name', ({policies, ipBlockMatchesPods, groups}) => {
    const compiled = compileCluster(cluster({pods, networkPolicies: policies}))
    const {classes, classOfPod} = podEquivalenceClasses(compiled, {ipBlockMatchesPods})
    expect(classes.map((c) => c.members.map((i) => `${compiled.pods[i]?.namespace}/${compiled.pods[i]?.name}`))).toEqual(groups)
    classes.forEach((c, index) => c.members.forEach((member) => expect(classOfPod[member]).toBe(index)))
  })

  // Two pods that differ only in a native sidecar's (or a plain init container's) named port must not share a
  // verdict once those ports count: a named-port rule admits one and not the other.
  const withInit = (ref: string, restartPolicy?: string) => {
    const base = pod(ref, {app: 'a'}, '10.0.0.9', {ports: http})
    return {...base, spec: {...base.spec, initContainers: [{name: 'exporter', ...(restartPolicy ? {restartPolicy} : {}), ports: [{name: 'metrics', containerPort: 9121}]}]}}
  }
  const initPods = [pod('x/a1', {app: 'a'}, '10.0.0.1', {ports: http}), withInit('x/sidecar', 'Always'), withInit('x/init'), pod('x/client', {app: 'client'}, '10.0.0.2')]
  const metricsOnly = [networkPolicy('x/metrics', {podSelector: {matchLabels: {app: 'a'}}, ingress: [{ports: [{port: 'metrics'}]}]})]
  test.each([
    {namedPorts: 'containers' as const, groups: [['x/a1', 'x/sidecar', 'x/init'], ['x/client']], reachable: []},
    {namedPorts: 'sidecars' as const, groups: [['x/a1', 'x/init'], ['x/sidecar'], ['x/client']], reachable: ['x/sidecar']},
    {namedPorts: 'init-containers' as const, groups: [['x/a1'], ['x/sidecar', 'x/init'], ['x/client']], reachable: ['x/sidecar', 'x/init']},
  ])('named ports from $namedPorts: classes $groups; client reaches $reachable on 9121', ({namedPorts, groups, reachable}) => {
    const compiled = compileCluster(cluster({pods: initPods, networkPolicies: metricsOnly}), {namedPorts})
    const {classes} = podEquivalenceClasses(compiled, {ipBlockMatchesPods: true})
    expect(classes.map((c) => c.members.map((i) => `${compiled.pods[i]?.namespace}/${compiled.pods[i]?.name}`))).toEqual(groups)
    const [matrix] = connectivityMatrix(compiled, {ports: [9121], protocols: ['TCP'], options: {namedPorts}})
    const table = matrix && allowedTable(matrix)
    expect(['x/a1', 'x/sidecar', 'x/init'].filter((to) => table?.['x/client']?.[to])).toEqual(reachable)
  })
})
