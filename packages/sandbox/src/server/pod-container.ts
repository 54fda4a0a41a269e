import {badRequest} from '../store/api-error.js'
import type {KubeObject} from '../store/object-store.js'

interface PodSpecContainers {
  initContainers?: {name?: string}[]
  containers?: {name?: string}[]
  ephemeralContainers?: {name?: string}[]
}

/**
 * The container a pods/log or pods/exec request is for, as kube-apiserver's validateContainer
 * (pkg/registry/core/pod/strategy.go) picks it: the named one of any kind (init, regular,
 * ephemeral), or the only regular container. 400 BadRequest otherwise.
 */
export function requestedContainer(pod: KubeObject, requested: string | null): string {
  const spec = (pod.spec ?? {}) as PodSpecContainers
  const names = (list: {name?: string}[] | undefined) => (list ?? []).map((c) => c.name ?? '')
  const allNames = [...names(spec.initContainers), ...names(spec.containers), ...names(spec.ephemeralContainers)]
  if (requested) {
    if (!allNames.includes(requested)) throw badRequest(`container ${requested} is not valid for pod ${pod.metadata.name}`)
    return requested
  }
  const regular = names(spec.containers)
  if (regular.length === 1) return regular[0]!
  if (regular.length === 0) throw badRequest(`a container name must be specified for pod ${pod.metadata.name}`)
  throw badRequest(`a container name must be specified for pod ${pod.metadata.name}, choose one of: [${allNames.join(' ')}]`)
}

/**
 * The kubelet's refusal to read the log of an ephemeral container that has not started
 * (validateContainerLogStatus): it has no status yet, or is still waiting. Other containers' logs
 * are whatever the controllers wrote.
 */
export function requireStartedIfEphemeral(pod: KubeObject, container: string): void {
  const spec = (pod.spec ?? {}) as PodSpecContainers
  if (!(spec.ephemeralContainers ?? []).some((c) => c.name === container)) return
  const statuses = (pod.status as {ephemeralContainerStatuses?: {name: string; state?: {waiting?: {reason?: string}}}[]} | undefined)?.ephemeralContainerStatuses
  const status = (statuses ?? []).find((s) => s.name === container)
  const subject = `container ${JSON.stringify(container)} in pod ${JSON.stringify(pod.metadata.name)}`
  if (!status) throw badRequest(`${subject} is not available`)
  if (status.state?.waiting) throw badRequest(`${subject} is waiting to start: ${status.state.waiting.reason ?? ''}`)
}
