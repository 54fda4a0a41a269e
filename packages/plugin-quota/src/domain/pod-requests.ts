import type {Container, ContainerStatus, Pod, RawResourceList} from './kubernetes-objects.js'
import {addResourceLists, maxResourceLists, parseResourceList, type ResourceList} from './resource-list.js'

/** How `podRequests`/`podLimits` aggregate; the defaults are what the quota evaluator uses today. */
export interface PodResourcesOptions {
  /** Leave out `spec.overhead` (LimitRange's Pod checks do). Default false. */
  excludeOverhead?: boolean
  /** Take resized values from `status.containerStatuses` (InPlacePodVerticalScaling, GA). Default true. */
  useStatusResources?: boolean
  /** Ignore `spec.resources` (the PodLevelResources feature off). Default false. */
  skipPodLevelResources?: boolean
}

type ContainerResources = (container: Container, status: ContainerStatus | undefined, resizeInfeasible: boolean) => ResourceList

/**
 * The pod's effective requests, as k8s.io/component-helpers resource.PodRequests:
 * - regular containers are summed;
 * - init containers run one at a time, so each contributes its own request plus the
 *   restartable sidecars (restartPolicy Always) started before it, and the pod takes the
 *   per-resource max of that peak and the running sum; sidecars also add to the running sum;
 * - with status resources, the result is the max of the spec, actuated and allocated sums
 *   ("max of sums, not sum of maxes"); an Infeasible resize drops the spec;
 * - pod-level `spec.resources.requests` for cpu, memory and hugepages-* replace the aggregate;
 * - `spec.overhead` is added.
 */
export function podRequests(pod: Pod, options: PodResourcesOptions = {}): ResourceList {
  let requests = aggregateWithStatus(pod, options, requestSources)
  const podLevel = pod.spec?.resources?.requests
  if (!options.skipPodLevelResources && hasPodLevelResource(podLevel)) requests = applyPodLevel(requests, podLevel)
  if (!options.excludeOverhead) requests = addResourceLists(requests, parseResourceList(pod.spec?.overhead))
  return requests
}

/**
 * The pod's effective limits, as component-helpers resource.PodLimits: the same
 * aggregation over limits (a container without a limit adds nothing); pod-level limits
 * replace it when pod-level resources are set; overhead is added only to limits that
 * are present and non-zero.
 */
export function podLimits(pod: Pod, options: PodResourcesOptions = {}): ResourceList {
  let limits = aggregateWithStatus(pod, options, limitSources)
  const podLevel = pod.spec?.resources
  if (!options.skipPodLevelResources && (hasPodLevelResource(podLevel?.requests) || hasPodLevelResource(podLevel?.limits))) {
    limits = applyPodLevel(limits, podLevel?.limits)
  }
  if (!options.excludeOverhead) limits = addOverheadToSetLimits(limits, parseResourceList(pod.spec?.overhead))
  return limits
}

/** cpu, memory and hugepages-<size> are the resources pod-level `spec.resources` may set. */
export function isPodLevelResource(name: string): boolean {
  return name === 'cpu' || name === 'memory' || name.startsWith('hugepages-')
}

interface ResourceSources {
  spec: ContainerResources
  /** What the kubelet reports (status.containerStatuses[].resources / allocatedResources). */
  status: ContainerResources[]
}

const specRequests: ContainerResources = (container) => parseResourceList(container.resources?.requests)

const requestSources: ResourceSources = {
  spec: specRequests,
  status: [
    (container, status, infeasible) =>
      status?.allocatedResources ? parseResourceList(status.allocatedResources) : infeasible ? {} : specRequests(container, status, infeasible),
    (container, status, infeasible) => {
      if (status?.resources?.requests) return parseResourceList(status.resources.requests)
      if (status?.allocatedResources) return parseResourceList(status.allocatedResources)
      return infeasible ? {} : specRequests(container, status, infeasible)
    },
  ],
}

const specLimits: ContainerResources = (container) => parseResourceList(container.resources?.limits)

const limitSources: ResourceSources = {
  spec: specLimits,
  status: [
    (container, status, infeasible) =>
      status?.resources?.limits ? parseResourceList(status.resources.limits) : infeasible ? {} : specLimits(container, status, infeasible),
  ],
}

function aggregateWithStatus(pod: Pod, options: PodResourcesOptions, sources: ResourceSources): ResourceList {
  const fromSpec = aggregateContainers(pod, false, sources.spec)
  if (options.useStatusResources === false) return fromSpec
  const infeasible = isPodResizeInfeasible(pod)
  const fromStatus = sources.status.map((source) => aggregateContainers(pod, infeasible, source)).reduce(maxResourceLists)
  return infeasible ? fromStatus : maxResourceLists(fromSpec, fromStatus)
}

function aggregateContainers(pod: Pod, resizeInfeasible: boolean, resourcesOf: ContainerResources): ResourceList {
  const of = (container: Container): ResourceList => resourcesOf(container, containerStatus(pod, container.name ?? ''), resizeInfeasible)
  let result = (pod.spec?.containers ?? []).map(of).reduce(addResourceLists, {})
  let sidecars: ResourceList = {}
  let initPeak: ResourceList = {}
  for (const container of pod.spec?.initContainers ?? []) {
    const own = of(container)
    let inUse: ResourceList
    if (container.restartPolicy === 'Always') {
      result = addResourceLists(result, own)
      sidecars = addResourceLists(sidecars, own)
      inUse = sidecars
    } else {
      inUse = addResourceLists(own, sidecars)
    }
    initPeak = maxResourceLists(initPeak, inUse)
  }
  return maxResourceLists(result, initPeak)
}

function containerStatus(pod: Pod, name: string): ContainerStatus | undefined {
  const byName = (status: ContainerStatus): boolean => (status.name ?? '') === name
  return pod.status?.containerStatuses?.find(byName) ?? pod.status?.initContainerStatuses?.find(byName)
}

function isPodResizeInfeasible(pod: Pod): boolean {
  const pending = pod.status?.conditions?.find((condition) => condition.type === 'PodResizePending')
  return pending?.reason === 'Infeasible'
}

function hasPodLevelResource(list: RawResourceList | null | undefined): list is RawResourceList {
  return Object.keys(list ?? {}).some(isPodLevelResource)
}

function applyPodLevel(aggregate: ResourceList, podLevel: RawResourceList | null | undefined): ResourceList {
  const supported = Object.fromEntries(Object.entries(parseResourceList(podLevel)).filter(([name]) => isPodLevelResource(name)))
  return {...aggregate, ...supported}
}

function addOverheadToSetLimits(limits: ResourceList, overhead: ResourceList): ResourceList {
  const result = {...limits}
  for (const [name, quantity] of Object.entries(overhead)) {
    const limit = limits[name]
    if (limit !== undefined && !limit.isZero()) result[name] = limit.add(quantity)
  }
  return result
}
