import type {Container, LimitRange, LimitRangeItem, Pod, RawResourceList} from './kubernetes-objects.js'

export const LIMIT_RANGER_ANNOTATION = 'kubernetes.io/limit-ranger'

/**
 * What the API server does to a Pod before quota sees it:
 * 1. API defaulting (SetDefaults_Pod): each container and init container that has a
 *    limit but no request for a resource gets request = limit.
 * 2. The LimitRanger admission plugin, once per LimitRange in the given order: the
 *    `Container` items' `default` (limits) and `defaultRequest` (requests) fill every key
 *    a container or init container still lacks, so the first LimitRange that sets a key
 *    wins. It records what it set in the `kubernetes.io/limit-ranger` annotation
 *    ("LimitRanger plugin set: cpu request for container app; cpu limit for container app").
 * LimitRange items are API-defaulted first (defaultLimitRangeItem), as stored objects are.
 * Pod-level `spec.resources` are not defaulted. Returns a new Pod; the input is untouched.
 */
export function applyLimitRangeDefaults(pod: Pod, limitRanges: readonly LimitRange[]): Pod {
  let result = withRequestsDefaultedFromLimits(pod)
  for (const limitRange of limitRanges) result = applyOneLimitRange(result, limitRange)
  return result
}

/** Step 1 alone (SetDefaults_Pod): request = limit where only the limit is set. */
export function withRequestsDefaultedFromLimits(pod: Pod): Pod {
  const defaulted = (container: Container): Container => {
    const limits = container.resources?.limits
    if (!limits) return container
    return {...container, resources: {...container.resources, requests: {...limits, ...(container.resources?.requests ?? {})}}}
  }
  return mapContainers(pod, defaulted)
}

/**
 * Upstream SetDefaults_LimitRangeItem, for type Container only: default := max where
 * unset; defaultRequest := default, else min, where unset.
 */
export function defaultLimitRangeItem(item: LimitRangeItem): LimitRangeItem {
  if (item.type !== 'Container') return item
  const defaults = {...(item.max ?? {}), ...(item.default ?? {})}
  const defaultRequest = {...(item.min ?? {}), ...defaults, ...(item.defaultRequest ?? {})}
  return {...item, default: defaults, defaultRequest}
}

function applyOneLimitRange(pod: Pod, limitRange: LimitRange): Pod {
  const containerItems = (limitRange.spec?.limits ?? []).map(defaultLimitRangeItem).filter((item) => item.type === 'Container')
  const defaultLimits: RawResourceList = Object.assign({}, ...containerItems.map((item) => item.default ?? {}))
  const defaultRequests: RawResourceList = Object.assign({}, ...containerItems.map((item) => item.defaultRequest ?? {}))
  const notes: string[] = []
  const merge = (role: string) => (container: Container): Container => {
    const requests = container.resources?.requests ?? {}
    const limits = container.resources?.limits ?? {}
    const setRequests = Object.keys(defaultRequests).filter((name) => !Object.hasOwn(requests, name)).sort()
    const setLimits = Object.keys(defaultLimits).filter((name) => !Object.hasOwn(limits, name)).sort()
    if (setRequests.length > 0) notes.push(`${setRequests.join(', ')} request for ${role} ${container.name ?? ''}`)
    if (setLimits.length > 0) notes.push(`${setLimits.join(', ')} limit for ${role} ${container.name ?? ''}`)
    if (setRequests.length === 0 && setLimits.length === 0) return container
    return {...container, resources: {requests: {...pick(defaultRequests, setRequests), ...requests}, limits: {...pick(defaultLimits, setLimits), ...limits}}}
  }
  const spec = pod.spec ?? {}
  const merged: Pod = {
    ...pod,
    spec: {...spec, containers: (spec.containers ?? []).map(merge('container')), initContainers: (spec.initContainers ?? []).map(merge('init container'))},
  }
  if (notes.length === 0) return pod
  const annotations = {...(pod.metadata.annotations ?? {}), [LIMIT_RANGER_ANNOTATION]: `LimitRanger plugin set: ${notes.join('; ')}`}
  return {...merged, metadata: {...merged.metadata, annotations}}
}

function mapContainers(pod: Pod, map: (container: Container) => Container): Pod {
  if (!pod.spec) return pod
  return {
    ...pod,
    spec: {
      ...pod.spec,
      ...(pod.spec.containers ? {containers: pod.spec.containers.map(map)} : {}),
      ...(pod.spec.initContainers ? {initContainers: pod.spec.initContainers.map(map)} : {}),
    },
  }
}

function pick(list: RawResourceList, names: readonly string[]): RawResourceList {
  return Object.fromEntries(names.map((name) => [name, list[name]!]))
}
