import {readFile} from 'node:fs/promises'
import {LabelSelector, UsageError, readManifests} from '@kubeline/core'
import type {ComparedTrafficPort, TowardsPod} from '../domain/compared-traffic.js'
import {comparedTraffic, uncomparedPods} from '../domain/compared-traffic.js'
import type {ConnectionChange} from '../domain/connectivity-diff.js'
import {connectivityChanges, jointPartition} from '../domain/connectivity-diff.js'
import type {ConnectivityMatrix} from '../domain/connectivity-matrix.js'
import {connectivityMatrix} from '../domain/connectivity-matrix.js'
import type {Acknowledgement} from '../domain/diff-acknowledgement.js'
import {acknowledges, parseAcknowledgementFile} from '../domain/diff-acknowledgement.js'
import type {EvaluationOptions} from '../domain/evaluate-traffic.js'
import type {ClusterState} from '../domain/kube-objects.js'
import type {PortSelection} from '../domain/port-list.js'
import type {Protocol} from '../domain/protocol.js'
import type {ProposedPolicy} from '../domain/proposed-cluster.js'
import {proposedClusterStates} from '../domain/proposed-cluster.js'
import type {ClusterSource} from './load-cluster.js'
import {loadCluster} from './load-cluster.js'
import {manifestCluster} from './manifest-cluster.js'
import {requireNamespace} from './require-namespace.js'
import type {GroupBy} from './pod-groups.js'
import {classOfPods, workloadOfPods} from './pod-groups.js'

export interface DiffQuery {
  /** `-f`: the proposed manifests. */
  proposedFiles: readonly string[]
  /** `--port`: listed ports, and/or each destination pod's declared ones. */
  ports: PortSelection
  protocols: readonly Protocol[]
  options: EvaluationOptions
  groupBy: GroupBy
  /** Only connections from or to a pod of this namespace; undefined: every namespace. */
  namespace?: string
  /** Only connections from or to a pod this selector matches. */
  selector?: LabelSelector
  /** `--ack` values, parsed. */
  acks: readonly Acknowledgement[]
  /** `--ack-file` paths. */
  ackFiles: readonly string[]
}

export interface DiffedConnection extends ConnectionChange {
  /** Newly denied and not acknowledged: `diff` exits 3. */
  blocking: boolean
  /** The acknowledgement that covers this newly denied connection (its text). */
  acknowledgedBy?: string
}

export interface DiffReport {
  groupBy: GroupBy
  /** The pairs compared; with declared ports each says towards which pods. */
  traffic: ComparedTrafficPort[]
  policies: ProposedPolicy[]
  changes: DiffedConnection[]
  /** Acknowledgements that matched no newly denied connection (stale, or mistyped). */
  unmatchedAcks: string[]
  /** With `--port declared`: pods of the scope towards which nothing was compared (they declare none of the protocols asked). */
  uncompared: string[]
  /** `-n`/`-l` were given and select no pod: nothing was compared, so "no change" says nothing. */
  scopeSelectsNoPod: boolean
}

/**
 * `diff`: the current state (live cluster and/or `--base` manifests, from `source`) against the
 * same with the `-f` policies applied, as two sets of matrices over the same pods; the changed
 * connections, folded by `--group-by`, and the acknowledgement of each newly denied one. With
 * `--port declared` the matrices cover every declared pair, and a change counts only towards the
 * pods compared on its pair: filtered per (joint) class, before rows are folded.
 */
export async function diffConnectivity(source: ClusterSource, query: DiffQuery): Promise<DiffReport> {
  const current = await loadCluster(source)
  const proposed = manifestCluster(await readManifests([...query.proposedFiles], {validateBuiltIns: true, requireNames: true}), current.namespace)
  const acks = [...query.acks, ...(await readAckFiles(query.ackFiles))]
  const {before, after, policies} = proposedClusterStates(current.state, proposed.objects)
  if (query.namespace !== undefined) requireNamespace(after, query.namespace, {offline: source.offline})
  const {traffic, towardsPod} = comparedTraffic(before.pods, query.ports, query.protocols, query.options.namedPorts)
  const request = {traffic, options: query.options}
  const [beforeMatrices, afterMatrices] = [connectivityMatrix(before, request), connectivityMatrix(after, request)]
  const representativePods = new Map([...current.representativePods, ...proposed.representativePods])
  const groupOf = rowGroups(query.groupBy, before, representativePods, beforeMatrices[0], afterMatrices[0], towardsPod)
  const inScope = scopedPods(before, query)
  const scope = {groupOf, ...(inScope ? {inScope} : {}), ...(towardsPod ? {towardsPod} : {})}
  const changes = connectivityChanges(beforeMatrices, afterMatrices, scope).map((change) => acknowledged(change, acks))
  const used = new Set(changes.map((change) => change.acknowledgedBy))
  return {
    groupBy: query.groupBy,
    traffic,
    policies,
    changes,
    unmatchedAcks: acks.map((ack) => ack.text).filter((text) => !used.has(text)),
    uncompared: uncomparedPods(towardsPod, inScope),
    scopeSelectsNoPod: inScope?.size === 0,
  }
}

function rowGroups(
  groupBy: GroupBy,
  state: ClusterState,
  representativePods: ReadonlyMap<string, string>,
  before: ConnectivityMatrix | undefined,
  after: ConnectivityMatrix | undefined,
  towardsPod: TowardsPod | undefined,
): ReadonlyMap<string, string> {
  if (groupBy === 'workload') return workloadOfPods(state.pods, representativePods)
  if (groupBy === 'pod' || before === undefined || after === undefined) return new Map()
  // The classes that matter here are the pods that behave the same on both sides (and are compared on the same ports).
  const joint = {...before, ...jointPartition(before, after, towardsPod)}
  return classOfPods(joint, new Set(before.pods))
}

function scopedPods(state: ClusterState, query: DiffQuery): Set<string> | undefined {
  if (query.namespace === undefined && query.selector === undefined) return undefined
  const selector = query.selector ?? LabelSelector.everything()
  return new Set(
    state.pods
      .filter((pod) => (query.namespace === undefined || pod.metadata.namespace === query.namespace) && selector.matches(pod.metadata.labels ?? {}))
      .map((pod) => `${pod.metadata.namespace}/${pod.metadata.name}`),
  )
}

/** Only newly denied connections need an acknowledgement; the first matching one is recorded. */
function acknowledged(change: ConnectionChange, acks: readonly Acknowledgement[]): DiffedConnection {
  if (change.change !== 'newly-denied') return {...change, blocking: false}
  const ack = acks.find((candidate) => acknowledges(candidate, change))
  return ack === undefined ? {...change, blocking: true} : {...change, blocking: false, acknowledgedBy: ack.text}
}

async function readAckFiles(files: readonly string[]): Promise<Acknowledgement[]> {
  const parsed = await Promise.all(files.map(async (file) => parseAcknowledgementFile(await readAckFile(file), file)))
  return parsed.flat()
}

async function readAckFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8')
  } catch (err) {
    throw new UsageError('INVALID_FLAG', `cannot read --ack-file "${file}": ${err instanceof Error ? err.message : String(err)}`, {cause: err})
  }
}
