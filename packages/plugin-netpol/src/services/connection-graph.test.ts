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
    const report: MatrixReport = {results: [result(80, ['shop/web>shop/api-1', 'shop/api-1>team.b/db']), result(443, ['shop/web>shop/api-1'])]}
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
    const report: MatrixReport = {results: [port80], grouped: [groupedMatrix(port80, workloads)]}
    expect(connectionGraph(report).edges).toEqual([
      {from: 'shop/deployment/api', to: 'shop/deployment/api', ports: [{port: 80, protocol: 'TCP', reach: 'all'}]},
      {from: 'shop/web', to: 'shop/deployment/api', ports: [{port: 80, protocol: 'TCP', reach: 'some'}]},
    ])
  })
})
