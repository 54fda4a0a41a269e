import type {LiveResult} from './live-probe.js'
import type {Protocol} from './protocol.js'
import type {Verdict} from './verdict.js'

export type Expectation = 'allow' | 'deny'

/** `pass`: the verdict is the expected one; `fail`: it is not; `error`: no verdict (an endpoint does not exist). */
export type TestCaseStatus = 'pass' | 'fail' | 'error'

/** One case of a NetpolTestSuite, as written (endpoints as text), with its outcome. */
export interface TestCaseResult {
  name: string
  from: string
  to: string
  port: number
  protocol: Protocol
  expect: Expectation
  status: TestCaseStatus
  /** Absent for `error`. */
  verdict?: Verdict
  /** Why there is no verdict, or no live answer, for `error`. */
  error?: string
  /** What the network did, with `run --probe`. */
  live?: LiveResult
}

export interface TestSuiteResult {
  name: string
  /** Where the suite was read from: `file:line`. */
  source: string
  cases: TestCaseResult[]
}

export interface NetpolTestReport {
  suites: TestSuiteResult[]
}

export interface TestSummary {
  cases: number
  passed: number
  failed: number
  errors: number
}

export function testCaseStatus(expected: Expectation, verdict: Verdict): TestCaseStatus {
  return verdict.allowed === (expected === 'allow') ? 'pass' : 'fail'
}

export function testSummary(cases: readonly TestCaseResult[]): TestSummary {
  const count = (status: TestCaseStatus) => cases.filter((testCase) => testCase.status === status).length
  return {cases: cases.length, passed: count('pass'), failed: count('fail'), errors: count('error')}
}

/** Every case of every suite, in order. */
export function allCases(report: NetpolTestReport): TestCaseResult[] {
  return report.suites.flatMap((suite) => suite.cases)
}

/** `run` exits 3 unless every case passed. */
export function reportPassed(report: NetpolTestReport): boolean {
  return allCases(report).every((testCase) => testCase.status === 'pass')
}
