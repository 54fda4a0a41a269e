import {describe, expect, test} from 'vitest'
import type {ConnectionGraph} from '../services/connection-graph.js'
import {connectionGraphDot, connectionGraphMermaid} from './connection-graph-text.js'

const graph: ConnectionGraph = {
  namespaces: [
    {namespace: 'shop', nodes: [{id: 'shop/deployment/api', label: 'deployment/api'}, {id: 'shop/web', label: 'web'}]},
    {namespace: 'team.b', nodes: [{id: 'team.b/db-0', label: 'db-0'}, {id: 'team.b/odd"name\\', label: 'odd"name\\'}]},
  ],
  edges: [
    {from: 'shop/deployment/api', to: 'team.b/db-0', ports: [{port: 5432, protocol: 'TCP', reach: 'all'}]},
    {from: 'shop/web', to: 'shop/deployment/api', ports: [{port: 80, protocol: 'TCP', reach: 'all'}, {port: 443, protocol: 'TCP', reach: 'some'}]},
    {from: 'shop/web', to: 'team.b/odd"name\\', ports: [{port: 53, protocol: 'UDP', reach: 'some'}]},
  ],
}

describe('matrix graphs', () => {
  test('-o dot: namespaces as clusters, quoted and escaped IDs, partial edges dashed', () => {
    expect(connectionGraphDot(graph)).toBe(`digraph netpol {
  rankdir=LR;
  node [shape=box];
  subgraph "cluster_shop" {
    label="shop";
    "shop/deployment/api" [label="deployment/api"];
    "shop/web" [label="web"];
  }
  subgraph "cluster_team.b" {
    label="team.b";
    "team.b/db-0" [label="db-0"];
    "team.b/odd\\"name\\\\" [label="odd\\"name\\\\"];
  }
  "shop/deployment/api" -> "team.b/db-0" [label="TCP/5432"];
  "shop/web" -> "shop/deployment/api" [label="TCP/80, TCP/443 (some pods)"];
  "shop/web" -> "team.b/odd\\"name\\\\" [label="UDP/53 (some pods)", style=dashed];
}
`)
  })

  test('-o mermaid: generated node IDs, names as quoted labels, partial edges dotted', () => {
    expect(connectionGraphMermaid(graph)).toBe(`flowchart LR
  subgraph ns0["shop"]
    n0["deployment/api"]
    n1["web"]
  end
  subgraph ns1["team.b"]
    n2["db-0"]
    n3["odd#quot;name\\"]
  end
  n0 -->|"TCP/5432"| n2
  n1 -->|"TCP/80, TCP/443 (some pods)"| n0
  n1 -.->|"UDP/53 (some pods)"| n3
`)
  })

  test('an empty graph is still a valid document', () => {
    expect(connectionGraphDot({namespaces: [], edges: []})).toBe('digraph netpol {\n  rankdir=LR;\n  node [shape=box];\n}\n')
    expect(connectionGraphMermaid({namespaces: [], edges: []})).toBe('flowchart LR\n')
  })
})
