import {Quantity, formatInCommonUnit, kubelineDocument, renderMarkdownTable, renderTable} from '@kubeline/core'
import type {Column, ResultView, TableView} from '@kubeline/core'
import type {QuotaLine} from '../domain/evaluate-quota.js'
import type {QuotaEntry} from '../domain/quota-report.js'
import type {QuotaReport} from '../domain/fleet-report.js'
import {quotaSummary} from './quota-summary.js'
import {reportSections} from './report-sections.js'

export interface QuotaRow {
  context: string
  namespace: string
  quota: QuotaEntry
  line: QuotaLine
}

const BAR_WIDTH = 10

/**
 * `-o json|yaml`: the QuotaReport document (docs/quota-report.md). Table: one row per quota
 * key with used and hard in one unit, then sections for LimitRanges, top consumers, missing
 * requests, drift, unguarded namespaces and contexts that could not be read (left out with
 * --no-headers, for awk). A CONTEXT column leads when the report spans several contexts.
 */
export function quotaReportView(report: QuotaReport, options: {noHeaders?: boolean; wide?: boolean} = {}): ResultView<QuotaRow> {
  const rows = report.namespaces.flatMap((namespace) =>
    namespace.quotas.flatMap((quota) => quota.lines.map((line) => ({context: namespace.context, namespace: namespace.namespace, quota, line}))),
  )
  const table: TableView<QuotaRow> = {columns: quotaColumns({fleet: report.contexts.length > 1, across: report.namespace === null}), rows}
  const sections = reportSections(report)
  return {
    document: kubelineDocument('QuotaReport', {
      context: report.context,
      contexts: report.contexts,
      namespace: report.namespace,
      summary: quotaSummary(report),
      namespaces: report.namespaces,
      unconstrained: report.unconstrained,
      errors: report.errors,
    }),
    text: () =>
      options.noHeaders
        ? renderTable(table, {noHeaders: true, wide: options.wide})
        : [rows.length > 0 ? renderTable(table, {wide: options.wide}) : 'No ResourceQuotas found.\n', ...sections.map(({title, view}) => `\n${title}\n${renderTable(view, {wide: options.wide})}`)].join(''),
    markdown: () =>
      [renderMarkdownTable(table), ...sections.map(({title, view}) => `\n**${title}**\n\n${renderMarkdownTable(view)}`)].join(''),
  }
}

function quotaColumns({fleet, across}: {fleet: boolean; across: boolean}): Column<QuotaRow>[] {
  return [
    ...(fleet ? [{header: 'CONTEXT', value: (row: QuotaRow) => row.context}] : []),
    ...(across ? [{header: 'NAMESPACE', value: (row: QuotaRow) => row.namespace}] : []),
    {header: 'QUOTA', value: (row) => row.quota.name},
    {header: 'RESOURCE', value: (row) => row.line.resource},
    {header: 'USED', value: (row) => humanPair(row.line)[0], align: 'right'},
    {header: 'HARD', value: (row) => humanPair(row.line)[1], align: 'right'},
    {header: 'PERCENT', value: (row) => (row.line.percent === null ? '-' : `${formatPercent(row.line.percent)}%`), align: 'right'},
    {header: 'USAGE', value: (row) => bar(row.line.percent)},
    {header: 'STATUS', value: (row) => row.line.status.toUpperCase()},
    {header: 'SCOPES', value: (row) => scopesOf(row.quota), wide: true},
  ]
}

/** Used and hard in the same human unit, so they can be compared at a glance. */
function humanPair(line: QuotaLine): [string, string] {
  if (line.used === null) return ['<unknown>', formatInCommonUnit([Quantity.parse(line.hard)], line.resource)[0] as string]
  const [used, hard] = formatInCommonUnit([Quantity.parse(line.used), Quantity.parse(line.hard)], line.resource)
  return [used as string, hard as string]
}

function formatPercent(percent: number): string {
  return percent >= 10 || percent === 0 ? String(Math.floor(percent)) : percent.toFixed(1).replace(/\.0$/, '')
}

function bar(percent: number | null): string {
  if (percent === null) return ''
  const filled = Math.min(BAR_WIDTH, Math.round((percent / 100) * BAR_WIDTH))
  return `${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}`
}

function scopesOf(quota: QuotaEntry): string {
  const selector = quota.scopeSelector.map((s) => `${s.scopeName} ${s.operator}${s.values ? ` (${s.values.join(',')})` : ''}`)
  return [...quota.scopes, ...selector].join('; ') || '<none>'
}
