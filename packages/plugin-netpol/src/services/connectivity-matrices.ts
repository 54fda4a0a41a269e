import {LabelSelector} from '@kubeline/core'
import type {ConnectivityMatrix} from '../domain/connectivity-matrix.js'
import {connectivityMatrix, isAllowed} from '../domain/connectivity-matrix.js'
import type {EvaluationOptions} from '../domain/evaluate-traffic.js'
import type {Protocol} from '../domain/protocol.js'
import type {ClusterSource} from './load-cluster.js'
import {loadCluster} from './load-cluster.js'
import type {GroupBy, GroupedMatrix} from './pod-groups.js'
import {classOfPods, groupedMatrix, workloadOfPods} from './pod-groups.js'

export interface MatrixQuery {
  ports: readonly number[]
  protocols: readonly Protocol[]
  options: EvaluationOptions
  /** Show only the pods of this namespace (all policies still count); undefined: every pod. */
  namespace?: string
  /** Show only the pods this selector matches. */
  selector?: LabelSelector
  groupBy: GroupBy
}

/** One truth table, in the `ConnectivityMatrix` JSON shape (pods sorted, `allowed[from][to]`, as `allowedTable`). */
export interface MatrixResult {
  port: number
  protocol: Protocol
  pods: string[]
  allowed: Record<string, Record<string, boolean>>
}

export interface MatrixReport {
  results: MatrixResult[]
  /** The same tables folded by `--group-by` (absent for `pod`). */
  grouped?: GroupedMatrix[]
}

/** `matrix`: one table per port x protocol over the whole cluster, narrowed to the pods asked for. */
export async function connectivityMatrices(source: ClusterSource, query: MatrixQuery): Promise<MatrixReport> {
  const {state, representativePods} = await loadCluster(source)
  const shown = new Set(
    state.pods
      .filter((pod) => query.namespace === undefined || pod.metadata.namespace === query.namespace)
      .filter((pod) => (query.selector ?? LabelSelector.everything()).matches(pod.metadata.labels ?? {}))
      .map((pod) => `${pod.metadata.namespace}/${pod.metadata.name}`),
  )
  const matrices = connectivityMatrix(state, {ports: query.ports, protocols: query.protocols, options: query.options})
  const results = matrices.map((matrix) => narrowed(matrix, shown))
  if (query.groupBy === 'pod' || matrices[0] === undefined) return {results}
  const groupOf = query.groupBy === 'class' ? classOfPods(matrices[0], shown) : workloadOfPods(state.pods, representativePods)
  return {results, grouped: results.map((result) => groupedMatrix(result, groupOf))}
}

/** The table of the shown pods only: a 10,000-pod cluster narrowed to one namespace stays small. */
function narrowed(matrix: ConnectivityMatrix, shown: ReadonlySet<string>): MatrixResult {
  const indexes = matrix.pods.flatMap((pod, index) => (shown.has(pod) ? [index] : []))
  const pods = indexes.map((index) => matrix.pods[index] as string)
  const allowed: Record<string, Record<string, boolean>> = {}
  indexes.forEach((from, row) => {
    allowed[pods[row] as string] = Object.fromEntries(indexes.map((to, column) => [pods[column] as string, isAllowed(matrix, from, to)]))
  })
  return {port: matrix.port, protocol: matrix.protocol, pods, allowed}
}
