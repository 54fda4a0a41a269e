import {describe, expect, test} from 'vitest'
import type {NetworkConnectionRule} from './network-simulation.js'
import type {ConnectionDestination} from './simulated-network.js'
import {SimulatedNetwork} from './simulated-network.js'

const xa = {namespace: 'x', name: 'a'}
const xc = {namespace: 'x', name: 'c'}
const ya = {namespace: 'y', name: 'a'}
const toYb: ConnectionDestination = {address: '10.244.0.5', pod: {namespace: 'y', name: 'b'}}
const toXa: ConnectionDestination = {address: '10.244.0.6', pod: xa}
const external: ConnectionDestination = {address: '8.8.8.8'}
const toV6Pod: ConnectionDestination = {address: 'fd00::5', pod: {namespace: 'y', name: 'v6'}}

const network = (connections: NetworkConnectionRule[], defaultResult?: 'allow' | 'deny' | 'refuse') =>
  new SimulatedNetwork({apiVersion: 'sandbox.kubeline.dev/v1alpha1', kind: 'NetworkSimulation', connections, ...(defaultResult ? {default: defaultResult} : {})})

describe('resultFor', () => {
  test.each([
    {name: 'exact pods', rules: [{from: 'x/a', to: 'y/b', result: 'deny'}], source: xa, destination: toYb, want: 'deny'},
    {name: 'other source pod falls to the default', rules: [{from: 'x/a', to: 'y/b', result: 'deny'}], source: xc, destination: toYb, want: 'allow'},
    {name: 'source namespace wildcard', rules: [{from: 'x/*', to: 'y/b', result: 'refuse'}], source: xc, destination: toYb, want: 'refuse'},
    {name: 'source namespace wildcard, other namespace', rules: [{from: 'x/*', to: 'y/b', result: 'refuse'}], source: ya, destination: toYb, want: 'allow'},
    {name: 'any source', rules: [{from: '*', to: 'y/b', result: 'deny'}], source: ya, destination: toYb, want: 'deny'},
    {name: 'destination namespace wildcard', rules: [{from: '*', to: 'y/*', result: 'deny'}], source: xa, destination: toYb, want: 'deny'},
    {name: 'a pod pattern never matches an external address', rules: [{from: '*', to: 'y/*', result: 'deny'}], source: xa, destination: external, want: 'allow'},
    {name: '* matches external addresses', rules: [{from: '*', to: '*', result: 'deny'}], source: xa, destination: external, want: 'deny'},
    {name: 'ip: matches a pod address too', rules: [{from: '*', to: 'ip:10.244.0.0/16', result: 'deny'}], source: xa, destination: toYb, want: 'deny'},
    {name: 'ip: outside the CIDR', rules: [{from: '*', to: 'ip:10.244.1.0/24', result: 'deny'}], source: xa, destination: toYb, want: 'allow'},
    {name: 'ip: a bare address', rules: [{from: '*', to: 'ip:8.8.8.8', result: 'refuse'}], source: xa, destination: external, want: 'refuse'},
    {name: 'ip: IPv6', rules: [{from: '*', to: 'ip:fd00::/64', result: 'deny'}], source: xa, destination: toV6Pod, want: 'deny'},
    {name: 'ip: IPv4 CIDR against an IPv6 address', rules: [{from: '*', to: 'ip:0.0.0.0/0', result: 'deny'}], source: xa, destination: toV6Pod, want: 'allow'},
    {name: 'port matches', rules: [{from: '*', to: '*', port: 80, result: 'deny'}], source: xa, destination: toYb, want: 'deny'},
    {name: 'port differs', rules: [{from: '*', to: '*', port: 81, result: 'deny'}], source: xa, destination: toYb, want: 'allow'},
    {name: 'protocol is case-insensitive', rules: [{from: '*', to: '*', protocol: 'udp', result: 'deny'}], source: xa, destination: toYb, protocol: 'Udp', want: 'deny'},
    {name: 'protocol differs', rules: [{from: '*', to: '*', protocol: 'UDP', result: 'deny'}], source: xa, destination: toYb, want: 'allow'},
    {name: 'first match wins', rules: [{from: 'x/a', to: 'y/b', result: 'allow'}, {from: '*', to: '*', result: 'deny'}], source: xa, destination: toYb, want: 'allow'},
    {name: 'later entries apply when earlier ones do not match', rules: [{from: 'x/c', to: 'y/b', result: 'allow'}, {from: '*', to: '*', result: 'refuse'}], source: xa, destination: toYb, want: 'refuse'},
    {name: 'a pod talking to itself is a connection like any other', rules: [{from: 'x/a', to: 'x/a', result: 'deny'}], source: xa, destination: toXa, want: 'deny'},
    {name: 'default deny', rules: [], defaultResult: 'deny' as const, source: xa, destination: toYb, want: 'deny'},
    {name: 'default refuse', rules: [], defaultResult: 'refuse' as const, source: xa, destination: external, want: 'refuse'},
  ])('$name', ({rules, defaultResult, source, destination, protocol, want}) => {
    expect(network(rules as NetworkConnectionRule[], defaultResult).resultFor(source, destination, 80, protocol ?? 'TCP')).toBe(want)
  })

  test('no simulation allows everything', () => {
    expect(new SimulatedNetwork().resultFor(xa, external, 443, 'UDP')).toBe('allow')
  })

  test('failFirst drops the first N matching connections, then the entry gives its result', () => {
    const flaky = network([{from: 'x/a', to: 'y/b', result: 'allow', failFirst: 2}])
    const results = [1, 2, 3, 4].map(() => flaky.resultFor(xa, toYb, 80, 'TCP'))
    expect(results).toEqual(['deny', 'deny', 'allow', 'allow'])
    // Connections the entry does not match do not count.
    expect(flaky.resultFor(xc, toYb, 80, 'TCP')).toBe('allow')
  })

  test('failFirst counts per entry and restarts when the simulation is replaced', () => {
    const rules: NetworkConnectionRule[] = [{from: 'x/a', to: '*', port: 80, result: 'refuse', failFirst: 1}, {from: 'x/a', to: '*', result: 'allow', failFirst: 1}]
    const flaky = network(rules)
    expect([flaky.resultFor(xa, toYb, 80, 'TCP'), flaky.resultFor(xa, toYb, 81, 'TCP'), flaky.resultFor(xa, toYb, 80, 'TCP'), flaky.resultFor(xa, toYb, 81, 'TCP')]).toEqual(['deny', 'deny', 'refuse', 'allow'])
    flaky.replace(flaky.current())
    expect(flaky.resultFor(xa, toYb, 80, 'TCP')).toBe('deny')
  })

  test('replace(undefined) goes back to allow-all; a bad document is refused and keeps the old one', () => {
    const strict = network([], 'deny')
    expect(() => strict.replace({apiVersion: 'sandbox.kubeline.dev/v1alpha1', kind: 'NetworkSimulation', default: 'block'})).toThrow('default "block"')
    expect(strict.resultFor(xa, toYb, 80, 'TCP')).toBe('deny')
    strict.replace(undefined)
    expect(strict.current()).toBeUndefined()
    expect(strict.resultFor(xa, toYb, 80, 'TCP')).toBe('allow')
  })
})
