import {escapeTerminal} from './escape-terminal.js'
import {visibleColumns} from './table-view.js'
import type {TableView} from './table-view.js'

/**
 * A GitHub-flavoured markdown table (for PR comments and job summaries) of the
 * normal, non-wide columns; headers keep their case. Cells are escaped so that
 * `|`, emphasis characters and kubectl's `<none>` render as written, and line
 * breaks become `<br>`. No rows gives the empty string, like `renderTable`.
 */
export function renderMarkdownTable<Row>(view: TableView<Row>): string {
  if (view.rows.length === 0) return ''
  const columns = visibleColumns(view, false)
  const header = columns.map((column) => escapeMarkdownCell(column.header))
  const rule = columns.map((column) => (column.align === 'right' ? '---:' : '---'))
  const body = view.rows.map((row) => columns.map((column) => escapeMarkdownCell(column.value(row))))
  return [header, rule, ...body].map((cells) => `| ${cells.join(' | ')} |\n`).join('')
}

function escapeMarkdownCell(text: string): string {
  return text.split(/\r?\n/).map(escapeMarkdownLine).join('<br>')
}

function escapeMarkdownLine(line: string): string {
  return escapeTerminal(line)
    .replace(/[\\|*_`[\]]/g, (character) => `\\${character}`)
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
}
