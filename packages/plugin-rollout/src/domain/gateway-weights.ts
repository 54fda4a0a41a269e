import {UsageError} from '@kubeline/core'
import type {HTTPBackendRef, HTTPRoute} from './rollout-objects.js'

export interface RouteBackends {
  stableService: string
  canaryService: string
}

/**
 * The HTTPRoute with canary weight `weight` and stable weight `100 - weight` on every rule that lists both
 * Services as backendRefs (as the Argo Rollouts Gateway API plugin does). Weights are proportions, so 0/100
 * is valid. A route without such a rule is a usage error: we never invent backendRefs in the user's route.
 */
export function httpRouteWithWeights(route: HTTPRoute, backends: RouteBackends, weight: number): HTTPRoute {
  let matched = false
  const rules = (route.spec.rules ?? []).map((rule) => {
    const refs = rule.backendRefs ?? []
    if (!hasBothBackends(refs, backends)) return rule
    matched = true
    return {...rule, backendRefs: refs.map((ref) => withWeight(ref, backends, weight))}
  })
  if (!matched) {
    throw new UsageError('INVALID_ARGUMENT', `HTTPRoute ${route.metadata.name} has no rule with both backendRefs ${backends.stableService} and ${backends.canaryService}`, {
      fix: `Add ${backends.canaryService} with weight 0 next to ${backends.stableService} in the route's backendRefs.`,
    })
  }
  return {...route, spec: {...route.spec, rules}}
}

/** The canary's share in percent on the first rule listing both backends (an unset weight is 1); undefined if none does. */
export function httpRouteCanaryWeight(route: HTTPRoute, backends: RouteBackends): number | undefined {
  const refs = (route.spec.rules ?? []).map((rule) => rule.backendRefs ?? []).find((candidate) => hasBothBackends(candidate, backends))
  if (!refs) return undefined
  const weightOf = (name: string) => refs.filter((ref) => isService(ref, name)).reduce((sum, ref) => sum + (ref.weight ?? 1), 0)
  const canary = weightOf(backends.canaryService)
  const total = canary + weightOf(backends.stableService)
  return total === 0 ? 0 : (canary * 100) / total
}

/**
 * The route with the canary Service added at weight 0 next to the stable Service on every rule that sends
 * to it (a copy of the stable backendRef: same port, filters), so that the weights can move. Rules that
 * list the canary already are left as they are.
 */
export function httpRouteWithCanaryBackend(route: HTTPRoute, backends: RouteBackends): HTTPRoute {
  const rules = (route.spec.rules ?? []).map((rule) => {
    const refs = rule.backendRefs ?? []
    if (hasBothBackends(refs, backends)) return rule
    return {...rule, backendRefs: refs.flatMap((ref) => (isService(ref, backends.stableService) ? [ref, {...ref, name: backends.canaryService, weight: 0}] : [ref]))}
  })
  return {...route, spec: {...route.spec, rules}}
}

/** The route with the canary Service's backendRefs removed: all of the rule's traffic back to the stable Service. */
export function httpRouteWithoutCanaryBackend(route: HTTPRoute, backends: RouteBackends): HTTPRoute {
  const rules = (route.spec.rules ?? []).map((rule) =>
    rule.backendRefs?.some((ref) => isService(ref, backends.canaryService)) ? {...rule, backendRefs: rule.backendRefs.filter((ref) => !isService(ref, backends.canaryService))} : rule,
  )
  return {...route, spec: {...route.spec, rules}}
}

/** The names of the Services (in the route's own namespace) the route sends traffic to. */
export function httpRouteServiceNames(route: HTTPRoute): string[] {
  const refs = (route.spec.rules ?? []).flatMap((rule) => rule.backendRefs ?? [])
  const local = refs.filter((ref) => isService(ref, ref.name) && (ref.namespace === undefined || ref.namespace === route.metadata.namespace))
  return [...new Set(local.map((ref) => ref.name))]
}

export type RouteAcceptance = {accepted: true} | {accepted: false; reason: string}

/**
 * Whether every parent Gateway has accepted the current generation of the route with resolved
 * backends (status.parents[].conditions Accepted and ResolvedRefs). Conditions about an older generation
 * do not count: the weight change has not been seen yet.
 */
export function httpRouteAccepted(route: HTTPRoute): RouteAcceptance {
  const parents = route.status?.parents ?? []
  if (parents.length === 0) return {accepted: false, reason: 'no Gateway has reported on the route yet'}
  const generation = route.metadata.generation
  for (const parent of parents) {
    for (const type of ['Accepted', 'ResolvedRefs']) {
      const condition = parent.conditions?.find((candidate) => candidate.type === type)
      if (!condition) return {accepted: false, reason: `condition ${type} not reported yet`}
      if (generation !== undefined && condition.observedGeneration !== undefined && condition.observedGeneration < generation) {
        return {accepted: false, reason: `condition ${type} is about generation ${condition.observedGeneration}, not ${generation}`}
      }
      if (condition.status !== 'True') return {accepted: false, reason: `${type} is ${condition.status}${condition.reason ? ` (${condition.reason})` : ''}`}
    }
  }
  return {accepted: true}
}

function hasBothBackends(refs: HTTPBackendRef[], {stableService, canaryService}: RouteBackends): boolean {
  return refs.some((ref) => isService(ref, stableService)) && refs.some((ref) => isService(ref, canaryService))
}

function isService(ref: HTTPBackendRef, name: string): boolean {
  return ref.name === name && (ref.kind ?? 'Service') === 'Service' && (ref.group ?? '') === ''
}

function withWeight(ref: HTTPBackendRef, backends: RouteBackends, weight: number): HTTPBackendRef {
  if (isService(ref, backends.canaryService)) return {...ref, weight}
  if (isService(ref, backends.stableService)) return {...ref, weight: 100 - weight}
  return ref
}
