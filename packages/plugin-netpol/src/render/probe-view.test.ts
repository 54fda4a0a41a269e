import {renderResult} from '@kubeline/core'
import {describe, expect, test} from 'vitest'
import type {ProbeResult} from '../domain/live-probe.js'
import {probeView} from './probe-view.js'

const RESULTS: ProbeResult[] = [
  {from: 'x/a', to: 'x/b', address: '10.0.0.2', port: 80, protocol: 'TCP', expected: 'allow', live: {result: 'allow', message: 'OK', attempts: 1}, status: 'agree'},
  {from: 'x/c', to: 'x/b', address: '10.0.0.2', port: 80, protocol: 'TCP', expected: 'deny', live: {result: 'allow', message: 'OK', attempts: 2}, status: 'mismatch'},
  {from: 'x/a', to: 'ip:192.0.2.1', address: '192.0.2.1', port: 53, protocol: 'UDP', expected: 'allow', live: {result: 'error', message: 'the probe container cannot start: ImagePullBackOff', attempts: 2}, status: 'error'},
]

describe('probeView', () => {
  test('the ProbeReport document (pinned: docs/netpol-test.md)', () => {
    expect(probeView('ephemeral', RESULTS).document).toEqual({
      apiVersion: 'kubeline.dev/v1alpha1',
      kind: 'ProbeReport',
      via: 'ephemeral',
      summary: {probes: 3, agree: 1, mismatch: 1, errors: 1},
      results: [
        {from: 'x/a', to: 'x/b', address: '10.0.0.2', port: 80, protocol: 'TCP', expected: 'allow', live: {result: 'allow', message: 'OK', attempts: 1}, status: 'agree'},
        {from: 'x/c', to: 'x/b', address: '10.0.0.2', port: 80, protocol: 'TCP', expected: 'deny', live: {result: 'allow', message: 'OK', attempts: 2}, status: 'mismatch'},
        {
          from: 'x/a',
          to: 'ip:192.0.2.1',
          address: '192.0.2.1',
          port: 53,
          protocol: 'UDP',
          expected: 'allow',
          live: {result: 'error', message: 'the probe container cannot start: ImagePullBackOff', attempts: 2},
          status: 'error',
        },
      ],
    })
  })

  test('the table: a row per connection, then each reason once with its connections, then the counts', () => {
    const fourth: ProbeResult = {...(RESULTS[1] as ProbeResult), from: 'x/d'}
    expect(renderResult(probeView('exec', [...RESULTS, fourth]), 'table')).toBe(
      [
        'STATUS     FROM   TO                         PORT     POLICIES   LIVE',
        'AGREE      x/a    x/b (10.0.0.2)             TCP/80   ALLOW      ALLOW (OK)',
        'MISMATCH   x/c    x/b (10.0.0.2)             TCP/80   DENY       ALLOW (OK)',
        'ERROR      x/a    ip:192.0.2.1 (192.0.2.1)   UDP/53   ALLOW      ERROR',
        'MISMATCH   x/d    x/b (10.0.0.2)             TCP/80   DENY       ALLOW (OK)',
        '',
        'MISMATCH: connected although the policies deny it: does the network plugin (CNI) enforce NetworkPolicy, and did the policy reach it yet?',
        '  x/c -> x/b TCP/80',
        '  x/d -> x/b TCP/80',
        '',
        'ERROR: the probe container cannot start: ImagePullBackOff',
        '  x/a -> ip:192.0.2.1 UDP/53',
        '',
        '4 probes via exec: 1 agree, 2 mismatch, 1 errored',
        '',
      ].join('\n'),
    )
  })

  test('nothing probed: only the counts, no empty table above them', () => {
    expect(renderResult(probeView('ephemeral', []), 'table')).toBe('0 probes via ephemeral: 0 agree, 0 mismatch, 0 errored\n')
  })
})
