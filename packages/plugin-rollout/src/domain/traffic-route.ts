import {KubelineError, UsageError} from '@kubeline/core'
import {canaryName} from './canary-deployment.js'
import type {TrafficMode} from './release-state.js'

/** Whether a gateway release waits for the route's status (a Gateway controller reports) or trusts the write. */
export type RouteStatusPolicy = 'wait' | 'ignore'
export const ROUTE_STATUS_POLICIES: readonly RouteStatusPolicy[] = ['wait', 'ignore']

/**
 * Where a routed release sends the canary's share, recorded in the state so that any later invocation
 * drives the same objects. `stableService` fronts the stable Deployment; `canaryService` is
 * `<stableService>-canary`, created by the release and selecting canary pods only.
 */
export type TrafficRoute =
  | {mode: 'nginx'; stableService: string; canaryService: string; ingress: string; weightTotal?: number}
  | {mode: 'gateway'; stableService: string; canaryService: string; httpRoute: string; routeStatus: RouteStatusPolicy}

/** What the user asked for on `start`, before the cluster is read. */
export type TrafficRequest =
  | {mode: 'replicas'}
  | {mode: 'nginx'; ingress: string; weightTotal?: number}
  | {mode: 'gateway'; httpRoute: string; routeStatus: RouteStatusPolicy}

export interface TrafficFlags {
  traffic: string
  ingress?: string
  httproute?: string
  weightTotal?: number
  routeStatus?: string
}

/** The traffic flags of `start` as one request; a flag that belongs to another mode is an error, not ignored. */
export function parseTrafficRequest(flags: TrafficFlags): TrafficRequest {
  const mode = oneOf('--traffic', flags.traffic, ['replicas', 'nginx', 'gateway'] as const)
  refuseOutside(mode, 'nginx', {'--ingress': flags.ingress, '--weight-total': flags.weightTotal})
  refuseOutside(mode, 'gateway', {'--httproute': flags.httproute, '--route-status': flags.routeStatus})
  switch (mode) {
    case 'replicas':
      return {mode}
    case 'nginx': {
      if (flags.weightTotal !== undefined && (!Number.isInteger(flags.weightTotal) || flags.weightTotal < 1)) {
        throw new UsageError('INVALID_FLAG', `invalid --weight-total ${flags.weightTotal}: must be a whole number of 1 or more`)
      }
      return {mode, ingress: required('--ingress', flags.ingress, mode), ...(flags.weightTotal === undefined ? {} : {weightTotal: flags.weightTotal})}
    }
    case 'gateway':
      return {mode, httpRoute: required('--httproute', flags.httproute, mode), routeStatus: oneOf('--route-status', flags.routeStatus ?? 'wait', ROUTE_STATUS_POLICIES)}
  }
}

/** The route a request resolves to once the stable Service is known. */
export function trafficRoute(request: Exclude<TrafficRequest, {mode: 'replicas'}>, stableService: string): TrafficRoute {
  return {...request, stableService, canaryService: canaryName(stableService)}
}

/** The recorded route, read back from its annotation; undefined when the JSON is not a route. */
export function parseTrafficRoute(text: string): TrafficRoute | undefined {
  const value: unknown = JSON.parse(text)
  if (value === null || typeof value !== 'object') return undefined
  const route = value as Record<string, unknown>
  const names = [route.stableService, route.canaryService]
  if (!names.every((name) => typeof name === 'string' && name !== '')) return undefined
  if (route.mode === 'nginx') {
    const total = route.weightTotal
    const totalValid = total === undefined || (Number.isInteger(total) && (total as number) >= 1)
    return typeof route.ingress === 'string' && totalValid ? (value as TrafficRoute) : undefined
  }
  if (route.mode === 'gateway') {
    return typeof route.httpRoute === 'string' && ROUTE_STATUS_POLICIES.includes(route.routeStatus as RouteStatusPolicy) ? (value as TrafficRoute) : undefined
  }
  return undefined
}

/** The recorded route of a routed release; a release in router mode without one cannot be driven. */
export function requireTrafficRoute(traffic: TrafficMode, route: TrafficRoute | undefined): TrafficRoute | undefined {
  if (traffic === 'replicas') return undefined
  if (route?.mode !== traffic) {
    throw new KubelineError('INVALID_OBJECT', `corrupt release state: traffic is ${traffic} but annotation kubeline.dev/rollout-router ${route ? `is for ${route.mode}` : 'is missing'}`)
  }
  return route
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  const found = allowed.find((candidate) => candidate === value)
  if (found === undefined) throw new UsageError('INVALID_FLAG', `invalid ${flag} "${value}": expected one of ${allowed.join(', ')}`)
  return found
}

function required(flag: string, value: string | undefined, mode: string): string {
  if (value === undefined || value === '') throw new UsageError('INVALID_FLAG', `--traffic ${mode} needs ${flag} NAME`)
  return value
}

function refuseOutside(mode: string, owner: string, flags: Record<string, unknown>): void {
  if (mode === owner) return
  const given = Object.entries(flags).find(([, value]) => value !== undefined)
  if (given) throw new UsageError('INVALID_FLAG', `${given[0]} is only for --traffic ${owner} (this release uses --traffic ${mode})`)
}
