import type {TestCaseResult} from '../domain/netpol-test-report.js'
import {explainDirection} from './describe-rule.js'

/** One line on why a case did not pass: `expected allow, got DENY`, or the error. Empty for a pass. */
export function testCaseMessage(testCase: TestCaseResult): string {
  if (testCase.status === 'error') return testCase.error ?? 'no verdict'
  if (testCase.status === 'pass' || testCase.verdict === undefined) return ''
  const live = testCase.live
  const staticMet = testCase.verdict.allowed === (testCase.expect === 'allow')
  if (live === undefined) return `expected ${testCase.expect}, got ${verdictResult(testCase)}`
  if (staticMet) return `expected ${testCase.expect}, got ${verdictResult(testCase)} from the policies but ${liveText(testCase)} live`
  return `expected ${testCase.expect}, got ${verdictResult(testCase)} (live: ${liveText(testCase)})`
}

/** What the network did with `--probe`: `DENY (TIMEOUT, 2 attempts)`; empty without a probe. */
export function liveText({live}: TestCaseResult): string {
  if (live === undefined) return ''
  const attempts = live.attempts > 1 ? `, ${live.attempts} attempts` : ''
  return `${live.result.toUpperCase()} (${live.message}${attempts})`
}

/** `ALLOW`/`DENY`, or `ERROR` when there is no verdict. */
export function verdictResult(testCase: TestCaseResult): string {
  if (testCase.verdict === undefined) return 'ERROR'
  return testCase.verdict.allowed ? 'ALLOW' : 'DENY'
}

/** The verdict and why, per direction, as `check` prints it; nothing for an error. */
export function testCaseExplanation(testCase: TestCaseResult): string[] {
  const verdict = testCase.verdict
  if (verdict === undefined) return []
  return [
    `${verdictResult(testCase)} ${verdict.source} -> ${verdict.destination} ${verdict.protocol}/${verdict.port}`,
    `egress of ${verdict.source}: ${explainDirection(verdict.egress)}`,
    `ingress of ${verdict.destination}: ${explainDirection(verdict.ingress)}`,
  ]
}
