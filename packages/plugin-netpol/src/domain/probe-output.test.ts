import {describe, expect, test} from 'vitest'
import {parseProbeOutput} from './probe-output.js'
import {agnhostAddress, probeTargetText} from './probe-target.js'

describe('probe targets', () => {
  test.each([
    [{protocol: 'TCP', address: '10.244.0.5', port: 80}, '10.244.0.5:80', 'tcp:10.244.0.5:80'],
    [{protocol: 'UDP', address: 'fd00::5', port: 81}, '[fd00::5]:81', 'udp:[fd00::5]:81'],
    [{protocol: 'SCTP', address: '192.0.2.1', port: 9000}, '192.0.2.1:9000', 'sctp:192.0.2.1:9000'],
  ] as const)('%o is %s for agnhost and %s in the program', (target, address, text) => {
    expect(agnhostAddress(target)).toBe(address)
    expect(probeTargetText(target)).toBe(text)
  })
})

describe('parseProbeOutput', () => {
  test.each([
    ['tcp:10.0.0.1:80 0 OK', 'tcp:10.0.0.1:80', {connected: true, message: 'OK'}],
    ['tcp:10.0.0.1:80 0', 'tcp:10.0.0.1:80', {connected: true, message: 'OK'}],
    ['udp:[fd00::5]:81 1 TIMEOUT', 'udp:[fd00::5]:81', {connected: false, message: 'TIMEOUT'}],
    ['sctp:10.0.0.2:9000 1 REFUSED  ', 'sctp:10.0.0.2:9000', {connected: false, message: 'REFUSED'}],
    ['tcp:10.0.0.1:80 1 OTHER: dial tcp: lookup failed', 'tcp:10.0.0.1:80', {connected: false, message: 'OTHER: dial tcp: lookup failed'}],
    ['tcp:10.0.0.1:80 127', 'tcp:10.0.0.1:80', {connected: false, message: 'exit code 127'}],
  ])('%j', (line, target, attempt) => {
    expect(parseProbeOutput([line]).get(target)).toEqual(attempt)
  })

  test('ignores lines that are not results, and keeps the last line of a target', () => {
    const attempts = parseProbeOutput(['Starting probe', '', 'tcp:10.0.0.1:80 x TIMEOUT', 'http:10.0.0.1:80 0 OK', 'tcp:10.0.0.1:80 1 TIMEOUT', 'tcp:10.0.0.1:80 0 OK'])
    expect([...attempts]).toEqual([['tcp:10.0.0.1:80', {connected: true, message: 'OK'}]])
  })
})
