import {BugError} from '@kubeline/core'
import type {TowardsPod} from './compared-traffic.js'
import {trafficKey} from './compared-traffic.js'
import type {ConnectivityMatrix} from './connectivity-matrix.js'
import type {Protocol} from './protocol.js'

export type ConnectionChangeKind = 'newly-denied' | 'newly-allowed'

/** Connections from one group to another whose verdict changes on one port and protocol. */
export interface ConnectionChange {
  change: ConnectionChangeKind
  from: string
  to: string
  port: number
  protocol: Protocol
  /** How many (source pod, destination pod) pairs of these groups change. */
  podPairs: number
}

/**
 * Pods that behave the same before AND after: one class per pair of (before class, after class),
 * split further by the traffic compared towards each pod when that is per pod (`--port declared`).
 */
export interface JointPartition {
  classOfPod: Int32Array
  classCount: number
}

export interface DiffScope {
  /** `namespace/name` of a pod -> the name of its row (a pod absent here is its own group). */
  groupOf: ReadonlyMap<string, string>
  /** Only connections with a source or a destination in this set; undefined: every connection. */
  inScope?: ReadonlySet<string>
  /**
   * `namespace/name` of a destination pod -> the `trafficKey`s (`5432/TCP`) compared towards it, a
   * pod absent here: none (ComparedTraffic.towardsPod). Undefined: every matrix towards every pod.
   */
  towardsPod?: TowardsPod
}

/** Per class: each group's pods, and how many of them are out of scope. */
type ClassGroups = Map<string, {pods: number; outOfScope: number}>

/**
 * The connections whose verdict differs between two sets of matrices of the same pods (one per
 * port x protocol, in the same order). Decided once per pair of joint classes, never pod by pod:
 * a class pair that changes contributes |from group| x |to group| pod pairs to every pair of
 * groups its pods belong to. A pod's traffic to itself changes only with `loopback: policy`. With
 * `towardsPod`, the joint classes are split by it first, so a class towards which a matrix's traffic
 * is not compared is skipped as a whole, before its pods are counted into groups.
 * Sorted: newly denied first, then by source, destination, port and protocol.
 */
export function connectivityChanges(before: readonly ConnectivityMatrix[], after: readonly ConnectivityMatrix[], scope: DiffScope): ConnectionChange[] {
  if (before.length !== after.length) throw new BugError('connectivityChanges: the two sides have different ports or protocols')
  const [first, firstAfter] = [before[0], after[0]]
  if (first === undefined || firstAfter === undefined) return []
  const partition = jointPartition(first, firstAfter, scope.towardsPod)
  const groups = classGroups(first.pods, partition, scope)
  const representatives = classRepresentatives(partition)
  const towardsClass = representatives.map((pod) => scope.towardsPod?.get(first.pods[pod] ?? ''))
  const changes = new Map<string, ConnectionChange>()
  before.forEach((beforeMatrix, index) => {
    const afterMatrix = after[index] as ConnectivityMatrix
    const key = trafficKey(beforeMatrix)
    for (let to = 0; to < partition.classCount; to++) {
      if (scope.towardsPod !== undefined && towardsClass[to]?.has(key) !== true) continue
      for (let from = 0; from < partition.classCount; from++) {
        const wasAllowed = classAllowed(beforeMatrix, representatives[from] ?? 0, representatives[to] ?? 0)
        const isAllowed = classAllowed(afterMatrix, representatives[from] ?? 0, representatives[to] ?? 0)
        if (wasAllowed === isAllowed) continue
        const change = isAllowed ? 'newly-allowed' : 'newly-denied'
        const withoutSelf = from === to && beforeMatrix.loopback !== 'policy'
        addGroupPairs(changes, {change, port: beforeMatrix.port, protocol: beforeMatrix.protocol}, groups[from] as ClassGroups, groups[to] as ClassGroups, withoutSelf)
      }
    }
  })
  return [...changes.values()].sort(compareChanges)
}

