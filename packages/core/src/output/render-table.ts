import {displayWidth} from './display-width.js'
import {escapeTerminal} from './escape-terminal.js'
import {visibleColumns} from './table-view.js'
import type {Column, TableView} from './table-view.js'

export interface RenderTableOptions {
  /** `-o wide`: include the columns marked `wide`. */
  wide?: boolean
  /** `--no-headers`, for `awk`/`xargs` pipelines. */
  noHeaders?: boolean
}

// kubectl's tab writer (cli-runtime printers.GetNewTabWriter): padding 3, minimum cell width 6.
const PADDING = 3
const MIN_CELL_WIDTH = 6

/**
 * kubectl-style table: upper-case headers, each column as wide as its widest
 * cell plus 3 spaces (at least 6 columns in all, as kubectl's tab writer),
 * control characters escaped, no trailing spaces. No rows gives the empty
 * string: the caller then says "No resources found" on stderr, as kubectl does.
 */
export function renderTable<Row>(view: TableView<Row>, options: RenderTableOptions = {}): string {
  if (view.rows.length === 0) return ''
  const columns = visibleColumns(view, options.wide === true)
  const header = columns.map((column) => escapeTerminal(column.header.toUpperCase()))
  const body = view.rows.map((row) => columns.map((column) => escapeTerminal(column.value(row))))
  const lines = options.noHeaders ? body : [header, ...body]
  const widths = columns.map((_, index) => Math.max(...lines.map((cells) => displayWidth(cells[index] ?? ''))))
  return lines.map((cells) => `${formatLine(cells, columns, widths)}\n`).join('')
}

function formatLine<Row>(cells: string[], columns: Column<Row>[], widths: number[]): string {
  const formatted = cells.map((cell, index) => {
    const width = widths[index] ?? 0
    const fill = ' '.repeat(width - displayWidth(cell))
    const aligned = columns[index]?.align === 'right' ? fill + cell : cell + fill
    const isLast = index === cells.length - 1
    return isLast ? aligned : aligned + ' '.repeat(Math.max(PADDING, MIN_CELL_WIDTH - width))
  })
  return formatted.join('').replace(/ +$/, '')
}
