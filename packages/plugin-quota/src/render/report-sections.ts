import type {TableView} from '@kubeline/core'
import type {QuotaReport} from '../domain/fleet-report.js'

export interface ReportSection {
  title: string
  view: TableView<Record<string, string>>
}

/**
 * The parts of the report after the quota table, each only when it has rows. In a fleet
 * (several contexts) every section starts with a CONTEXT column.
 */
export function reportSections(report: QuotaReport): ReportSection[] {
  const fleet = report.contexts.length > 1
  const tagged = (title: string, headers: string[], rows: [string, ...string[]][]) =>
    section(title, fleet ? ['CONTEXT', ...headers] : headers, fleet ? rows : rows.map(([, ...cells]) => cells))
  const sections: ReportSection[] = [
    tagged('LIMIT RANGES', ['NAMESPACE', 'LIMITRANGE', 'TYPE', 'RESOURCE', 'MIN', 'MAX', 'DEFAULT REQUEST', 'DEFAULT LIMIT', 'MAX LIMIT/REQUEST RATIO'],
      report.namespaces.flatMap((ns) => ns.limitRanges.flatMap((lr) => lr.limits.map((limit): [string, ...string[]] => [
        ns.context, ns.namespace, lr.name, limit.type, limit.resource, limit.min ?? '-', limit.max ?? '-', limit.defaultRequest ?? '-', limit.default ?? '-', limit.maxLimitRequestRatio ?? '-',
      ])))),
    tagged('TOP CONSUMERS', ['NAMESPACE', 'QUOTA', 'RESOURCE', 'WORKLOAD', 'PODS', 'USED'],
      report.namespaces.flatMap((ns) => ns.quotas.flatMap((quota) => quota.top.flatMap(({resource, consumers}) => consumers.map((consumer): [string, ...string[]] => [
        ns.context, ns.namespace, quota.name, resource, `${consumer.kind.toLowerCase()}/${consumer.name}`, String(consumer.pods), consumer.used,
      ]))))),
    tagged('MISSING REQUESTS OR LIMITS (the next pod of these would be rejected)', ['NAMESPACE', 'POD', 'QUOTA', 'PROBLEM'],
      report.namespaces.flatMap((ns) => ns.missingRequests.map((missing): [string, ...string[]] => [ns.context, ns.namespace, missing.pod, missing.quota, missing.problem]))),
    tagged('DRIFT (status.used differs from what the objects charge; the quota controller may be lagging)', ['NAMESPACE', 'QUOTA', 'RESOURCE', 'STATUS.USED', 'RECOMPUTED'],
      report.namespaces.flatMap((ns) => ns.quotas.flatMap((quota) => quota.drift.map((drift): [string, ...string[]] => [ns.context, ns.namespace, quota.name, drift.resource, drift.statusUsed ?? '<none>', drift.recomputed])))),
    tagged('NAMESPACES WITHOUT A QUOTA OR LIMITRANGE', ['NAMESPACE', 'MISSING'],
      report.unconstrained.map((entry): [string, ...string[]] => [entry.context, entry.namespace, entry.missing.join(', ')])),
    section('CONTEXTS NOT READ (the report is incomplete)', ['CONTEXT', 'CODE', 'REASON'],
      report.errors.map((error) => [error.context, error.code, error.message])),
  ]
  return sections.filter((entry) => entry.view.rows.length > 0)
}

/** A titled table of plain string cells. */
export function section(title: string, headers: string[], rows: string[][]): ReportSection {
  return {
    title,
    view: {
      columns: headers.map((header, index) => ({header, value: (row: Record<string, string>) => row[index] as string})),
      rows: rows.map((cells) => Object.fromEntries(cells.map((cell, index) => [index, cell]))),
    },
  }
}
