import type {Container, Pod} from './kubernetes-objects.js'
import {isNativeResourceName} from './pod-usage.js'
import {parseResourceList, type ResourceList} from './resource-list.js'

/**
 * The API server's checks of requests against limits (pkg/apis/core/validation
 * ValidateResourceRequirements), in its words, for every container then init container:
 * no quantity may be negative (limits, then requests); a request above its limit is invalid; resources that cannot be overcommitted (hugepages-*,
 * extended resources such as nvidia.com/gpu) need a limit, and a request equal to it. They run
 * after admission, so on a pod LimitRanger has defaulted they also catch a request above a
 * defaulted limit (800m under a default limit of 500m): the Deployment is accepted, its pods are not.
 */
export function invalidResourceRequirements(pod: Pod): string[] {
  return [
    ...(pod.spec?.containers ?? []).flatMap((container, index) => containerProblems(container, `spec.containers[${index}].resources`)),
    ...(pod.spec?.initContainers ?? []).flatMap((container, index) => containerProblems(container, `spec.initContainers[${index}].resources`)),
  ]
}

function containerProblems(container: Container, path: string): string[] {
  const requests = parseResourceList(container.resources?.requests)
  const limits = parseResourceList(container.resources?.limits)
  return [...negativeQuantities(limits, `${path}.limits`), ...negativeQuantities(requests, `${path}.requests`), ...requestLimitProblems(requests, limits, path)]
}

function negativeQuantities(list: ResourceList, path: string): string[] {
  return Object.keys(list)
    .sort()
    .filter((name) => list[name]!.sign() < 0)
    .map((name) => `${path}[${name}]: Invalid value: "${list[name]!.toString()}": must be greater than or equal to 0`)
}

function requestLimitProblems(requests: ResourceList, limits: ResourceList, path: string): string[] {
  return Object.keys(requests)
    .sort()
    .flatMap((name) => {
      const request = requests[name]!
      const limit = limits[name]
      const overcommit = isOvercommitAllowed(name)
      if (limit === undefined) return overcommit ? [] : [`${path}.limits: Required value: Limit must be set for non overcommitable resources`]
      if (!overcommit && request.cmp(limit) !== 0) return [`${path}.requests: Invalid value: "${request.toString()}": must be equal to ${name} limit of ${limit.toString()}`]
      if (request.cmp(limit) > 0) return [`${path}.requests: Invalid value: "${request.toString()}": must be less than or equal to ${name} limit of ${limit.toString()}`]
      return []
    })
}

/** Upstream IsOvercommitAllowed: native resources but hugepages. */
function isOvercommitAllowed(name: string): boolean {
  return isNativeResourceName(name) && !name.startsWith('hugepages-')
}
