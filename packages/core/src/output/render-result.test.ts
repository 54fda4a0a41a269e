import {describe, expect, test} from 'vitest'
import {BugError} from '../errors/kubeline-error.js'
import {renderResult} from './render-result.js'
import type {ResultView} from './render-result.js'

const document = {apiVersion: 'kubeline.dev/v1alpha1', kind: 'Check', items: [{name: 'a'}]}
const full: ResultView<{name: string; node: string}> = {
  document,
  table: {
    columns: [
      {header: 'NAME', value: (row) => row.name},
      {header: 'NODE', value: (row) => row.node, wide: true},
    ],
    rows: [{name: 'a', node: 'n1'}],
  },
  names: ['pod/a'],
}

describe('renderResult', () => {
  test.each([
    {format: 'json', want: `${JSON.stringify(document, null, 2)}\n`},
    {format: 'yaml', want: 'apiVersion: kubeline.dev/v1alpha1\nkind: Check\nitems:\n  - name: a\n'},
    {format: 'name', want: 'pod/a\n'},
    {format: 'table', want: 'NAME\na\n'},
    {format: 'wide', want: 'NAME   NODE\na      n1\n'},
    {format: 'markdown', want: '| NAME |\n| --- |\n| a |\n'},
  ] as const)('-o $format', ({format, want}) => {
    expect(renderResult(full, format)).toBe(want)
  })

  test('passes --no-headers to the table', () => {
    expect(renderResult(full, 'table', {noHeaders: true})).toBe('a\n')
  })

  test('prefers a view-specific markdown and text, adding the final newline', () => {
    const view = {document, text: () => 'All 3 checks passed.', markdown: () => '**All 3 checks passed.**'}
    expect(renderResult(view, 'table')).toBe('All 3 checks passed.\n')
    expect(renderResult(view, 'wide')).toBe('All 3 checks passed.\n')
    expect(renderResult(view, 'markdown')).toBe('**All 3 checks passed.**\n')
    expect(renderResult({document, text: () => 'plain\n'}, 'markdown')).toBe('plain\n')
  })

  test('a view with no human form prints its document as YAML', () => {
    expect(renderResult({document}, 'table')).toBe(renderResult({document}, 'yaml'))
  })

  test('an empty table stays empty so the caller can say "No resources found"', () => {
    expect(renderResult({...full, table: {columns: full.table!.columns, rows: []}}, 'table')).toBe('')
    expect(renderResult({...full, table: {columns: full.table!.columns, rows: []}}, 'markdown')).toBe('')
  })

  test('-o name on a view without names is a bug in the command, not a user error', () => {
    expect(() => renderResult({document}, 'name')).toThrow(BugError)
  })
})
