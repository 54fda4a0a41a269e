import {toYaml} from '@kubeline/core'
import type {NetpolTestReport, TestCaseResult} from '../domain/netpol-test-report.js'
import {liveText, testCaseExplanation, testCaseMessage, verdictResult} from './test-case-text.js'

/**
 * `run -o tap`: TAP version 14 (testanything.org/tap-version-14-specification.html), which TAP 13
 * consumers read too: the plan, one `ok`/`not ok` line per case (named `suite: case` when there
 * are several suites), and for each case that did not pass a YAML diagnostic block indented by two
 * spaces between `---` and `...`. `#` and `\` in names are escaped, as the specification asks.
 */
export function tapReport(report: NetpolTestReport): string {
  const several = report.suites.length > 1
  const cases = report.suites.flatMap((suite) => suite.cases.map((testCase) => ({name: several ? `${suite.name}: ${testCase.name}` : testCase.name, testCase})))
  const lines = cases.flatMap(({name, testCase}, index) => [
    `${testCase.status === 'pass' ? 'ok' : 'not ok'} ${index + 1} - ${tapDescription(name)}`,
    ...(testCase.status === 'pass' ? [] : diagnostics(testCase)),
  ])
  return ['TAP version 14', `1..${cases.length}`, ...lines, ''].join('\n')
}

function diagnostics(testCase: TestCaseResult): string[] {
  const block = {
    message: testCaseMessage(testCase),
    severity: testCase.status === 'error' ? 'error' : 'fail',
    from: testCase.from,
    to: testCase.to,
    port: testCase.port,
    protocol: testCase.protocol,
    expected: testCase.expect,
    got: verdictResult(testCase),
    ...(testCase.live === undefined ? {} : {live: liveText(testCase)}),
    ...(testCase.verdict === undefined ? {} : {explanation: testCaseExplanation(testCase)}),
  }
  return ['---', ...toYaml(block).trimEnd().split('\n'), '...'].map((line) => `  ${line}`)
}

/** A description on one line, with TAP's `#` (directive) and `\` escaped. */
function tapDescription(name: string): string {
  return name.replace(/\r?\n/g, ' ').replace(/[\\#]/g, (character) => `\\${character}`)
}
