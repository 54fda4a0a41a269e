import {renderResult} from '@kubeline/core'
import {describe, expect, test} from 'vitest'
import {testReportView} from './test-report-view.js'
import {PROBED_REPORT, SAMPLE_REPORT} from './test-support/sample-test-report.js'

describe('testReportView', () => {
  test('the NetpolTestReport document (pinned)', () => {
    expect(testReportView(SAMPLE_REPORT).document).toEqual({
      apiVersion: 'kubeline.dev/v1alpha1',
      kind: 'NetpolTestReport',
      summary: {cases: 3, passed: 1, failed: 1, errors: 1},
      suites: [
        {
          name: 'shop',
          source: 'tests.yaml:1',
          summary: {cases: 3, passed: 1, failed: 1, errors: 1},
          cases: [
            {
              name: 'b reaches a',
              from: 'x/b',
              to: 'x/a',
              port: 80,
              protocol: 'TCP',
              expect: 'allow',
              status: 'pass',
              result: 'ALLOW',
              source: 'x/b',
              destination: 'x/a',
              egress: 'allowed: no policy isolates the pod for egress (Kubernetes allows by default)',
              ingress: 'allowed: no policy isolates the pod for ingress (Kubernetes allows by default)',
            },
            {
              name: 'a <reaches> "b" & #1',
              from: 'x/a',
              to: 'x/b',
              port: 80,
              protocol: 'TCP',
              expect: 'allow',
              status: 'fail',
              result: 'DENY',
              source: 'x/a',
              destination: 'x/b',
              egress: 'allowed: no policy isolates the pod for egress (Kubernetes allows by default)',
              ingress: 'denied: isolated by NetworkPolicy x/deny-b, and no rule of theirs allows this connection',
            },
            {name: 'ghost', from: 'x/ghost', to: 'x/b', port: 80, protocol: 'TCP', expect: 'deny', status: 'error', error: 'pod "ghost" not found in namespace "x"'},
          ],
        },
      ],
    })
  })

  test('the table, then why each case did not pass, then the counts (pinned)', () => {
    expect(renderResult(testReportView(SAMPLE_REPORT), 'table')).toBe(
      [
        'STATUS   SUITE   CASE                   PORT     EXPECTED   GOT',
        'PASS     shop    b reaches a            TCP/80   ALLOW      ALLOW',
        'FAIL     shop    a <reaches> "b" & #1   TCP/80   ALLOW      DENY',
        'ERROR    shop    ghost                  TCP/80   DENY       ERROR',
        '',
        'FAIL shop: a <reaches> "b" & #1: expected allow, got DENY',
        '  DENY x/a -> x/b TCP/80',
        '  egress of x/a: allowed: no policy isolates the pod for egress (Kubernetes allows by default)',
        '  ingress of x/b: denied: isolated by NetworkPolicy x/deny-b, and no rule of theirs allows this connection',
        '',
        'ERROR shop: ghost: pod "ghost" not found in namespace "x"',
        '',
        '3 cases: 1 passed, 1 failed, 1 errored',
        '',
      ].join('\n'),
    )
  })
})

describe('testReportView with --probe', () => {
  test('each case carries the live answer; a case the network failed says the policies and the network disagree', () => {
    const document = testReportView(PROBED_REPORT).document as {suites: {cases: Record<string, unknown>[]}[]}
    expect(document.suites[0]?.cases.map((c) => [c.status, c.live])).toEqual([
      ['fail', {result: 'deny', message: 'TIMEOUT', attempts: 2}],
      ['fail', {result: 'allow', message: 'OK', attempts: 1}],
      ['error', {result: 'error', message: 'pod "ghost" not found in namespace "x"', attempts: 1}],
    ])
    const text = renderResult(testReportView(PROBED_REPORT), 'table')
    expect(text.split('\n')[0]).toMatch(/^STATUS +SUITE +CASE +PORT +EXPECTED +GOT +LIVE$/)
    expect(text).toContain('FAIL shop: b reaches a: expected allow, got ALLOW from the policies but DENY (TIMEOUT, 2 attempts) live')
    expect(text).toContain('FAIL shop: a <reaches> "b" & #1: expected allow, got DENY (live: ALLOW (OK))')
  })

  test('without --probe there is no live field and no Live column', () => {
    const document = testReportView(SAMPLE_REPORT).document as {suites: {cases: Record<string, unknown>[]}[]}
    expect(document.suites[0]?.cases.every((c) => !('live' in c))).toBe(true)
    expect(renderResult(testReportView(SAMPLE_REPORT), 'table').split('\n')[0]).not.toMatch(/LIVE/)
  })
})
