/**
 * What the client can know for sure about built-in kinds without asking a cluster. The core,
 * apps and batch groups have been frozen at v1 for years: an unknown kind or version there is a
 * typo or a removed beta (apps/v1beta2, batch/v1beta1), and the API server would refuse it.
 * Other built-in groups still gain kinds and versions with each release, so only the kinds the
 * plugins interpret are checked there, against the versions that serve them since 1.26 (the
 * removed betas: networking.k8s.io/v1beta1 Ingress, autoscaling/v2beta2, policy/v1beta1).
 * Sources: kubernetes/api <group>/<version>/register.go and the deprecated API migration guide.
 * Anything else, CRD groups included, passes: only its cluster knows it.
 */
const FROZEN_GROUPS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  '': {
    v1: [
      'Binding', 'ComponentStatus', 'ConfigMap', 'Endpoints', 'Event', 'LimitRange', 'Namespace', 'Node', 'PersistentVolume',
      'PersistentVolumeClaim', 'Pod', 'PodTemplate', 'ReplicationController', 'ResourceQuota', 'Secret', 'Service', 'ServiceAccount',
    ],
  },
  apps: {v1: ['ControllerRevision', 'DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet']},
  batch: {v1: ['CronJob', 'Job']},
}

/** Versions serving each interpreted kind of a group that is not frozen, by "group/Kind". */
const INTERPRETED_KINDS: ReadonlyMap<string, readonly string[]> = new Map([
  ['networking.k8s.io/NetworkPolicy', ['v1']],
  ['networking.k8s.io/Ingress', ['v1']],
  ['autoscaling/HorizontalPodAutoscaler', ['v1', 'v2']],
  ['policy/PodDisruptionBudget', ['v1']],
  ['storage.k8s.io/StorageClass', ['v1']],
])

/** Splits "apps/v1" into group and version; the core group is "v1" alone. */
export function splitApiVersion(apiVersion: string): {group: string; version: string} {
  const slash = apiVersion.indexOf('/')
  return slash < 0 ? {group: '', version: apiVersion} : {group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1)}
}

/** The versions of a frozen group (core, apps, batch), each with its kinds; undefined for any other group. */
export function frozenGroup(group: string): Readonly<Record<string, readonly string[]>> | undefined {
  return Object.hasOwn(FROZEN_GROUPS, group) ? FROZEN_GROUPS[group] : undefined
}

/** The versions that serve an interpreted kind of a group that is not frozen; undefined when not checked. */
export function interpretedKindVersions(group: string, kind: string): readonly string[] | undefined {
  return INTERPRETED_KINDS.get(`${group}/${kind}`)
}
