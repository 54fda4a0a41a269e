import {expect, test} from 'vitest'
import {renderMarkdownTable} from './render-markdown-table.js'
import type {TableView} from './table-view.js'

const view: TableView<[string, string, string]> = {
  columns: [
    {header: 'Namespace', value: (row) => row[0]},
    {header: 'Used', value: (row) => row[1], align: 'right'},
    {header: 'Node', value: (row) => row[2], wide: true},
  ],
  rows: [
    ['payments', '1500m', 'a'],
    ['a|b *c* _d_ `e` [f]', '<none>', 'b'],
    ['two\nlines', 'back\\slash', 'c'],
  ],
}

test('renders a GitHub table with escaped cells and without the wide columns', () => {
  expect(renderMarkdownTable(view)).toBe(
    [
      '| Namespace | Used |',
      '| --- | ---: |',
      '| payments | 1500m |',
      '| a\\|b \\*c\\* \\_d\\_ \\`e\\` \\[f\\] | &lt;none&gt; |',
      '| two<br>lines | back\\\\slash |',
      '',
    ].join('\n'),
  )
})

test('escapes terminal control characters too', () => {
  expect(renderMarkdownTable({columns: [view.columns[0]!], rows: [['x\u001b[31m', '', '']]})).toContain('| x^\\[\\[31m |')
})

test('no rows renders nothing', () => {
  expect(renderMarkdownTable({columns: view.columns, rows: []})).toBe('')
})
