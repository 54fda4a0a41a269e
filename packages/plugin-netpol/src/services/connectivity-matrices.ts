import {LabelSelector} from '@kubeline/core'
import {comparedTraffic, uncomparedPods} from '../domain/compared-traffic.js'
import {jointPartition} from '../domain/connectivity-diff.js'
import {allowedTable, connectivityMatrix} from '../domain/connectivity-matrix.js'
import type {EvaluationOptions} from '../domain/evaluate-traffic.js'
import type {PortSelection} from '../domain/port-list.js'
import type {Protocol} from '../domain/protocol.js'
import type {ClusterSource, LoadedCluster} from './load-cluster.js'
import {loadCluster} from './load-cluster.js'
import {requireNamespace} from './require-namespace.js'
import type {GroupBy, GroupedMatrix} from './pod-groups.js'
import {classOfPods, groupedMatrix, workloadOfPods} from './pod-groups.js'

export interface MatrixQuery {
  /** `--port`: listed ports, and/or each shown destination pod's declared ones. */
  ports: PortSelection
  protocols: readonly Protocol[]
  options: EvaluationOptions
  /** Show only the pods of this namespace (all policies still count); undefined: every pod. */
  namespace?: string
  /** Show only the pods this selector matches. */
  selector?: LabelSelector
  groupBy: GroupBy
}

/**
 * One truth table, in the `ConnectivityMatrix` JSON shape (pods sorted, `allowed[from][to]`, as
 * `allowedTable`): null only with `--port declared`, towards a pod not compared on this port.
 */
export interface MatrixResult {
  port: number
  protocol: Protocol
  pods: string[]
  allowed: Record<string, Record<string, boolean | null>>
}

export interface MatrixReport {
  results: MatrixResult[]
  /** The same tables folded by `--group-by` (absent for `pod`). */
  grouped?: GroupedMatrix[]
  /** With `--port declared`: shown pods towards which nothing is compared (they declare none of the protocols asked). */
  uncompared: string[]
}

/** `matrix`: one table per port x protocol over the whole cluster, narrowed to the pods asked for. */
export async function connectivityMatrices(source: ClusterSource, query: MatrixQuery): Promise<MatrixReport> {
  const cluster = await loadCluster(source)
  if (query.namespace !== undefined) requireNamespace(cluster.state, query.namespace, {offline: source.offline})
  return matrixReport(cluster, query)
}

/**
 * The tables of a loaded cluster: every listed port x protocol (as typed), and with `--port declared`
 * also every pair a shown pod declares (sorted, each once), each compared only towards the pods that
 * declare it. The shown pods (`-n`, `-l`) are narrowed after computing, so a 10,000-pod cluster
 * narrowed to one namespace stays small. With declared ports, `--group-by class` splits the engine's
 * classes by the ports compared towards each pod, as `diff` does.
 */
export function matrixReport(cluster: Pick<LoadedCluster, 'state' | 'representativePods'>, query: MatrixQuery): MatrixReport {
  const {state, representativePods} = cluster
  const selector = query.selector ?? LabelSelector.everything()
  const shownPods = state.pods.filter((pod) => (query.namespace === undefined || pod.metadata.namespace === query.namespace) && selector.matches(pod.metadata.labels ?? {}))
  const shown = new Set(shownPods.map((pod) => `${pod.metadata.namespace}/${pod.metadata.name}`))
  const {traffic, towardsPod} = comparedTraffic(shownPods, query.ports, query.protocols, query.options.namedPorts)
  const matrices = connectivityMatrix(state, {traffic, options: query.options})
  const scope = {shown, ...(towardsPod ? {towardsPod} : {})}
  const results = matrices.map((matrix) => ({port: matrix.port, protocol: matrix.protocol, pods: matrix.pods.filter((pod) => shown.has(pod)), allowed: allowedTable(matrix, scope)}))
  const uncompared = uncomparedPods(towardsPod)
  const [first] = matrices
  if (query.groupBy === 'pod' || first === undefined) return {results, uncompared}
  // The same matrix on both sides: its own classes, split by the traffic compared towards each pod.
  const groupOf = query.groupBy === 'class' ? classOfPods({...first, ...jointPartition(first, first, towardsPod)}, shown) : workloadOfPods(state.pods, representativePods)
  return {results, grouped: results.map((result) => groupedMatrix(result, groupOf)), uncompared}
}
