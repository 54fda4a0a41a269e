import type {TableView} from '@kubeline/core'
import type {QuotaReport} from '../services/collect-quota-report.js'

export interface ReportSection {
  title: string
  view: TableView<Record<string, string>>
}

/** The parts of the report after the quota table, each only when it has rows. */
export function reportSections(report: QuotaReport): ReportSection[] {
  const sections: ReportSection[] = [
    section('LIMIT RANGES', ['NAMESPACE', 'LIMITRANGE', 'TYPE', 'RESOURCE', 'MIN', 'MAX', 'DEFAULT REQUEST', 'DEFAULT LIMIT', 'MAX LIMIT/REQUEST RATIO'],
      report.namespaces.flatMap((ns) => ns.limitRanges.flatMap((lr) => lr.limits.map((limit) => [
        ns.namespace, lr.name, limit.type, limit.resource, limit.min ?? '-', limit.max ?? '-', limit.defaultRequest ?? '-', limit.default ?? '-', limit.maxLimitRequestRatio ?? '-',
      ])))),
    section('TOP CONSUMERS', ['NAMESPACE', 'QUOTA', 'RESOURCE', 'WORKLOAD', 'PODS', 'USED'],
      report.namespaces.flatMap((ns) => ns.quotas.flatMap((quota) => quota.top.flatMap(({resource, consumers}) => consumers.map((consumer) => [
        ns.namespace, quota.name, resource, `${consumer.kind.toLowerCase()}/${consumer.name}`, String(consumer.pods), consumer.used,
      ]))))),
    section('MISSING REQUESTS OR LIMITS (the next pod of these would be rejected)', ['NAMESPACE', 'POD', 'QUOTA', 'PROBLEM'],
      report.namespaces.flatMap((ns) => ns.missingRequests.map((missing) => [ns.namespace, missing.pod, missing.quota, missing.problem]))),
    section('DRIFT (status.used differs from what the objects charge; the quota controller may be lagging)', ['NAMESPACE', 'QUOTA', 'RESOURCE', 'STATUS.USED', 'RECOMPUTED'],
      report.namespaces.flatMap((ns) => ns.quotas.flatMap((quota) => quota.drift.map((drift) => [ns.namespace, quota.name, drift.resource, drift.statusUsed ?? '<none>', drift.recomputed])))),
    section('NAMESPACES WITHOUT A QUOTA OR LIMITRANGE', ['NAMESPACE', 'MISSING'],
      report.unconstrained.map((entry) => [entry.namespace, entry.missing.join(', ')])),
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
