import {describe, expect, test} from 'vitest'
import {isNetworkSimulationDocument, parseNetworkSimulation} from './network-simulation.js'

const header = {apiVersion: 'sandbox.kubeline.dev/v1alpha1', kind: 'NetworkSimulation'}
const withRule = (rule: Record<string, unknown>) => ({...header, connections: [{from: 'x/a', to: 'y/b', result: 'deny', ...rule}]})

describe('parseNetworkSimulation', () => {
  test('a full document comes back with protocols upper-cased', () => {
    const document = {
      ...header,
      metadata: {name: 'flaky'},
      default: 'deny',
      connections: [
        {from: 'x/a', to: 'y/b', port: 80, protocol: 'tcp', result: 'refuse', failFirst: 2},
        {from: 'x/*', to: 'ip:10.0.0.0/8', result: 'allow'},
        {from: '*', to: 'ip:fd00::/64', result: 'allow'},
        {from: '*', to: '*', protocol: 'Sctp', result: 'deny'},
      ],
    }
    expect(parseNetworkSimulation(document)).toEqual({
      ...document,
      connections: [{...document.connections[0], protocol: 'TCP'}, document.connections[1], document.connections[2], {...document.connections[3], protocol: 'SCTP'}],
    })
  })

  test('only the header is needed', () => {
    expect(parseNetworkSimulation(header)).toEqual(header)
  })

  test.each([
    {name: 'not an object', document: [], message: 'invalid NetworkSimulation: the document must be an object'},
    {name: 'wrong apiVersion', document: {...header, apiVersion: 'v1'}, message: 'invalid NetworkSimulation: apiVersion "v1" must be "sandbox.kubeline.dev/v1alpha1"'},
    {name: 'wrong kind', document: {...header, kind: 'NetworkPolicy'}, message: 'invalid NetworkSimulation: kind "NetworkPolicy" must be "NetworkSimulation"'},
    {name: 'unknown top-level field', document: {...header, rules: []}, message: 'invalid NetworkSimulation: rules unknown field (expected one of apiVersion, kind, metadata, default, connections)'},
    {name: 'bad default', document: {...header, default: 'drop'}, message: 'invalid NetworkSimulation: default "drop" must be one of allow, deny, refuse'},
    {name: 'connections not a list', document: {...header, connections: {}}, message: 'invalid NetworkSimulation: connections must be a list'},
    {name: 'connection not an object', document: {...header, connections: ['x']}, message: 'invalid NetworkSimulation: connections[0] must be an object'},
    {name: 'missing from', document: withRule({from: undefined}), message: 'invalid NetworkSimulation: connections[0].from is required'},
    {name: 'from with an address', document: withRule({from: 'ip:10.0.0.1'}), message: 'invalid NetworkSimulation: connections[0].from "ip:10.0.0.1" must be "<namespace>/<pod>", "<namespace>/*" or "*"'},
    {name: 'from without a pod', document: withRule({from: 'x'}), message: 'invalid NetworkSimulation: connections[0].from "x" must be "<namespace>/<pod>", "<namespace>/*" or "*"'},
    {name: 'from with three parts', document: withRule({from: 'x/a/b'}), message: 'invalid NetworkSimulation: connections[0].from "x/a/b" must be "<namespace>/<pod>", "<namespace>/*" or "*"'},
    {name: 'namespace wildcard', document: withRule({to: '*/b'}), message: 'invalid NetworkSimulation: connections[0].to "*/b" must be "<namespace>/<pod>", "<namespace>/*", "*" or "ip:<CIDR>"'},
    {name: 'bad CIDR', document: withRule({to: 'ip:10.0.0.0/33'}), message: 'invalid NetworkSimulation: connections[0].to "ip:10.0.0.0/33" must be "ip:" followed by an IPv4 or IPv6 address or CIDR, e.g. "ip:10.0.0.0/8"'},
    {name: 'not an address', document: withRule({to: 'ip:example.com'}), message: 'invalid NetworkSimulation: connections[0].to "ip:example.com" must be "ip:" followed by an IPv4 or IPv6 address or CIDR, e.g. "ip:10.0.0.0/8"'},
    {name: 'missing result', document: withRule({result: undefined}), message: 'invalid NetworkSimulation: connections[0].result is required'},
    {name: 'port out of range', document: withRule({port: 70000}), message: 'invalid NetworkSimulation: connections[0].port 70000 must be a port number between 1 and 65535'},
    {name: 'named port', document: withRule({port: 'http'}), message: 'invalid NetworkSimulation: connections[0].port "http" must be a port number between 1 and 65535'},
    {name: 'bad protocol', document: withRule({protocol: 'ICMP'}), message: 'invalid NetworkSimulation: connections[0].protocol "ICMP" must be one of TCP, UDP, SCTP'},
    {name: 'negative failFirst', document: withRule({failFirst: -1}), message: 'invalid NetworkSimulation: connections[0].failFirst -1 must be a non-negative integer'},
    {name: 'typo in a connection', document: withRule({results: 'deny'}), message: 'invalid NetworkSimulation: connections[0].results unknown field (expected one of from, to, port, protocol, result, failFirst)'},
  ])('$name', ({document, message}) => {
    expect(() => parseNetworkSimulation(JSON.parse(JSON.stringify(document)))).toThrow(expect.objectContaining({code: 'INVALID_MANIFEST', message}))
  })
})

test.each([
  {document: header, want: true},
  {document: {...header, kind: 'Other'}, want: false},
  {document: {apiVersion: 'v1', kind: 'NetworkSimulation'}, want: false},
  {document: null, want: false},
])('isNetworkSimulationDocument($document) is $want', ({document, want}) => {
  expect(isNetworkSimulationDocument(document)).toBe(want)
})
