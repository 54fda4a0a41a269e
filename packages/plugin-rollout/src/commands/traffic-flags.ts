import {UsageError} from '@kubeline/core'
import {Flags} from '@oclif/core'
import {parseTrafficRequest} from '../domain/traffic-route.js'
import type {TrafficRequest} from '../domain/traffic-route.js'
import {HPA_POLICIES} from '../services/hpa-guard.js'
import type {HpaPolicy} from '../services/hpa-guard.js'

/** `start`'s flags for the traffic router and the autoscaler. */
export const trafficFlags = {
  traffic: Flags.string({description: 'How the weight reaches users: replicas (share of pods), nginx (a canary Ingress) or gateway (HTTPRoute weights).', default: 'replicas'}),
  ingress: Flags.string({description: '--traffic nginx: the Ingress that routes to the stable Service; cloned as <ingress>-canary.'}),
  'weight-total': Flags.integer({description: '--traffic nginx: canary-weight-total for finer weights (ingress-nginx 1.1.1 or later); default 100.'}),
  httproute: Flags.string({description: '--traffic gateway: the HTTPRoute whose backendRefs carry the weights.'}),
  'route-status': Flags.string({description: '--traffic gateway: wait (each weight counts once every parent Gateway accepts it) or ignore (no controller writes status).'}),
  hpa: Flags.string({description: 'An HPA on the Deployment in replica mode: refuse (exit 2) or adjust (scale its bounds with the stable share, restored at the end).', default: 'refuse'}),
}

export interface TrafficFlagValues {
  traffic: string
  ingress?: string | undefined
  'weight-total'?: number | undefined
  httproute?: string | undefined
  'route-status'?: string | undefined
  hpa: string
}

/** The parsed flags for beginRelease; exit 2 on a bad or misplaced flag, before any request. */
export function trafficOptions(flags: TrafficFlagValues): {traffic: TrafficRequest; hpa: HpaPolicy} {
  const traffic = parseTrafficRequest({
    traffic: flags.traffic,
    ...(flags.ingress === undefined ? {} : {ingress: flags.ingress}),
    ...(flags.httproute === undefined ? {} : {httproute: flags.httproute}),
    ...(flags['weight-total'] === undefined ? {} : {weightTotal: flags['weight-total']}),
    ...(flags['route-status'] === undefined ? {} : {routeStatus: flags['route-status']}),
  })
  const hpa = HPA_POLICIES.find((policy) => policy === flags.hpa)
  if (!hpa) throw new UsageError('INVALID_FLAG', `invalid --hpa "${flags.hpa}": expected one of ${HPA_POLICIES.join(', ')}`)
  return {traffic, hpa}
}
