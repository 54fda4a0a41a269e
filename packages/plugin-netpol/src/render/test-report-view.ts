import {kubelineDocument, renderTable} from '@kubeline/core'
import type {ResultView, TableView} from '@kubeline/core'
import type {NetpolTestReport, TestCaseResult, TestSummary} from '../domain/netpol-test-report.js'
import {allCases, testSummary} from '../domain/netpol-test-report.js'
import {explainDirection} from './describe-rule.js'
import {testCaseExplanation, testCaseMessage, verdictResult} from './test-case-text.js'

interface CaseRow {
  suite: string
  testCase: TestCaseResult
}

/** `run`: a table of cases, then why each failed case failed; JSON kind NetpolTestReport. */
export function testReportView(report: NetpolTestReport): ResultView<never> {
  const rows = report.suites.flatMap((suite) => suite.cases.map((testCase) => ({suite: suite.name, testCase})))
  return {
    document: kubelineDocument('NetpolTestReport', {
      summary: testSummary(allCases(report)),
      suites: report.suites.map((suite) => ({name: suite.name, source: suite.source, summary: testSummary(suite.cases), cases: suite.cases.map(caseDocument)})),
    }),
    text: () => [renderTable(casesTable(rows)).trimEnd(), ...rows.flatMap(failureLines), summaryLine(testSummary(allCases(report)))].join('\n'),
  }
}

function casesTable(rows: CaseRow[]): TableView<CaseRow> {
  return {
    columns: [
      {header: 'Status', value: ({testCase}) => testCase.status.toUpperCase()},
      {header: 'Suite', value: ({suite}) => suite},
      {header: 'Case', value: ({testCase}) => testCase.name},
      {header: 'Port', value: ({testCase}) => `${testCase.protocol}/${testCase.port}`},
      {header: 'Expected', value: ({testCase}) => testCase.expect.toUpperCase()},
      {header: 'Got', value: ({testCase}) => verdictResult(testCase)},
      ...(rows.some(({testCase}) => testCase.live !== undefined) ? [{header: 'Live', value: ({testCase}: CaseRow) => testCase.live?.result.toUpperCase() ?? ''}] : []),
    ],
    rows,
  }
}

function failureLines({suite, testCase}: CaseRow): string[] {
  if (testCase.status === 'pass') return []
  return ['', `${testCase.status.toUpperCase()} ${suite}: ${testCase.name}: ${testCaseMessage(testCase)}`, ...testCaseExplanation(testCase).map((line) => `  ${line}`)]
}

function summaryLine(summary: TestSummary): string {
  return `\n${summary.cases} cases: ${summary.passed} passed, ${summary.failed} failed, ${summary.errors} errored`
}

function caseDocument(testCase: TestCaseResult) {
  const verdict = testCase.verdict
  return {
    name: testCase.name,
    from: testCase.from,
    to: testCase.to,
    port: testCase.port,
    protocol: testCase.protocol,
    expect: testCase.expect,
    status: testCase.status,
    ...(testCase.live === undefined ? {} : {live: testCase.live}),
    ...(verdict === undefined
      ? {error: testCase.error ?? ''}
      : {
          ...(testCase.error === undefined ? {} : {error: testCase.error}),
          result: verdictResult(testCase),
          source: verdict.source,
          destination: verdict.destination,
          egress: explainDirection(verdict.egress),
          ingress: explainDirection(verdict.ingress),
        }),
  }
}
