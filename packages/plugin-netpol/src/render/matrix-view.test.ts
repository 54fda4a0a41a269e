import {renderResult} from '@kubeline/core'
import {describe, expect, test} from 'vitest'
import type {MatrixReport, MatrixResult} from '../services/connectivity-matrices.js'
import {groupedMatrix} from '../services/pod-groups.js'
import {matrixView} from './matrix-view.js'

const pods = ['x/a', 'x/b', 'x/c']
/** Each row a string of cells in `pods` order: `.` true, `X` false, `_` null. */
function result(port: number, rows: string[]): MatrixResult {
  const cell = (mark: string | undefined) => (mark === '_' ? null : mark === '.')
  const allowed = Object.fromEntries(pods.map((from, i) => [from, Object.fromEntries(pods.map((to, j) => [to, cell(rows[i]?.[j])]))]))
  return {port, protocol: 'TCP', pods, allowed}
}
const render = (report: MatrixReport, format: 'table' | 'markdown' | 'json') => renderResult(matrixView(report), format)

describe('matrixView without --port declared (pinned: the output predating declared ports)', () => {
  const report: MatrixReport = {results: [result(80, ['..X', 'X.X', 'XX.'])], uncompared: []}

  test('table: . and X, no legend', () => {
    expect(render(report, 'table')).toBe('TCP/80\n-   x/a x/b x/c\nx/a .   .   X\nx/b X   .   X\nx/c X   X   .\n')
  })

  test('markdown: one table per result, no legend', () => {
    expect(render(report, 'markdown')).toBe('**TCP/80**\n\n| - | x/a | x/b | x/c |\n| --- | --- | --- | --- |\n| x/a | . | . | X |\n| x/b | X | . | X |\n| x/c | X | X | . |\n')
  })

  test('grouped: ~ for some, the members of a group of several pods under the table', () => {
    const [port80] = report.results as [MatrixResult]
    const grouped = {...report, grouped: [groupedMatrix(port80, new Map([['x/a', 'x/deployment/ab'], ['x/b', 'x/deployment/ab']]))]}
    expect(render(grouped, 'table')).toBe('TCP/80\n-               x/c x/deployment/ab\nx/c             .   X\nx/deployment/ab X   ~\nx/deployment/ab: x/a x/b\n')
  })
})

describe('matrixView with cells not compared (--port declared)', () => {
  // x/a declares 80, x/b declares 80 and 5432, x/c declares nothing.
  const report: MatrixReport = {results: [result(80, ['.._', 'X._', 'X._']), result(5432, ['_._', '_._', '_X_'])], uncompared: ['x/c']}

  test('table: _ for a cell not compared, explained under each table that has one', () => {
    expect(render(report, 'table')).toBe(
      [
        'TCP/80\n-   x/a x/b x/c\nx/a .   .   _\nx/b X   .   _\nx/c X   .   _\n_ not compared: the destination does not declare TCP/80 (--port declared)',
        'TCP/5432\n-   x/a x/b x/c\nx/a _   .   _\nx/b _   .   _\nx/c _   X   _\n_ not compared: the destination does not declare TCP/5432 (--port declared)\n',
      ].join('\n\n'),
    )
  })

  test('a table with every cell compared (a port listed beside declared) has no legend', () => {
    const listed: MatrixReport = {results: [result(9090, ['..X', 'X.X', 'XX.'])], uncompared: []}
    expect(render(listed, 'table')).not.toContain('not compared')
  })

  test('markdown: the cell escaped as \\_, the legend line after the table', () => {
    const [port80] = report.results as [MatrixResult]
    expect(render({results: [port80], uncompared: []}, 'markdown')).toBe(
      '**TCP/80**\n\n| - | x/a | x/b | x/c |\n| --- | --- | --- | --- |\n| x/a | . | . | \\_ |\n| x/b | X | . | \\_ |\n| x/c | X | . | \\_ |\n\n_ not compared: the destination does not declare TCP/80 (--port declared)\n',
    )
  })

  test('grouped: _ when no pair of the groups was compared, the not-compared line before the members', () => {
    const [port80] = report.results as [MatrixResult]
    const grouped = {...report, grouped: [groupedMatrix(port80, new Map([['x/a', 'x/deployment/ab'], ['x/b', 'x/deployment/ab']]))]}
    expect(render(grouped, 'table')).toBe(
      'TCP/80\n-               x/c x/deployment/ab\nx/c             _   ~\nx/deployment/ab _   ~\n_ not compared: the destination does not declare TCP/80 (--port declared)\nx/deployment/ab: x/a x/b\n',
    )
  })

  test('the ConnectivityMatrix document: null where not compared, every pair keyed; uncompared is not in it', () => {
    expect(JSON.parse(render(report, 'json'))).toEqual({
      apiVersion: 'kubeline.dev/v1alpha1',
      kind: 'ConnectivityMatrix',
      results: [
        {port: 80, protocol: 'TCP', pods, allowed: {'x/a': {'x/a': true, 'x/b': true, 'x/c': null}, 'x/b': {'x/a': false, 'x/b': true, 'x/c': null}, 'x/c': {'x/a': false, 'x/b': true, 'x/c': null}}},
        {port: 5432, protocol: 'TCP', pods, allowed: {'x/a': {'x/a': null, 'x/b': true, 'x/c': null}, 'x/b': {'x/a': null, 'x/b': true, 'x/c': null}, 'x/c': {'x/a': null, 'x/b': false, 'x/c': null}}},
      ],
    })
  })
})
