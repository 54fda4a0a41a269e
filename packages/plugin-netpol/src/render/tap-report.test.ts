import {describe, expect, test} from 'vitest'
import {tapReport} from './tap-report.js'
import {SAMPLE_REPORT} from './test-support/sample-test-report.js'

describe('tapReport', () => {
  test('TAP 14: plan, ok / not ok lines, a YAML block for each case that did not pass (pinned)', () => {
    expect(tapReport(SAMPLE_REPORT)).toBe(
      [
        'TAP version 14',
        '1..3',
        'ok 1 - b reaches a',
        'not ok 2 - a <reaches> "b" & \\#1',
        '  ---',
        '  message: expected allow, got DENY',
        '  severity: fail',
        '  from: x/a',
        '  to: x/b',
        '  port: 80',
        '  protocol: TCP',
        '  expected: allow',
        '  got: DENY',
        '  explanation:',
        '    - DENY x/a -> x/b TCP/80',
        '    - "egress of x/a: allowed: no policy isolates the pod for egress (Kubernetes allows by default)"',
        '    - "ingress of x/b: denied: isolated by NetworkPolicy x/deny-b, and no rule of theirs allows this connection"',
        '  ...',
        'not ok 3 - ghost',
        '  ---',
        '  message: pod "ghost" not found in namespace "x"',
        '  severity: error',
        '  from: x/ghost',
        '  to: x/b',
        '  port: 80',
        '  protocol: TCP',
        '  expected: deny',
        '  got: ERROR',
        '  ...',
        '',
      ].join('\n'),
    )
  })

  test('several suites: each case is named suite: case; backslashes are escaped', () => {
    const [shop] = SAMPLE_REPORT.suites
    if (shop === undefined) throw new Error('no suite')
    const passing = {...shop, cases: shop.cases.slice(0, 1)}
    const report = {suites: [passing, {...passing, name: 'db\\ops'}]}
    expect(tapReport(report)).toBe('TAP version 14\n1..2\nok 1 - shop: b reaches a\nok 2 - db\\\\ops: b reaches a\n')
  })
})
