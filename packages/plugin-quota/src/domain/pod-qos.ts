import type {Pod, RawResourceList} from './kubernetes-objects.js'
import {isPodLevelResource} from './pod-requests.js'
import {parseResourceList} from './resource-list.js'

const QOS_RESOURCES = ['cpu', 'memory']

/**
 * Upstream qos.GetPodQOS(pod) == BestEffort: `status.qosClass` when the kubelet set it;
 * otherwise computed: no container or init container has a non-zero cpu or memory request
 * or limit (other resources do not count). When pod-level resources are set
 * (PodLevelResources on), only `spec.resources` decides.
 */
export function isBestEffortPod(pod: Pod): boolean {
  const reported = pod.status?.qosClass
  if (reported !== undefined && reported !== '') return reported === 'BestEffort'
  const podLevel = pod.spec?.resources
  const podLevelSet = [podLevel?.requests, podLevel?.limits].some((list) => Object.keys(list ?? {}).some(isPodLevelResource))
  const lists: (RawResourceList | null | undefined)[] = podLevelSet
    ? [podLevel?.requests, podLevel?.limits]
    : [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])].flatMap((c) => [c.resources?.requests, c.resources?.limits])
  return !lists.some(hasNonZeroQosResource)
}

function hasNonZeroQosResource(list: RawResourceList | null | undefined): boolean {
  const parsed = parseResourceList(list)
  return QOS_RESOURCES.some((name) => parsed[name] !== undefined && parsed[name].sign() > 0)
}
