import type {ConnectivityMatrix} from '../domain/connectivity-matrix.js'
import type {PodObject} from '../domain/kube-objects.js'
import type {MatrixResult} from './connectivity-matrices.js'

/** How `matrix --group-by` folds pods into rows and columns. */
export const GROUP_BYS = ['pod', 'workload', 'class'] as const
export type GroupBy = (typeof GROUP_BYS)[number]

/**
 * Whether every, no or only some pod of a group may reach every pod of another, counting the pairs
 * compared only (`--port declared`); `not-compared` when no pair is.
 */
export type GroupReach = 'all' | 'none' | 'some' | 'not-compared'

export interface PodGroup {
  name: string
  pods: string[]
}

/** A truth table over groups; `reach[from][to]` over every compared pair of distinct pods (a one-pod group: its loopback). */
export interface GroupedMatrix {
  port: number
  protocol: MatrixResult['protocol']
  groups: PodGroup[]
  reach: Record<string, Record<string, GroupReach>>
}

interface OwnedPod extends PodObject {
  metadata: PodObject['metadata'] & {ownerReferences?: readonly {kind: string; name: string; controller?: boolean}[]}
}

/**
 * `ns/<kind>/<name>` of each pod's controller: a ReplicaSet with a `pod-template-hash` label on the
 * pod is a Deployment's (its name minus `-<hash>`); a representative pod from `-f` is its workload's;
 * a pod without a controller is its own group.
 */
export function workloadOfPods(pods: readonly OwnedPod[], representativePods: ReadonlyMap<string, string>): Map<string, string> {
  const representativeOf = new Map([...representativePods].map(([workload, pod]) => [`${workload.split('/')[0]}/${pod}`, workload]))
  const groups = new Map<string, string>()
  for (const pod of pods) {
    const name = `${pod.metadata.namespace}/${pod.metadata.name}`
    groups.set(name, representativeOf.get(name) ?? controllerOf(pod) ?? name)
  }
  return groups
}

function controllerOf(pod: OwnedPod): string | undefined {
  const owner = pod.metadata.ownerReferences?.find((ref) => ref.controller === true)
  if (owner === undefined) return undefined
  const hash = pod.metadata.labels?.['pod-template-hash']
  if (owner.kind === 'ReplicaSet' && hash !== undefined && owner.name.endsWith(`-${hash}`)) {
    return `${pod.metadata.namespace}/deployment/${owner.name.slice(0, -hash.length - 1)}`
  }
  return `${pod.metadata.namespace}/${owner.kind.toLowerCase()}/${owner.name}`
}

/** The engine's equivalence classes, each named after its first pod and its size: `x/a+2`. */
export function classOfPods(matrix: ConnectivityMatrix, shown: ReadonlySet<string>): Map<string, string> {
  const members = new Map<number, string[]>()
  matrix.pods.forEach((pod, index) => {
    if (!shown.has(pod)) return
    const classId = matrix.classOfPod[index] ?? 0
    members.set(classId, [...(members.get(classId) ?? []), pod])
  })
  const groups = new Map<string, string>()
  for (const pods of members.values()) {
    const name = pods.length === 1 ? (pods[0] as string) : `${pods[0] as string}+${pods.length - 1}`
    for (const pod of pods) groups.set(pod, name)
  }
  return groups
}

/** Folds a pod table into groups (sorted by name, pods in table order). */
export function groupedMatrix(result: MatrixResult, groupOf: ReadonlyMap<string, string>): GroupedMatrix {
  const byName = new Map<string, string[]>()
  for (const pod of result.pods) {
    const group = groupOf.get(pod) ?? pod
    byName.set(group, [...(byName.get(group) ?? []), pod])
  }
  const groups = [...byName].map(([name, pods]) => ({name, pods})).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  const reach: GroupedMatrix['reach'] = {}
  for (const from of groups) {
    reach[from.name] = Object.fromEntries(groups.map((to) => [to.name, groupReach(result, from.pods, to.pods)]))
  }
  return {port: result.port, protocol: result.protocol, groups, reach}
}

function groupReach(result: MatrixResult, from: readonly string[], to: readonly string[]): GroupReach {
  const pairs = from.flatMap((source) => to.filter((destination) => destination !== source || from.length === 1).map((destination) => result.allowed[source]?.[destination] ?? null))
  const compared = pairs.filter((allowed) => allowed !== null)
  if (compared.length === 0) return 'not-compared'
  if (compared.every(Boolean)) return 'all'
  return compared.some(Boolean) ? 'some' : 'none'
}
