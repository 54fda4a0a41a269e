import {BugError} from '../errors/kubeline-error.js'
import type {OutputFormat} from './output-format.js'
import {renderMarkdownTable} from './render-markdown-table.js'
import {renderTable} from './render-table.js'
import type {TableView} from './table-view.js'
import {toJson} from './to-json.js'
import {toYaml} from './to-yaml.js'

/**
 * Everything a command can show for one result; `renderResult` picks by `-o`.
 * `document` is the machine form (usually a `kubelineDocument`), printed
 * unchanged by `-o json|yaml`. The human forms are optional: `table` serves
 * table, wide and markdown; `text` is for results that are not a table.
 */
export interface ResultView<Row> {
  document: object
  table?: TableView<Row>
  /** `-o name` lines, e.g. from `objectName`. */
  names?: string[]
  text?: () => string
  markdown?: () => string
}

export interface RenderResultOptions {
  noHeaders?: boolean
}

/**
 * The text for stdout, ending in a newline, or the empty string when a table
 * has no rows. Human forms fall back: markdown to the markdown table, then to
 * the text; table/wide to the text; a view with no human form prints YAML.
 */
export function renderResult<Row>(view: ResultView<Row>, format: OutputFormat, options: RenderResultOptions = {}): string {
  switch (format) {
    case 'json':
      return toJson(view.document)
    case 'yaml':
      return toYaml(view.document)
    case 'name':
      if (view.names === undefined) throw new BugError('-o name was allowed for a result that has no names')
      return view.names.map((name) => `${name}\n`).join('')
    case 'markdown':
      return withFinalNewline(
        view.markdown?.() ?? (view.table ? renderMarkdownTable(view.table) : humanText(view)),
      )
    case 'table':
    case 'wide':
      if (view.table) return renderTable(view.table, {wide: format === 'wide', noHeaders: options.noHeaders})
      return withFinalNewline(humanText(view))
  }
}

function humanText<Row>(view: ResultView<Row>): string {
  return view.text?.() ?? toYaml(view.document)
}

function withFinalNewline(text: string): string {
  return text === '' || text.endsWith('\n') ? text : `${text}\n`
}
