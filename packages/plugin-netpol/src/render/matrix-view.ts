import {kubelineDocument, renderMarkdownTable} from '@kubeline/core'
import type {ResultView} from '@kubeline/core'
import type {MatrixReport} from '../services/connectivity-matrices.js'
import type {GroupReach} from '../services/pod-groups.js'

/** A cell `--port declared` does not compare: no pod of the column declares the port. */
const NOT_COMPARED = '_'
const REACH_MARK: Record<GroupReach, string> = {all: '.', none: 'X', some: '~', 'not-compared': NOT_COMPARED}

interface TruthTable {
  title: string
  /** Header row first; `-` in the corner. */
  rows: string[][]
  legend: string[]
}

/**
 * `matrix`: one truth table per port x protocol, `.` allowed and `X` denied, rows = source,
 * columns = destination, `-` in the corner, as the upstream conformance tests print them
 * (kubernetes test/e2e/network/netpol/truthtable.go PrettyPrint); grouped tables add `~` for
 * "some pods only". With `--port declared`, `_` is a cell not compared, explained under the tables
 * that have one. JSON kind ConnectivityMatrix, always per pod (null: not compared).
 */
export function matrixView(report: MatrixReport): ResultView<never> {
  const tables = truthTables(report)
  return {
    document: kubelineDocument('ConnectivityMatrix', {results: report.results}),
    text: () => tables.map((table) => [table.title, alignedRows(table.rows), ...table.legend].join('\n')).join('\n\n'),
    markdown: () => tables.map((table) => [`**${table.title}**`, '', markdownTable(table.rows), ...table.legend.map((line) => `\n${line}`)].join('\n')).join('\n\n'),
  }
}

function truthTables(report: MatrixReport): TruthTable[] {
  if (report.grouped === undefined) {
    return report.results.map((result) => {
      const title = `${result.protocol}/${result.port}`
      const rows = [['-', ...result.pods], ...result.pods.map((from) => [from, ...result.pods.map((to) => podMark(result.allowed[from]?.[to]))])]
      return {title, rows, legend: notComparedLegend(title, rows)}
    })
  }
  return report.grouped.map((matrix) => {
    const names = matrix.groups.map((group) => group.name)
    const title = `${matrix.protocol}/${matrix.port}`
    const rows = [['-', ...names], ...names.map((from) => [from, ...names.map((to) => REACH_MARK[matrix.reach[from]?.[to] ?? 'none'])])]
    const members = matrix.groups.filter((group) => group.pods.length > 1).map((group) => `${group.name}: ${group.pods.join(' ')}`)
    return {title, rows, legend: [...notComparedLegend(title, rows), ...members]}
  })
}

function podMark(allowed: boolean | null | undefined): string {
  if (allowed === null) return NOT_COMPARED
  return allowed === true ? '.' : 'X'
}

/** Only a table with a cell not compared explains it: without `--port declared` nothing is added. */
function notComparedLegend(title: string, rows: readonly string[][]): string[] {
  const hasNotCompared = rows.slice(1).some((row) => row.slice(1).includes(NOT_COMPARED))
  return hasNotCompared ? [`${NOT_COMPARED} not compared: the destination does not declare ${title} (--port declared)`] : []
}

function alignedRows(rows: readonly string[][]): string {
  const widths = (rows[0] ?? []).map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0)))
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' ').trimEnd()).join('\n')
}

function markdownTable(table: readonly string[][]): string {
  const [header = [], ...rows] = table
  return renderMarkdownTable({columns: header.map((title, column) => ({header: title, value: (row: string[]) => row[column] ?? ''})), rows}).trimEnd()
}
