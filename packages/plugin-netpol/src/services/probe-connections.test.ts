import {KubelineError} from '@kubeline/core'
import {describe, expect, test} from 'vitest'
import type {ProbeAttempt} from '../domain/probe-output.js'
import type {ProbeTarget} from '../domain/probe-target.js'
import {probeTargetText} from '../domain/probe-target.js'
import type {PlannedProbe} from './probe-connections.js'
import {probeConnections} from './probe-connections.js'
import type {Prober, ProbeSource} from './prober.js'
import {ProbeRunError} from './prober.js'

type Answer = (source: string, target: string, call: number) => ProbeAttempt | undefined

/** A prober over a table of answers, recording each call (source, targets). */
function fakeProber(answer: Answer, failing: Record<string, Error> = {}) {
  const calls: {source: string; targets: string[]}[] = []
  const prober: Prober = {
    via: 'ephemeral',
    async probe(source: ProbeSource, targets: readonly ProbeTarget[]) {
      const name = `${source.namespace}/${source.name}`
      calls.push({source: name, targets: targets.map(probeTargetText)})
      const failure = failing[name]
      if (failure) throw failure
      const call = calls.filter((c) => c.source === name).length
      return new Map(targets.flatMap((target) => {
        const attempt = answer(name, probeTargetText(target), call)
        return attempt === undefined ? [] : [[probeTargetText(target), attempt] as const]
      }))
    },
  }
  return {prober, calls}
}

const OK = {connected: true, message: 'OK'}
const TIMEOUT = {connected: false, message: 'TIMEOUT'}

function planned(from: string, address: string, expected: 'allow' | 'deny', extra: Partial<PlannedProbe> = {}): PlannedProbe {
  const [namespace = '', name = ''] = from.split('/')
  return {from, to: address, source: {namespace, name}, target: {protocol: 'TCP', address, port: 80}, expected, ...extra}
}

describe('probeConnections', () => {
  test('one round per source pod with its targets once each; no retry when everything agrees', async () => {
    const {prober, calls} = fakeProber((_, target) => (target === 'tcp:10.0.0.2:80' ? OK : TIMEOUT))
    const results = await probeConnections(prober, [planned('x/a', '10.0.0.2', 'allow'), planned('x/a', '10.0.0.3', 'deny'), planned('x/b', '10.0.0.2', 'allow'), planned('x/a', '10.0.0.2', 'allow', {to: 'x/deployment/b'})])
    expect(results.map((r) => [r.from, r.to, r.status, r.live])).toEqual([
      ['x/a', '10.0.0.2', 'agree', {result: 'allow', message: 'OK', attempts: 1}],
      ['x/a', '10.0.0.3', 'agree', {result: 'deny', message: 'TIMEOUT', attempts: 1}],
      ['x/b', '10.0.0.2', 'agree', {result: 'allow', message: 'OK', attempts: 1}],
      ['x/a', 'x/deployment/b', 'agree', {result: 'allow', message: 'OK', attempts: 1}],
    ])
    expect(calls.sort((p, q) => p.source.localeCompare(q.source))).toEqual([
      {source: 'x/a', targets: ['tcp:10.0.0.2:80', 'tcp:10.0.0.3:80']},
      {source: 'x/b', targets: ['tcp:10.0.0.2:80']},
    ])
  })

  test('a disagreement is retried once, only for the connections that disagreed; the second answer stands', async () => {
    // x/a -> 10.0.0.2 connects only from the second call on (enforcement caught up); 10.0.0.3 always connects.
    const {prober, calls} = fakeProber((_, target, call) => (target === 'tcp:10.0.0.2:80' && call === 1 ? TIMEOUT : OK))
    const results = await probeConnections(prober, [planned('x/a', '10.0.0.2', 'allow'), planned('x/a', '10.0.0.3', 'deny'), planned('x/a', '10.0.0.4', 'allow')])
    expect(results.map((r) => [r.to, r.status, r.live.attempts, r.live.result])).toEqual([
      ['10.0.0.2', 'agree', 2, 'allow'],
      ['10.0.0.3', 'mismatch', 2, 'allow'],
      ['10.0.0.4', 'agree', 1, 'allow'],
    ])
    expect(calls).toEqual([
      {source: 'x/a', targets: ['tcp:10.0.0.2:80', 'tcp:10.0.0.3:80', 'tcp:10.0.0.4:80']},
      {source: 'x/a', targets: ['tcp:10.0.0.2:80', 'tcp:10.0.0.3:80']},
    ])
  })

  test('a pod the probe cannot run in makes its probes errors; the other pods are still probed', async () => {
    const {prober} = fakeProber(() => OK, {'x/a': new ProbeRunError('the probe container cannot start: ImagePullBackOff')})
    const results = await probeConnections(prober, [planned('x/a', '10.0.0.2', 'allow'), planned('x/b', '10.0.0.2', 'allow')])
    expect(results.map((r) => [r.from, r.status, r.live])).toEqual([
      ['x/a', 'error', {result: 'error', message: 'the probe container cannot start: ImagePullBackOff', attempts: 2}],
      ['x/b', 'agree', {result: 'allow', message: 'OK', attempts: 1}],
    ])
  })

  test('a target the probe printed nothing for is an error naming it', async () => {
    const {prober} = fakeProber(() => undefined)
    const [result] = await probeConnections(prober, [planned('x/a', '10.0.0.2', 'allow')])
    expect(result?.live).toEqual({result: 'error', message: 'the probe printed no result for tcp:10.0.0.2:80', attempts: 2})
  })

  test('a planned problem is reported without probing', async () => {
    const {prober, calls} = fakeProber(() => OK)
    const [result] = await probeConnections(prober, [planned('ip:192.0.2.1', '10.0.0.2', 'allow', {source: undefined, problem: 'an address cannot be a probe source'})])
    expect(result).toMatchObject({status: 'error', live: {result: 'error', message: 'an address cannot be a probe source', attempts: 1}})
    expect(calls).toEqual([])
  })

  test('an error that stops the command (forbidden) is not swallowed', async () => {
    const forbidden = new KubelineError('FORBIDDEN', 'pods "a" is forbidden: cannot patch resource "pods/ephemeralcontainers"')
    const {prober} = fakeProber(() => OK, {'x/a': forbidden})
    await expect(probeConnections(prober, [planned('x/a', '10.0.0.2', 'allow')])).rejects.toBe(forbidden)
  })
})
