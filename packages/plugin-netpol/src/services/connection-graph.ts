import type {Protocol} from '../domain/protocol.js'
import type {MatrixReport} from './connectivity-matrices.js'
import type {GroupedMatrix} from './pod-groups.js'
import {groupedMatrix} from './pod-groups.js'

export interface GraphNode {
  /** The group's name, `namespace/...`: unique in the graph. */
  id: string
  /** The name without its namespace: `deployment/web`, `a`. */
  label: string
}

export interface GraphNamespace {
  namespace: string
  nodes: GraphNode[]
}

/** One port x protocol an edge stands for: every compared pair of pods allowed, or only some. */
export interface GraphEdgePort {
  port: number
  protocol: Protocol
  reach: 'all' | 'some'
}

export interface GraphEdge {
  from: string
  to: string
  ports: GraphEdgePort[]
}

/** The allowed connections between groups of pods, for `matrix -o dot|mermaid`. */
export interface ConnectionGraph {
  namespaces: GraphNamespace[]
  edges: GraphEdge[]
}

/**
 * One graph for every requested port x protocol: an edge from group A to group B when some pod of
 * A may reach some pod of B on at least one of them, listing those ports (in request order); with
 * `--port declared` only the pairs compared count (a port no pod of B declares draws nothing). A
 * group's edge to itself is drawn only for groups of several pods (a one-pod group's diagonal is
 * its loopback, which --loopback decides, not the policies). Namespaces, groups and edges are
 * sorted by name, so the text is deterministic.
 */
export function connectionGraph(report: MatrixReport): ConnectionGraph {
  const matrices: GroupedMatrix[] = report.grouped ?? report.results.map((result) => groupedMatrix(result, new Map()))
  const groups = matrices[0]?.groups ?? []
  const namespaces = new Map<string, GraphNode[]>()
  for (const group of groups) {
    const [namespace = '', ...rest] = group.name.split('/')
    namespaces.set(namespace, [...(namespaces.get(namespace) ?? []), {id: group.name, label: rest.join('/')}])
  }
  const edges = groups.flatMap((from) =>
    groups.flatMap((to): GraphEdge[] => {
      if (from.name === to.name && from.pods.length === 1) return []
      const ports = matrices.flatMap((matrix): GraphEdgePort[] => {
        const reach = matrix.reach[from.name]?.[to.name] ?? 'none'
        return reach === 'none' || reach === 'not-compared' ? [] : [{port: matrix.port, protocol: matrix.protocol, reach}]
      })
      return ports.length === 0 ? [] : [{from: from.name, to: to.name, ports}]
    }),
  )
  return {namespaces: [...namespaces].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([namespace, nodes]) => ({namespace, nodes})), edges}
}
