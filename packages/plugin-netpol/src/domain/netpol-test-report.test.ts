import {describe, expect, test} from 'vitest'
import type {TestCaseResult} from './netpol-test-report.js'
import {reportPassed, testCaseStatus, testSummary} from './netpol-test-report.js'
import type {Verdict} from './verdict.js'

const verdict = (allowed: boolean) => ({allowed}) as Verdict
const result = (status: TestCaseResult['status']): TestCaseResult => ({name: status, from: 'x/a', to: 'x/b', port: 80, protocol: 'TCP', expect: 'allow', status})

describe('testCaseStatus', () => {
  test.each([
    {expected: 'allow' as const, allowed: true, want: 'pass'},
    {expected: 'allow' as const, allowed: false, want: 'fail'},
    {expected: 'deny' as const, allowed: false, want: 'pass'},
    {expected: 'deny' as const, allowed: true, want: 'fail'},
  ])('expect $expected, allowed=$allowed: $want', ({expected, allowed, want}) => {
    expect(testCaseStatus(expected, verdict(allowed))).toBe(want)
  })
})

describe('testSummary and reportPassed', () => {
  test.each([
    {statuses: [], summary: {cases: 0, passed: 0, failed: 0, errors: 0}, passed: true},
    {statuses: ['pass', 'pass'], summary: {cases: 2, passed: 2, failed: 0, errors: 0}, passed: true},
    {statuses: ['pass', 'fail'], summary: {cases: 2, passed: 1, failed: 1, errors: 0}, passed: false},
    {statuses: ['pass', 'error'], summary: {cases: 2, passed: 1, failed: 0, errors: 1}, passed: false},
  ] as const)('$statuses', ({statuses, summary, passed}) => {
    const cases = statuses.map(result)
    expect(testSummary(cases)).toEqual(summary)
    expect(reportPassed({suites: [{name: 's', source: 'f:1', cases}]})).toBe(passed)
  })
})
