import {Quantity, escapeTerminal, formatInCommonUnit, kubelineDocument, renderMarkdownTable, renderTable} from '@kubeline/core'
import type {ResultView, TableView} from '@kubeline/core'
import type {QuotaPlanLine, QuotaPlanVerdict} from '../domain/quota-plan.js'
import type {QuotaPlanResult} from '../services/plan-quota-fit.js'
import {section, type ReportSection} from './report-sections.js'

export interface QuotaPlanRow {
  quota: QuotaPlanVerdict
  line: QuotaPlanLine
}

/**
 * `-o json|yaml`: the QuotaPlan document (docs/quota-report.md). Table: one row per quota key
 * the manifests change, quantities of a row in one unit; then the objects the API server would
 * refuse, its `exceeded quota:` messages and the notes, each only when it has rows (all left
 * out with --no-headers, for awk).
 */
export function quotaPlanView(plan: QuotaPlanResult, options: {noHeaders?: boolean} = {}): ResultView<QuotaPlanRow> {
  const table: TableView<QuotaPlanRow> = {
    columns: [
      {header: 'NAMESPACE', value: (row) => row.quota.namespace},
      {header: 'QUOTA', value: (row) => row.quota.name},
      {header: 'RESOURCE', value: (row) => row.line.resource},
      {header: 'USED', value: (row) => human(row.line)[0], align: 'right'},
      {header: '+REQUESTED', value: (row) => `+${human(row.line)[1]}`, align: 'right'},
      {header: 'AFTER', value: (row) => human(row.line)[2], align: 'right'},
      {header: 'HARD', value: (row) => human(row.line)[3], align: 'right'},
      {header: 'FITS', value: (row) => (row.line.fits ? 'yes' : 'NO')},
    ],
    rows: plan.quotas.flatMap((quota) => quota.lines.map((line) => ({quota, line}))),
  }
  const sections = planSections(plan)
  const empty = 'No ResourceQuota limits what these manifests request.\n'
  return {
    document: kubelineDocument('QuotaPlan', {
      context: plan.context,
      namespace: plan.namespace,
      offline: plan.offline,
      fits: plan.fits,
      quotas: plan.quotas,
      delta: plan.delta,
      objects: plan.objects,
      violations: plan.violations,
      notes: plan.notes,
    }),
    text: () =>
      options.noHeaders
        ? renderTable(table, {noHeaders: true})
        : [table.rows.length > 0 ? renderTable(table) : empty, ...sections.map(({title, view}) => `\n${title}\n${renderTable(view)}`), notes(plan, 'NOTES'), `\n${verdict(plan)}\n`].join(''),
    markdown: () =>
      [table.rows.length > 0 ? renderMarkdownTable(table) : empty, ...sections.map(({title, view}) => `\n**${title}**\n\n${renderMarkdownTable(view)}`), notes(plan, '**Notes**\n'), `\n**${verdict(plan)}**\n`].join(''),
  }
}

function planSections(plan: QuotaPlanResult): ReportSection[] {
  return [
    section('REJECTED OBJECTS (the API server would refuse these objects or their pods)', ['NAMESPACE', 'OBJECT', 'MESSAGE'],
      plan.violations.flatMap((violation) => violation.messages.map((message) => [violation.namespace, `${violation.kind.toLowerCase()}/${violation.name}`, message]))),
    section('REJECTED BY QUOTA', ['NAMESPACE', 'QUOTA', 'MESSAGE'],
      plan.quotas.flatMap((quota) => (quota.message === undefined ? [] : [[quota.namespace, quota.name, quota.message]]))),
  ].filter((entry) => entry.view.rows.length > 0)
}

function notes(plan: QuotaPlanResult, title: string): string {
  return `\n${title}\n${plan.notes.map((note) => `- ${escapeTerminal(note)}\n`).join('')}`
}

function verdict(plan: QuotaPlanResult): string {
  if (plan.fits) return 'Fits: every quota has room and no object would be rejected.'
  const over = plan.quotas.filter((quota) => !quota.fits).length
  return `Does not fit: ${over} quota(s) exceeded, ${plan.violations.length} object(s) rejected.`
}

/** used, requested, after and hard in one human unit, so a row reads at a glance. */
function human(line: QuotaPlanLine): string[] {
  return formatInCommonUnit([line.used, line.requested, line.after, line.hard].map((value) => Quantity.parse(value)), line.resource)
}
