import {CANARY_TRACK, TRACK_LABEL, trackedMetadata} from './canary-deployment.js'
import type {Service} from './rollout-objects.js'

/**
 * `<service>-canary`: the stable Service's ports with a selector narrowed to canary pods, for a traffic
 * router to send the canary's share to. Cluster IPs are left for the API server to assign.
 */
export function canaryService(stable: Service, track = CANARY_TRACK): Service {
  const {clusterIP: _clusterIP, clusterIPs: _clusterIPs, selector, ...spec} = stable.spec
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: trackedMetadata(stable.metadata, track),
    spec: {...spec, selector: {...selector, [TRACK_LABEL]: track}},
  }
}

/** True when the Service selects the pods of this template (every selector label matches). An empty selector selects nothing. */
export function serviceSelectsPods(service: Service, podLabels: Record<string, string> | undefined): boolean {
  const selector = Object.entries(service.spec.selector ?? {})
  return selector.length > 0 && selector.every(([key, value]) => podLabels?.[key] === value)
}
