/** One column of a human table: how to turn a row into the text of its cell. */
export interface Column<Row> {
  /** Printed upper-cased in `table`/`wide` form, as given in `markdown`. */
  header: string
  value: (row: Row) => string
  /** Shown only with `-o wide` (and never in markdown). */
  wide?: boolean
  align?: 'left' | 'right'
}

export interface TableView<Row> {
  columns: Column<Row>[]
  rows: Row[]
}

/** The columns shown in the normal form, or in the wide form too. */
export function visibleColumns<Row>(view: TableView<Row>, wide: boolean): Column<Row>[] {
  return view.columns.filter((column) => wide || column.wide !== true)
}
