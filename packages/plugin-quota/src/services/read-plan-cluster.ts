import {KubelineError, RESOURCES} from '@kubeline/core'
import type {KubeClient, KubeObject, ResourceType} from '@kubeline/core'
import {namesRuntimeClass} from '../domain/runtime-class-overhead.js'

export interface PlanCluster {
  objects: KubeObject[]
  /** What could not be read, and what that means for the plan. */
  notes: string[]
  /** The cluster's RuntimeClasses are among `objects`, all of them (listed, not forbidden). */
  runtimeClassesListed: boolean
}

// Kinds quota counts that core's RESOURCES does not list; described ad hoc, as core allows.
const EXTRA_TYPES: ResourceType[] = [
  {group: '', version: 'v1', resource: 'secrets', kind: 'Secret', namespaced: true},
  {group: '', version: 'v1', resource: 'replicationcontrollers', kind: 'ReplicationController', namespaced: true},
]

const TYPE_OF = new Map<string, ResourceType>(
  [...Object.values(RESOURCES), ...EXTRA_TYPES].map((type) => [typeKey(type.group === '' ? type.version : `${type.group}/${type.version}`, type.kind), type]),
)

const LISTED_PER_NAMESPACE = [RESOURCES.resourcequotas, RESOURCES.limitranges, RESOURCES.pods, RESOURCES.persistentvolumeclaims, RESOURCES.services]

/**
 * What the plan needs from the cluster, for manifests whose namespaces are set: per target
 * namespace its ResourceQuotas, LimitRanges, pods, PVCs and services (one list each); the live
 * version of every other manifest object (upgrade semantics); StorageClasses when a claim may
 * need the default class; Nodes when a DaemonSet needs a count and `nodeCount` is not given;
 * RuntimeClasses when a pod names one (for its overhead). Cluster-scoped reads that are forbidden
 * become notes, not failures.
 */
export async function readPlanCluster(kube: KubeClient, manifests: readonly KubeObject[], options: {nodeCount?: number}): Promise<PlanCluster> {
  const namespaces = [...new Set(manifests.map((object) => object.metadata.namespace).filter((namespace) => namespace !== undefined))].sort()
  const notes: string[] = []
  const lists = namespaces.flatMap((namespace) => LISTED_PER_NAMESPACE.map(async (type) => (await kube.list(type, {namespace})).items))
  const lives = manifests.filter((object) => !LISTED_PER_NAMESPACE.some((type) => isOfType(object, type))).map((object) => liveVersion(kube, object, notes))
  const needsClasses = manifests.some((object) => object.kind === 'PersistentVolumeClaim' || object.kind === 'StatefulSet')
  const needsNodes = options.nodeCount === undefined && manifests.some((object) => object.kind === 'DaemonSet')
  const needsRuntimeClasses = manifests.some(namesRuntimeClass)
  const clusterWide = [
    needsClasses ? listOrNote(kube, RESOURCES.storageclasses, notes, 'PVCs without a storageClassName are charged without the default class') : [],
    needsNodes ? listOrNote(kube, RESOURCES.nodes, notes, 'DaemonSet pods are not counted; pass --nodes N') : [],
  ]
  const runtimeClasses = needsRuntimeClasses
    ? listOrNote(kube, RESOURCES.runtimeclasses, notes, 'pods are charged without the overhead of RuntimeClasses the manifests do not define')
    : undefined
  const [objects, listedRuntimeClasses] = await Promise.all([Promise.all([...lists, ...lives, ...clusterWide]), runtimeClasses])
  return {objects: [...objects.flatMap((listed) => listed ?? []), ...(listedRuntimeClasses ?? [])], notes, runtimeClassesListed: listedRuntimeClasses !== undefined}
}

async function liveVersion(kube: KubeClient, object: KubeObject, notes: string[]): Promise<KubeObject[]> {
  const type = TYPE_OF.get(typeKey(object.apiVersion, object.kind))
  const name = object.metadata.name
  if (type === undefined || !type.namespaced || name === undefined) return []
  try {
    const live = await kube.find(type, name, {namespace: object.metadata.namespace})
    return live === undefined ? [] : [live]
  } catch (err) {
    if (!(err instanceof KubelineError && err.code === 'FORBIDDEN')) throw err
    notes.push(`cannot read ${type.resource} ${object.metadata.namespace}/${name} (forbidden): it is counted as new, which overstates an upgrade`)
    return []
  }
}

/** The cluster's objects of `type`; undefined, with a note, when listing them is forbidden. */
async function listOrNote(kube: KubeClient, type: ResourceType, notes: string[], consequence: string): Promise<KubeObject[] | undefined> {
  try {
    return (await kube.list(type)).items
  } catch (err) {
    if (!(err instanceof KubelineError && err.code === 'FORBIDDEN')) throw err
    notes.push(`cannot list ${type.resource} (forbidden): ${consequence}`)
    return undefined
  }
}

function isOfType(object: KubeObject, type: ResourceType): boolean {
  return TYPE_OF.get(typeKey(object.apiVersion, object.kind)) === type
}

function typeKey(apiVersion: string, kind: string): string {
  return `${apiVersion}:${kind}`
}
