import type {ConnectionGraph, GraphEdge} from '../services/connection-graph.js'

export const GRAPH_FORMATS = ['dot', 'mermaid'] as const
export type GraphFormat = (typeof GRAPH_FORMATS)[number]

/** `TCP/80, TCP/443 (some pods)`: the ports an edge stands for; "some pods" when not every pair is allowed. */
export function edgeLabel(edge: GraphEdge): string {
  return edge.ports.map((entry) => `${entry.protocol}/${entry.port}${entry.reach === 'some' ? ' (some pods)' : ''}`).join(', ')
}

/** Dashed when no listed port is allowed for every pair of pods. */
export function isPartialEdge(edge: GraphEdge): boolean {
  return edge.ports.every((entry) => entry.reach === 'some')
}

/**
 * Graphviz: one `cluster_<namespace>` subgraph per namespace, group names as quoted IDs (so
 * dots, dashes and slashes need no mangling; `"` and `\` are escaped), edges labelled with ports.
 */
export function connectionGraphDot(graph: ConnectionGraph): string {
  const lines = ['digraph netpol {', '  rankdir=LR;', '  node [shape=box];']
  for (const {namespace, nodes} of graph.namespaces) {
    lines.push(`  subgraph ${dotId(`cluster_${namespace}`)} {`, `    label=${dotId(namespace)};`)
    lines.push(...nodes.map((node) => `    ${dotId(node.id)} [label=${dotId(node.label)}];`), '  }')
  }
  for (const edge of graph.edges) {
    lines.push(`  ${dotId(edge.from)} -> ${dotId(edge.to)} [label=${dotId(edgeLabel(edge))}${isPartialEdge(edge) ? ', style=dashed' : ''}];`)
  }
  return `${[...lines, '}'].join('\n')}\n`
}

function dotId(text: string): string {
  return `"${text.replace(/[\\"]/g, (character) => `\\${character}`)}"`
}

/**
 * Mermaid `flowchart LR`: Mermaid IDs cannot hold `/` or `.`, so nodes are `n0`, `n1`, ... and
 * namespaces `ns0`, ... (in sorted order) with the names as quoted labels (`"` as `#quot;`).
 * Partial edges are dotted (`-.->`).
 */
export function connectionGraphMermaid(graph: ConnectionGraph): string {
  const ids = new Map(graph.namespaces.flatMap((entry) => entry.nodes).map((node, index) => [node.id, `n${index}`]))
  const lines = ['flowchart LR']
  graph.namespaces.forEach(({namespace, nodes}, index) => {
    lines.push(`  subgraph ns${index}[${mermaidText(namespace)}]`, ...nodes.map((node) => `    ${ids.get(node.id) ?? ''}[${mermaidText(node.label)}]`), '  end')
  })
  for (const edge of graph.edges) {
    lines.push(`  ${ids.get(edge.from) ?? ''} ${isPartialEdge(edge) ? '-.->' : '-->'}|${mermaidText(edgeLabel(edge))}| ${ids.get(edge.to) ?? ''}`)
  }
  return `${lines.join('\n')}\n`
}

function mermaidText(text: string): string {
  return `"${text.replaceAll('"', '#quot;')}"`
}

export function renderConnectionGraph(graph: ConnectionGraph, format: GraphFormat): string {
  return format === 'dot' ? connectionGraphDot(graph) : connectionGraphMermaid(graph)
}
