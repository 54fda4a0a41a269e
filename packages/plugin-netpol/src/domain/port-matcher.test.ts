// Port semantics of networking/v1 NetworkPolicyPort and policy-assistant portmatcher.go.
import {expect, test} from 'vitest'
import type {NamedContainerPort, PortMatcher} from './port-matcher.js'
import {matchPort} from './port-matcher.js'

const destination: NamedContainerPort[] = [
  {name: 'http', port: 8080, protocol: 'TCP'},
  {name: 'dns', port: 53, protocol: 'UDP'},
]
const some = (...ports: Extract<PortMatcher, {kind: 'some'}>['ports']): PortMatcher => ({kind: 'some', ports})

test.each([
  {name: 'all admits anything', matcher: {kind: 'all'} as PortMatcher, port: 1, protocol: 'SCTP' as const, want: 'all'},
  {name: 'protocol-only admits every port of it', matcher: some({kind: 'protocol', protocol: 'UDP'}), port: 9, protocol: 'UDP' as const, want: 0},
  {name: 'protocol-only rejects another protocol', matcher: some({kind: 'protocol', protocol: 'UDP'}), port: 9, protocol: 'TCP' as const, want: undefined},
  {name: 'range lower bound', matcher: some({kind: 'range', protocol: 'TCP', first: 80, last: 90}), port: 80, protocol: 'TCP' as const, want: 0},
  {name: 'range below', matcher: some({kind: 'range', protocol: 'TCP', first: 80, last: 90}), port: 79, protocol: 'TCP' as const, want: undefined},
  {name: 'range protocol mismatch', matcher: some({kind: 'range', protocol: 'TCP', first: 80, last: 90}), port: 85, protocol: 'SCTP' as const, want: undefined},
  {name: 'second entry matches', matcher: some({kind: 'range', protocol: 'TCP', first: 443, last: 443}, {kind: 'range', protocol: 'TCP', first: 80, last: 80}), port: 80, protocol: 'TCP' as const, want: 1},
  {name: 'named port with protocol', matcher: some({kind: 'named', name: 'http', protocol: 'TCP'}), port: 8080, protocol: 'TCP' as const, want: 0},
  {name: 'named port, wrong number', matcher: some({kind: 'named', name: 'http', protocol: 'TCP'}), port: 80, protocol: 'TCP' as const, want: undefined},
  {name: 'named port, rule protocol differs from the container port', matcher: some({kind: 'named', name: 'dns', protocol: 'TCP'}), port: 53, protocol: 'TCP' as const, want: undefined},
  {name: 'named port without protocol uses the container port protocol', matcher: some({kind: 'named', name: 'dns'}), port: 53, protocol: 'UDP' as const, want: 0},
  {name: 'named port unknown on the destination', matcher: some({kind: 'named', name: 'metrics'}), port: 9090, protocol: 'TCP' as const, want: undefined},
])('$name', ({matcher, port, protocol, want}) => expect(matchPort(matcher, {port, protocol}, destination)).toBe(want))

test('a named port never matches a destination without container ports (external IP)', () => {
  expect(matchPort(some({kind: 'named', name: 'http'}), {port: 8080, protocol: 'TCP'}, undefined)).toBeUndefined()
})