/**
 * Refines the partitions of two matrices of the same pods into their common one; with `towardsPod`
 * (see DiffScope), pods compared on different traffic are split too.
 */
export function jointPartition(before: ConnectivityMatrix, after: ConnectivityMatrix, towardsPod?: TowardsPod): JointPartition {
  if (before.pods.length !== after.pods.length || before.pods.some((pod, i) => after.pods[i] !== pod)) {
    throw new BugError('jointPartition: the two matrices have different pods')
  }
  const joint = numberedClasses(before.pods.map((_, i) => (before.classOfPod[i] ?? 0) * after.classCount + (after.classOfPod[i] ?? 0)))
  if (towardsPod === undefined) return joint
  const compared = numberedClasses(before.pods.map((pod) => [...(towardsPod.get(pod) ?? [])].sort().join(',')))
  return numberedClasses(before.pods.map((_, i) => (joint.classOfPod[i] ?? 0) * compared.classCount + (compared.classOfPod[i] ?? 0)))
}

/** Numbers the distinct keys 0, 1, ... in order of first appearance: one class per key. */
function numberedClasses<Key>(keyOfPod: readonly Key[]): JointPartition {
  const ids = new Map<Key, number>()
  const classOfPod = Int32Array.from(keyOfPod, (key) => {
    let id = ids.get(key)
    if (id === undefined) {
      id = ids.size
      ids.set(key, id)
    }
    return id
  })
  return {classOfPod, classCount: ids.size}
}

/** One pod index per joint class: every pod of a class behaves the same on both sides. */
function classRepresentatives(partition: JointPartition): number[] {
  const representatives: number[] = []
  partition.classOfPod.forEach((classId, pod) => {
    representatives[classId] ??= pod
  })
  return representatives
}

function classAllowed(matrix: ConnectivityMatrix, fromPod: number, toPod: number): boolean {
  const fromClass = matrix.classOfPod[fromPod] ?? 0
  const toClass = matrix.classOfPod[toPod] ?? 0
  return matrix.classAllowed[fromClass * matrix.classCount + toClass] === 1
}

function classGroups(pods: readonly string[], partition: JointPartition, scope: DiffScope): ClassGroups[] {
  const groups = Array.from({length: partition.classCount}, (): ClassGroups => new Map())
  pods.forEach((pod, i) => {
    const byGroup = groups[partition.classOfPod[i] ?? 0] as ClassGroups
    const name = scope.groupOf.get(pod) ?? pod
    const counts = byGroup.get(name) ?? {pods: 0, outOfScope: 0}
    counts.pods += 1
    if (scope.inScope !== undefined && !scope.inScope.has(pod)) counts.outOfScope += 1
    byGroup.set(name, counts)
  })
  return groups
}

/**
 * Ordered pairs with at least one end in scope: all pairs minus the pairs entirely out of scope,
 * and minus each pod paired with itself when the classes (and groups) are the same.
 */
function addGroupPairs(
  changes: Map<string, ConnectionChange>,
  traffic: Pick<ConnectionChange, 'change' | 'port' | 'protocol'>,
  fromGroups: ClassGroups,
  toGroups: ClassGroups,
  withoutSelf: boolean,
): void {
  for (const [from, source] of fromGroups) {
    for (const [to, destination] of toGroups) {
      const selfPairs = withoutSelf && from === to ? source.pods - source.outOfScope : 0
      const podPairs = source.pods * destination.pods - source.outOfScope * destination.outOfScope - selfPairs
      if (podPairs <= 0) continue
      const key = [traffic.change, from, to, traffic.port, traffic.protocol].join('\u0000')
      const existing = changes.get(key)
      if (existing === undefined) changes.set(key, {...traffic, from, to, podPairs})
      else existing.podPairs += podPairs
    }
  }
}

function compareChanges(a: ConnectionChange, b: ConnectionChange): number {
  return (
    compareText(b.change, a.change) || // newly-denied before newly-allowed
    compareText(a.from, b.from) ||
    compareText(a.to, b.to) ||
    a.port - b.port ||
    compareText(a.protocol, b.protocol)
  )
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
