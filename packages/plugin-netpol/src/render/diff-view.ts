import {kubelineDocument, renderMarkdownTable, renderTable} from '@kubeline/core'
import type {ResultView, TableView} from '@kubeline/core'
import type {ProposedPolicy} from '../domain/proposed-cluster.js'
import type {DiffReport, DiffedConnection} from '../services/diff-connectivity.js'
import {describePolicy} from './describe-rule.js'

/** `diff`: the changed connections, as a table, a Markdown PR comment or the ConnectivityDiff document. */
export function diffView(report: DiffReport): ResultView<never> {
  const table = changesTable(report.changes)
  return {
    document: kubelineDocument('ConnectivityDiff', {
      groupBy: report.groupBy,
      traffic: report.traffic,
      proposedPolicies: report.policies,
      summary: summaryCounts(report),
      changes: report.changes.map(changeDocument),
      unmatchedAcks: report.unmatchedAcks,
    }),
    text: () => [proposedLine(report.policies), renderTable(table).trimEnd(), summaryLine(report)].filter((line) => line !== '').join('\n'),
    markdown: () =>
      [`### NetworkPolicy diff: ${summaryLine(report)}`, proposedLine(report.policies, (text) => `\`${text}\``), renderMarkdownTable(table).trimEnd()].filter((line) => line !== '').join('\n\n'),
  }
}

function summaryCounts(report: DiffReport) {
  const denied = report.changes.filter((change) => change.change === 'newly-denied').length
  return {newlyDenied: denied, newlyAllowed: report.changes.length - denied, unacknowledged: report.changes.filter((change) => change.blocking).length}
}

/** `2 newly denied (1 not acknowledged), 1 newly allowed on TCP/80` */
function summaryLine(report: DiffReport): string {
  const traffic = trafficText(report.traffic)
  if (report.changes.length === 0) return `no connection changes its verdict on ${traffic}`
  const {newlyDenied, newlyAllowed, unacknowledged} = summaryCounts(report)
  const pending = newlyDenied > 0 ? ` (${unacknowledged === 0 ? 'all' : `${unacknowledged} not`} acknowledged)` : ''
  return `${newlyDenied} newly denied${pending}, ${newlyAllowed} newly allowed on ${traffic}`
}

/** `TCP/80, UDP/53`; with declared ports `TCP/9090 and the declared ports TCP/80, TCP/5432`. */
function trafficText(traffic: DiffReport['traffic']): string {
  const named = (pairs: DiffReport['traffic']) => pairs.map(({port, protocol}) => `${protocol}/${port}`).join(', ')
  // Only `--port declared` leaves nothing to compare: no pod declares a port of the protocols asked.
  if (traffic.length === 0) return 'the declared ports (no pod declares one)'
  const declared = traffic.filter((pair) => pair.towards === 'declaring-pods')
  if (declared.length === 0) return named(traffic)
  const everyPod = traffic.filter((pair) => pair.towards !== 'declaring-pods')
  return `${everyPod.length === 0 ? '' : `${named(everyPod)} and `}the declared ports ${named(declared)}`
}

function proposedLine(policies: readonly ProposedPolicy[], quote: (text: string) => string = (text) => text): string {
  if (policies.length === 0) return 'Proposed: no policies'
  return `Proposed: ${policies.map((policy) => `${quote(describePolicy(policy))} (${policy.change === 'added' ? 'new' : 'replaces the current one'})`).join(', ')}`
}

function changesTable(changes: DiffedConnection[]): TableView<DiffedConnection> {
  return {
    columns: [
      {header: 'Change', value: (change) => (change.change === 'newly-denied' ? 'newly denied' : 'newly allowed')},
      {header: 'From', value: (change) => change.from},
      {header: 'To', value: (change) => change.to},
      {header: 'Port', value: (change) => `${change.protocol}/${change.port}`},
      {header: 'Pod pairs', value: (change) => String(change.podPairs), align: 'right'},
      {header: 'Acknowledged', value: acknowledgement},
    ],
    rows: changes,
  }
}

function acknowledgement(change: DiffedConnection): string {
  if (change.change === 'newly-allowed') return '-'
  return change.acknowledgedBy === undefined ? 'NO' : `yes (${change.acknowledgedBy})`
}

function changeDocument(change: DiffedConnection) {
  return {
    change: change.change,
    from: change.from,
    to: change.to,
    port: change.port,
    protocol: change.protocol,
    podPairs: change.podPairs,
    blocking: change.blocking,
    ...(change.acknowledgedBy === undefined ? {} : {acknowledgedBy: change.acknowledgedBy}),
  }
}
