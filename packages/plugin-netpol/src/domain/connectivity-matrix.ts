import type {ClassSet} from './class-set.js'
import {hasClass} from './class-set.js'
import {ClassReachability} from './class-reachability.js'
import type {TowardsPod} from './compared-traffic.js'
import {isComparedTowards} from './compared-traffic.js'
import type {CompiledCluster} from './compiled-cluster.js'
import {compiledCluster} from './compiled-cluster.js'
import {podEquivalenceClasses} from './equivalence-classes.js'
import type {EvaluationOptions, LoopbackMode} from './evaluate-traffic.js'
import {resolvedOptions} from './evaluate-traffic.js'
import type {ClusterState} from './kube-objects.js'
import type {PortMatcher, TrafficPort} from './port-matcher.js'
import type {Protocol} from './protocol.js'
import {parseProtocol, validatePortNumber} from './protocol.js'

/** Ports x protocols (ports outer, protocols inner), or exactly the `traffic` pairs, in their order. */
export type MatrixRequest = ({ports: readonly number[]; protocols: readonly Protocol[]} | {traffic: readonly TrafficPort[]}) & {options?: EvaluationOptions}

/**
 * The truth table for one port and protocol, kept per equivalence class so 10,000 pods stay small:
 * pod `i` (of `pods`, sorted `namespace/name`) is in class `classOfPod[i]`, and
 * `classAllowed[from * classCount + to]` is 1 when a pod of class `from` may reach one of class `to`.
 * Read it with `isAllowed`, or expand it with `allowedTable` for JSON.
 */
export interface ConnectivityMatrix {
  port: number
  protocol: Protocol
  pods: readonly string[]
  classOfPod: Int32Array
  classCount: number
  classAllowed: Uint8Array
  loopback: LoopbackMode
}

/**
 * One matrix per requested port and protocol, computed over equivalence classes:
 * each pair of classes is decided once, through the same tiers as evaluateTraffic. The diagonal
 * (a pod to itself) follows `options.loopback`.
 */
export function connectivityMatrix(cluster: ClusterState | CompiledCluster, request: MatrixRequest): ConnectivityMatrix[] {
  const compiled = compiledCluster(cluster, request.options ?? {})
  const options = resolvedOptions(request.options ?? {})
  const traffic = requestedTraffic(request)
  const {classes, classOfPod} = podEquivalenceClasses(compiled, options)
  const order = compiled.pods.map((pod, index) => ({name: `${pod.namespace}/${pod.name}`, index})).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  const pods = order.map((entry) => entry.name)
  const sortedClassOfPod = Int32Array.from(order, (entry) => classOfPod[entry.index] ?? 0)
  const reachability = new ClassReachability(compiled, classes, options)
  const classCount = classes.length
  return traffic.map(({port, protocol}) => {
    const portSets = new Map<PortMatcher, ClassSet>()
    const egress = classes.map((_, i) => reachability.allowedPeers(i, 'egress', {port, protocol}, portSets))
    const ingress = classes.map((_, i) => reachability.allowedPeers(i, 'ingress', {port, protocol}, portSets))
    const classAllowed = new Uint8Array(classCount * classCount)
    for (let from = 0; from < classCount; from++) {
      const row = egress[from] as ClassSet
      for (let to = 0; to < classCount; to++) {
        if (hasClass(row, to) && hasClass(ingress[to] as ClassSet, from)) classAllowed[from * classCount + to] = 1
      }
    }
    return {port, protocol, pods, classOfPod: sortedClassOfPod, classCount, classAllowed, loopback: options.loopback}
  })
}

/** The pairs to compute, every port and protocol checked first (INVALID_ARGUMENT). */
function requestedTraffic(request: MatrixRequest): TrafficPort[] {
  if ('traffic' in request) return request.traffic.map(({port, protocol}) => ({port: validatePortNumber(port), protocol: parseProtocol(protocol)}))
  const protocols = request.protocols.map(parseProtocol)
  request.ports.forEach((port) => validatePortNumber(port))
  return request.ports.flatMap((port) => protocols.map((protocol) => ({port, protocol})))
}

/** Whether pod `from` may reach pod `to` (indexes into `matrix.pods`). */
export function isAllowed(matrix: ConnectivityMatrix, from: number, to: number): boolean {
  if (from === to && matrix.loopback !== 'policy') return matrix.loopback === 'allow'
  const fromClass = matrix.classOfPod[from] ?? 0
  const toClass = matrix.classOfPod[to] ?? 0
  return matrix.classAllowed[fromClass * matrix.classCount + toClass] === 1
}

/** Which cells of a matrix `allowedTable` writes out. */
export interface TableScope {
  /** `namespace/name` of the pods whose rows and columns are kept; undefined: every pod. */
  shown?: ReadonlySet<string>
  /**
   * `namespace/name` of a destination pod -> the `trafficKey`s compared towards it (`--port declared`,
   * ComparedTraffic.towardsPod); a cell towards a pod not compared on the matrix's traffic is null.
   * Undefined: every pod is compared.
   */
  towardsPod?: TowardsPod
}

/**
 * `allowed[from][to]` for every pair (of `scope.shown`), keyed `namespace/name`: the `ConnectivityMatrix`
 * JSON shape. With `scope.towardsPod`, null where `to` is not compared; every pair still has a key.
 */
export function allowedTable(matrix: ConnectivityMatrix): Record<string, Record<string, boolean>>
export function allowedTable(matrix: ConnectivityMatrix, scope: TableScope): Record<string, Record<string, boolean | null>>
export function allowedTable(matrix: ConnectivityMatrix, scope: TableScope = {}): Record<string, Record<string, boolean | null>> {
  const indexes = matrix.pods.flatMap((pod, index) => (scope.shown === undefined || scope.shown.has(pod) ? [index] : []))
  const compared = indexes.map((to) => isComparedTowards(scope.towardsPod, matrix.pods[to] as string, matrix))
  const table: Record<string, Record<string, boolean | null>> = {}
  for (const from of indexes) {
    table[matrix.pods[from] as string] = Object.fromEntries(indexes.map((to, column) => [matrix.pods[to] as string, compared[column] === true ? isAllowed(matrix, from, to) : null]))
  }
  return table
}
