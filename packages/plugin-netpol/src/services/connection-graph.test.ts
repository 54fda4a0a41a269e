import {describe, expect, test} from 'vitest'
import type {MatrixReport, MatrixResult} from './connectivity-matrices.js'
import {connectionGraph} from './connection-graph.js'
import {groupedMatrix} from './pod-groups.js'

const pods = ['shop/api-1', 'shop/api-2', 'shop/web', 'team.b/db']
/** `allowed[from][to]` from the list of allowed pairs (every pod may reach itself). */
function result(port: number, pairs: string[]): MatrixResult {
  const allowed = Object.fromEntries(pods.map((from) => [from, Object.fromEntries(pods.map((to) => [to, from === to || pairs.includes(`${from}>${to}`)]))]))
  return {port, protocol: 'TCP', pods, allowed}
}
const workloads = new Map([['shop/api-1', 'shop/deployment/api'], ['shop/api-2', 'shop/deployment/api']])

describe('connectionGraph', () => {
  test('per pod: nodes by namespace, no loopback edges, ports in request order', () => {
    const report: MatrixReport = {results: [result(80, ['shop/web>shop/api-1', 'shop/api-1>team.b/db']), result(443, ['shop/web>shop/api-1'])], uncompared: []}
    expect(connectionGraph(report)).toEqual({
      namespaces: [
        {namespace: 'shop', nodes: [{id: 'shop/api-1', label: 'api-1'}, {id: 'shop/api-2', label: 'api-2'}, {id: 'shop/web', label: 'web'}]},
        {namespace: 'team.b', nodes: [{id: 'team.b/db', label: 'db'}]},
      ],
      edges: [
        {from: 'shop/api-1', to: 'team.b/db', ports: [{port: 80, protocol: 'TCP', reach: 'all'}]},
        {from: 'shop/web', to: 'shop/api-1', ports: [{port: 80, protocol: 'TCP', reach: 'all'}, {port: 443, protocol: 'TCP', reach: 'all'}]},
      ],
    })
  })

  test('grouped: "some" when only some pod pairs are allowed; a multi-pod group may reach itself', () => {
    const port80 = result(80, ['shop/web>shop/api-1', 'shop/api-1>shop/api-2', 'shop/api-2>shop/api-1'])
    const report: MatrixReport = {results: [port80], grouped: [groupedMatrix(port80, workloads)], uncompared: []}
    expect(connectionGraph(report).edges).toEqual([
      {from: 'shop/deployment/api', to: 'shop/deployment/api', ports: [{port: 80, protocol: 'TCP', reach: 'all'}]},
      {from: 'shop/web', to: 'shop/deployment/api', ports: [{port: 80, protocol: 'TCP', reach: 'some'}]},
    ])
  })

  test('--port declared: edges only for compared, allowed pairs; "some" counts the compared pairs only', () => {
    // On 80 only shop/api-1 and shop/api-2 are compared (they declare it); on 5432 only team.b/db.
    const declared = (port: number, pairs: string[], declaring: string[]): MatrixResult => {
      const table = result(port, pairs)
      return {...table, allowed: Object.fromEntries(Object.entries(table.allowed).map(([from, row]) => [from, Object.fromEntries(Object.entries(row).map(([to, allowed]) => [to, declaring.includes(to) ? allowed : null]))]))}
    }
    const port80 = declared(80, ['shop/web>shop/api-1', 'shop/web>team.b/db', 'shop/api-1>shop/api-2', 'shop/api-2>shop/api-1'], ['shop/api-1', 'shop/api-2'])
    const port5432 = declared(5432, ['shop/api-1>team.b/db', 'shop/api-2>team.b/db', 'shop/web>shop/api-1'], ['team.b/db'])
    const report: MatrixReport = {results: [port80, port5432], grouped: [groupedMatrix(port80, workloads), groupedMatrix(port5432, workloads)], uncompared: ['shop/web']}
    expect(connectionGraph(report).edges).toEqual([
      {from: 'shop/deployment/api', to: 'shop/deployment/api', ports: [{port: 80, protocol: 'TCP', reach: 'all'}]},
      {from: 'shop/deployment/api', to: 'team.b/db', ports: [{port: 5432, protocol: 'TCP', reach: 'all'}]},
      {from: 'shop/web', to: 'shop/deployment/api', ports: [{port: 80, protocol: 'TCP', reach: 'some'}]},
    ])
  })
})
