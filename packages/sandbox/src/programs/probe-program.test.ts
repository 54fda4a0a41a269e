import {expect, test} from 'vitest'
import type {ContainerView} from '../controllers/container-program.js'
import type {ConnectionAttempt, ConnectionProbe} from '../network/connection-probe.js'
import type {PodRef} from '../network/simulated-network.js'
import type {KubeObject} from '../store/object-store.js'
import {splitHostPort} from './connection-target.js'
import {probeProgram} from './probe-program.js'

const pod: KubeObject = {apiVersion: 'v1', kind: 'Pod', metadata: {name: 'a', namespace: 'x'}}
const probeContainer = (targets: string | undefined): ContainerView => ({
  name: 'kubeline-probe',
  image: 'registry.k8s.io/e2e-test-images/agnhost:2.53',
  command: ['/bin/sh', '-c', 'script'],
  env: [...(targets === undefined ? [] : [{name: 'KUBELINE_PROBE_TARGETS', value: targets}]), {name: 'KUBELINE_PROBE_TIMEOUT', value: '1'}],
})

test('one line per target, in order, with agnhost connect exit codes and messages; the program exits 0', () => {
  const attempts: [PodRef, ConnectionAttempt][] = []
  const probe: ConnectionProbe = (source, attempt) => {
    attempts.push([source, attempt])
    return attempt.port === 80 ? 'OK' : attempt.port === 81 ? 'TIMEOUT' : 'REFUSED'
  }
  const run = probeProgram(probe)(pod, probeContainer('tcp:10.244.0.5:80  udp:[fd00::5]:81 sctp:10.0.0.1:82 tcp:nonsense'))
  expect(run).toEqual({
    exitCode: 0,
    lines: ['tcp:10.244.0.5:80 0 OK', 'udp:[fd00::5]:81 1 TIMEOUT', 'sctp:10.0.0.1:82 1 REFUSED', 'tcp:nonsense 1 UNKNOWN: invalid target, expected proto:host:port'],
  })
  expect(attempts).toEqual([
    [{namespace: 'x', name: 'a'}, {protocol: 'tcp', host: '10.244.0.5', port: 80}],
    [{namespace: 'x', name: 'a'}, {protocol: 'udp', host: 'fd00::5', port: 81}],
    [{namespace: 'x', name: 'a'}, {protocol: 'sctp', host: '10.0.0.1', port: 82}],
  ])
})

test('a container without KUBELINE_PROBE_TARGETS is not the probe program', () => {
  expect(probeProgram(() => 'OK')(pod, probeContainer(undefined))).toBeUndefined()
})

test('an empty target list writes nothing and exits 0', () => {
  expect(probeProgram(() => 'OK')(pod, probeContainer(''))).toEqual({lines: [], exitCode: 0})
})

test.each([
  {text: '10.0.0.1:80', want: {host: '10.0.0.1', port: 80}},
  {text: '[fd00::1]:443', want: {host: 'fd00::1', port: 443}},
  {text: 'db.payments:5432', want: {host: 'db.payments', port: 5432}},
  {text: 'fd00::1:443', want: undefined},
  {text: '10.0.0.1', want: undefined},
  {text: '10.0.0.1:http', want: undefined},
  {text: '10.0.0.1:70000', want: undefined},
])('splitHostPort($text)', ({text, want}) => {
  expect(splitHostPort(text)).toEqual(want)
})
