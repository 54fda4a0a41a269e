import type {NetpolTestReport, TestCaseResult, TestSuiteResult} from '../domain/netpol-test-report.js'
import {allCases, testSummary} from '../domain/netpol-test-report.js'
import {testCaseExplanation, testCaseMessage} from './test-case-text.js'

/**
 * `run -o junit`: the JUnit XML that GitLab, Jenkins and GitHub test reporters read:
 * `testsuites` > one `testsuite` per suite > one `testcase` per case, `classname` the suite,
 * a failed case with a `failure` (message: expected vs got; text: the explanation), a case
 * without a verdict with an `error`. No `time` attributes: nothing is timed, the verdicts are static.
 */
export function junitReport(report: NetpolTestReport): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="kubectl netpol-test run"${countAttributes(allCases(report))}>`,
    ...report.suites.flatMap(suiteElement),
    '</testsuites>',
    '',
  ].join('\n')
}

function suiteElement(suite: TestSuiteResult): string[] {
  return [
    `  <testsuite name="${xmlText(suite.name)}"${countAttributes(suite.cases)} skipped="0">`,
    `    <properties><property name="source" value="${xmlText(suite.source)}"/></properties>`,
    ...suite.cases.flatMap((testCase) => caseElement(suite, testCase)),
    '  </testsuite>',
  ]
}

function caseElement(suite: TestSuiteResult, testCase: TestCaseResult): string[] {
  const open = `    <testcase name="${xmlText(testCase.name)}" classname="${xmlText(suite.name)}"`
  if (testCase.status === 'pass') return [`${open}/>`]
  const element = testCase.status === 'error' ? 'error' : 'failure'
  const type = testCase.status === 'error' ? 'EndpointNotFound' : 'UnexpectedVerdict'
  const details = testCaseExplanation(testCase).join('\n')
  return [
    `${open}>`,
    `      <${element} message="${xmlText(testCaseMessage(testCase))}" type="${type}">${xmlText(details)}</${element}>`,
    '    </testcase>',
  ]
}

function countAttributes(cases: readonly TestCaseResult[]): string {
  const summary = testSummary(cases)
  return ` tests="${summary.cases}" failures="${summary.failed}" errors="${summary.errors}"`
}

/**
 * Text for an XML attribute or element: the five special characters as entities, and the
 * characters XML 1.0 forbids (most C0 controls, lone surrogates, U+FFFE/U+FFFF) as U+FFFD.
 */
export function xmlText(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '\ufffd')
    .replace(/[&<>"']/g, (character) => XML_ENTITIES[character] ?? character)
}

const XML_ENTITIES: Readonly<Record<string, string>> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;'}
