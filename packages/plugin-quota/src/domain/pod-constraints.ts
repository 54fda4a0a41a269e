import type {Container, Pod} from './kubernetes-objects.js'
import {isPodLevelResource} from './pod-requests.js'
import {podComputeUsage} from './pod-usage.js'
import {parseResourceList} from './resource-list.js'

/** The quota keys that force every container to declare a value ("a mistake" kept for compatibility). */
const VALIDATION_SET: ReadonlySet<string> = new Set(['cpu', 'memory', 'requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory'])

/**
 * Upstream podEvaluator.Constraints: when a matching quota limits any of cpu, memory,
 * requests.cpu, requests.memory, limits.cpu, limits.memory, every container and init
 * container must set it explicitly, else the pod is rejected with
 * `failed quota: <quota>: must specify cpu for: a,b; memory for: c` (this returns the
 * part after the quota name; resources and container names sorted). Pods with pod-level
 * resources are exempt (PodLevelResources). undefined when nothing is missing.
 */
export function missingQuotaRequests(pod: Pod, quotaResources: Iterable<string>): string | undefined {
  const required = [...new Set(quotaResources)].filter((name) => VALIDATION_SET.has(name))
  const podLevel = pod.spec?.resources
  if ([podLevel?.requests, podLevel?.limits].some((list) => Object.keys(list ?? {}).some(isPodLevelResource))) return undefined
  const missing = new Map<string, Set<string>>()
  for (const container of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]) {
    const declared = declaredQuotaKeys(container)
    for (const resource of required.filter((name) => !declared.has(name))) {
      missing.set(resource, (missing.get(resource) ?? new Set()).add(container.name ?? ''))
    }
  }
  if (missing.size === 0) return undefined
  const parts = [...missing.keys()].sort().map((resource) => `${resource} for: ${[...missing.get(resource)!].sort().join(',')}`)
  return `must specify ${parts.join('; ')}`
}

function declaredQuotaKeys(container: Container): Set<string> {
  const usage = podComputeUsage(parseResourceList(container.resources?.requests), parseResourceList(container.resources?.limits))
  return new Set(Object.keys(usage))
}
