import {renderResult} from '@kubeline/core'
import {describe, expect, test} from 'vitest'
import type {DiffReport} from '../services/diff-connectivity.js'
import {diffView} from './diff-view.js'

const report: DiffReport = {
  groupBy: 'workload',
  traffic: [{port: 5432, protocol: 'TCP'}],
  policies: [
    {kind: 'NetworkPolicy', name: 'db', namespace: 'shop', change: 'added'},
    {kind: 'AdminNetworkPolicy', name: 'guard', change: 'replaced'},
  ],
  changes: [
    {change: 'newly-denied', from: 'shop/deployment/legacy', to: 'shop/statefulset/db', port: 5432, protocol: 'TCP', podPairs: 6, blocking: false, acknowledgedBy: 'shop/deployment/legacy->*'},
    {change: 'newly-denied', from: 'shop/deployment/web', to: 'shop/statefulset/db', port: 5432, protocol: 'TCP', podPairs: 2, blocking: true},
  ],
  unmatchedAcks: ['x/*->y/*'],
  // Warned about on stderr by the command, not part of the document.
  uncompared: ['x/z'],
  scopeSelectsNoPod: false,
}

describe('diffView', () => {
  test('the ConnectivityDiff document: acknowledgedBy only where an acknowledgement matched (pinned)', () => {
    expect(diffView(report).document).toEqual({
      apiVersion: 'kubeline.dev/v1alpha1',
      kind: 'ConnectivityDiff',
      groupBy: 'workload',
      traffic: [{port: 5432, protocol: 'TCP'}],
      proposedPolicies: [
        {kind: 'NetworkPolicy', name: 'db', namespace: 'shop', change: 'added'},
        {kind: 'AdminNetworkPolicy', name: 'guard', change: 'replaced'},
      ],
      summary: {newlyDenied: 2, newlyAllowed: 0, unacknowledged: 1},
      changes: [
        {change: 'newly-denied', from: 'shop/deployment/legacy', to: 'shop/statefulset/db', port: 5432, protocol: 'TCP', podPairs: 6, blocking: false, acknowledgedBy: 'shop/deployment/legacy->*'},
        {change: 'newly-denied', from: 'shop/deployment/web', to: 'shop/statefulset/db', port: 5432, protocol: 'TCP', podPairs: 2, blocking: true},
      ],
      unmatchedAcks: ['x/*->y/*'],
    })
  })

  test('markdown escapes the acknowledgement patterns (pinned)', () => {
    expect(renderResult(diffView(report), 'markdown')).toBe(
      [
        '### NetworkPolicy diff: 2 newly denied (1 not acknowledged), 0 newly allowed on TCP/5432',
        '',
        'Proposed: `NetworkPolicy shop/db` (new), `AdminNetworkPolicy guard` (replaces the current one)',
        '',
        '| Change | From | To | Port | Pod pairs | Acknowledged |',
        '| --- | --- | --- | --- | ---: | --- |',
        '| newly denied | shop/deployment/legacy | shop/statefulset/db | TCP/5432 | 6 | yes (shop/deployment/legacy-&gt;\\*) |',
        '| newly denied | shop/deployment/web | shop/statefulset/db | TCP/5432 | 2 | NO |',
        '',
      ].join('\n'),
    )
  })

  test('--port declared: each traffic pair says towards which pods (pinned); the summary names the declared ports', () => {
    const traffic: DiffReport['traffic'] = [
      {port: 5432, protocol: 'TCP', towards: 'declaring-pods'},
      {port: 9090, protocol: 'TCP', towards: 'every-pod'},
      {port: 9187, protocol: 'TCP', towards: 'declaring-pods'},
    ]
    const declared = {...report, traffic}
    expect(diffView(declared).document).toMatchObject({traffic})
    expect(renderResult(diffView(declared), 'table').split('\n').at(-2)).toBe('2 newly denied (1 not acknowledged), 0 newly allowed on TCP/9090 and the declared ports TCP/5432, TCP/9187')
    const onlyDeclared = {...report, changes: [], traffic: traffic.filter((pair) => pair.towards === 'declaring-pods')}
    expect(renderResult(diffView(onlyDeclared), 'table').split('\n').at(-2)).toBe('no connection changes its verdict on the declared ports TCP/5432, TCP/9187')
    expect(renderResult(diffView({...report, changes: [], traffic: []}), 'table').split('\n').at(-2)).toBe('no connection changes its verdict on the declared ports (no pod declares one)')
  })

  test('no change: the proposed policies and one line, in every human form', () => {
    const unchanged = {...report, changes: [], unmatchedAcks: []}
    expect(renderResult(diffView(unchanged), 'table')).toBe('Proposed: NetworkPolicy shop/db (new), AdminNetworkPolicy guard (replaces the current one)\nno connection changes its verdict on TCP/5432\n')
    expect(renderResult(diffView({...unchanged, policies: []}), 'markdown')).toBe('### NetworkPolicy diff: no connection changes its verdict on TCP/5432\n\nProposed: no policies\n')
  })
})
