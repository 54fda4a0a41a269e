import {describe, expect, test} from 'vitest'
import {renderTable} from './render-table.js'
import type {TableView} from './table-view.js'

interface Pod {
  name: string
  ready: string
  status: string
  restarts: number
  age: string
  node: string
}

const pods: TableView<Pod> = {
  columns: [
    {header: 'name', value: (pod) => pod.name},
    {header: 'Ready', value: (pod) => pod.ready},
    {header: 'STATUS', value: (pod) => pod.status},
    {header: 'RESTARTS', value: (pod) => String(pod.restarts)},
    {header: 'AGE', value: (pod) => pod.age},
    {header: 'NODE', value: (pod) => pod.node, wide: true},
  ],
  rows: [
    {name: 'web-7d4b9c8f5d-abcde', ready: '1/1', status: 'Running', restarts: 0, age: '5d', node: 'node-a'},
    {name: 'db-0', ready: '0/1', status: 'CrashLoopBackOff', restarts: 12, age: '3h', node: 'node-b'},
  ],
}

describe('renderTable', () => {
  test('lays out columns as kubectl get does', () => {
    expect(renderTable(pods)).toBe(
      [
        'NAME                   READY   STATUS             RESTARTS   AGE',
        'web-7d4b9c8f5d-abcde   1/1     Running            0          5d',
        'db-0                   0/1     CrashLoopBackOff   12         3h',
        '',
      ].join('\n'),
    )
  })

  test('adds the wide columns with -o wide', () => {
    expect(renderTable(pods, {wide: true}).split('\n')[1]).toBe(
      'web-7d4b9c8f5d-abcde   1/1     Running            0          5d    node-a',
    )
  })

  test('--no-headers drops the header and sizes columns by the rows alone', () => {
    expect(renderTable({columns: pods.columns.slice(0, 2), rows: pods.rows}, {noHeaders: true})).toBe(
      'web-7d4b9c8f5d-abcde   1/1\ndb-0                   0/1\n',
    )
  })

  test('narrow columns are at least 6 wide, as kubectl tab writer makes them', () => {
    const view: TableView<[string, string]> = {
      columns: [{header: 'OK', value: (row) => row[0]}, {header: 'X', value: (row) => row[1]}],
      rows: [['y', 'z']],
    }
    expect(renderTable(view)).toBe('OK    X\ny     z\n')
  })

  test('right-aligned columns pad on the left', () => {
    const view: TableView<[string, string]> = {
      columns: [
        {header: 'RESOURCE', value: (row) => row[0]},
        {header: 'USED', value: (row) => row[1], align: 'right'},
      ],
      rows: [['cpu', '1500m'], ['memory', '2Gi']],
    }
    expect(renderTable(view)).toBe('RESOURCE    USED\ncpu        1500m\nmemory       2Gi\n')
  })

  test('never leaves trailing spaces, even after an empty last cell', () => {
    const view: TableView<[string, string]> = {
      columns: [{header: 'NAME', value: (row) => row[0]}, {header: 'NOTE', value: (row) => row[1]}],
      rows: [['a', ''], ['b', 'x']],
    }
    const text = renderTable(view)
    expect(text).toBe('NAME   NOTE\na\nb      x\n')
    expect(text).not.toMatch(/ \n/)
  })

  test('escapes control characters so a hostile label cannot move the cursor or add rows', () => {
    const view: TableView<string> = {columns: [{header: 'NAME', value: (row) => row}, {header: 'END', value: () => '.'}], rows: ['evil\u001b[2J\r\nrow', 'ok']}
    expect(renderTable(view)).toBe('NAME               END\nevil^[[2J\\r\\nrow   .\nok                 .\n')
  })

  test('aligns East Asian wide characters by display width', () => {
    const view: TableView<[string, string]> = {
      columns: [{header: 'NAME', value: (row) => row[0]}, {header: 'TEAM', value: (row) => row[1]}],
      rows: [['決済', 'a'], ['web', 'b']],
    }
    expect(renderTable(view)).toBe('NAME   TEAM\n決済   a\nweb    b\n')
  })

  test('no rows renders nothing: the caller reports "No resources found"', () => {
    expect(renderTable({columns: pods.columns, rows: []})).toBe('')
  })
})
