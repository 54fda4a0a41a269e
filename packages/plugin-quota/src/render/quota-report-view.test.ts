import {describe, expect, test} from 'vitest'
import {mergeContextReports} from '../domain/fleet-report.js'
import type {ContextError, ContextOutcome} from '../domain/fleet-report.js'
import type {NamespaceReport} from '../domain/quota-report.js'
import {quotaReportView} from './quota-report-view.js'

function namespaceReport(context: string, namespace: string, used: string): NamespaceReport {
  return {
    context,
    namespace,
    quotas: [{name: 'compute', scopes: [], scopeSelector: [], drift: [], top: [], lines: [
      {resource: 'requests.cpu', hard: '2', used, hardValue: 2000, usedValue: Number.parseInt(used, 10), percent: 50, status: 'ok', breached: false},
    ]}],
    limitRanges: [],
    missingRequests: [],
  }
}

const east: ContextOutcome = {context: 'east', report: {context: 'east', namespace: null, namespaces: [namespaceReport('east', 'payments', '1')], unconstrained: [{context: 'east', namespace: 'sandbox', missing: ['ResourceQuota']}]}}
const west: ContextOutcome = {context: 'west', report: {context: 'west', namespace: null, namespaces: [namespaceReport('west', 'payments', '1')], unconstrained: []}}
const down: {context: string; error: ContextError} = {context: 'down', error: {context: 'down', code: 'UNREACHABLE', message: 'unable to connect to the server at https://127.0.0.1:9: connection refused'}}

describe('quotaReportView across contexts', () => {
  test('a CONTEXT column leads the quota table and every section; unread contexts get their own section', () => {
    const text = quotaReportView(mergeContextReports([east, west, down])).text!()
    const lines = text.split('\n')
    expect(lines[0]).toMatch(/^CONTEXT\s+NAMESPACE\s+QUOTA\s+RESOURCE\s+USED/)
    expect(lines[1]).toMatch(/^east\s+payments\s+compute\s+requests\.cpu\s+1\s+2\s+50%/)
    expect(lines[2]).toMatch(/^west\s+payments\s+compute\s+requests\.cpu/)
    expect(text).toMatch(/NAMESPACES WITHOUT A QUOTA OR LIMITRANGE\nCONTEXT\s+NAMESPACE\s+MISSING\neast\s+sandbox\s+ResourceQuota\n/)
    expect(text).toMatch(/CONTEXTS NOT READ \(the report is incomplete\)\nCONTEXT\s+CODE\s+REASON\ndown\s+UNREACHABLE\s+unable to connect to the server at https:\/\/127\.0\.0\.1:9: connection refused\n/)
  })

  test('one context: no CONTEXT column, as before', () => {
    const text = quotaReportView(mergeContextReports([east])).text!()
    expect(text.split('\n')[0]).toMatch(/^NAMESPACE\s+QUOTA\s+RESOURCE/)
    expect(text).toMatch(/NAMESPACES WITHOUT A QUOTA OR LIMITRANGE\nNAMESPACE\s+MISSING\nsandbox\s+ResourceQuota\n/)
    expect(text).not.toContain('CONTEXT')
  })

  test('markdown keeps the CONTEXT column and the unread contexts', () => {
    const markdown = quotaReportView(mergeContextReports([east, down])).markdown!()
    expect(markdown.split('\n')[0]).toMatch(/^\| CONTEXT \| NAMESPACE \| QUOTA \|/)
    expect(markdown).toContain('**CONTEXTS NOT READ (the report is incomplete)**')
    expect(markdown).toMatch(/\| down \| UNREACHABLE \| unable to connect/)
  })

  test('the QuotaReport document carries contexts and errors', () => {
    const {document} = quotaReportView(mergeContextReports([east, down]))
    expect(document).toMatchObject({kind: 'QuotaReport', context: null, contexts: ['east', 'down'], namespace: null, errors: [down.error]})
    expect((document as {namespaces: {context: string}[]}).namespaces.map((namespace) => namespace.context)).toEqual(['east'])
  })
})
