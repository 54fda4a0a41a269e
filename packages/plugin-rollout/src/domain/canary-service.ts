import {CANARY_TRACK, TRACK_LABEL, trackedMetadata} from './canary-deployment.js'
import type {Service} from './rollout-objects.js'

/**
 * `<service>-canary`: the stable Service's ports with a selector narrowed to canary pods, for a traffic
 * router to send the canary's share to. Cluster IPs and node ports are left for the API server to
 * assign: a copy of the stable's would collide with it.
 */
export function canaryService(stable: Service, track = CANARY_TRACK): Service {
  const {clusterIP: _clusterIP, clusterIPs: _clusterIPs, healthCheckNodePort: _healthCheckNodePort, selector, ports, ...spec} = stable.spec
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: trackedMetadata(stable.metadata, track),
    spec: {...spec, ...(ports ? {ports: ports.map(withoutNodePort)} : {}), selector: {...selector, [TRACK_LABEL]: track}},
  }
}

function withoutNodePort(port: unknown): unknown {
  if (port === null || typeof port !== 'object') return port
  const {nodePort: _nodePort, ...rest} = port as Record<string, unknown>
  return rest
}

/** True when the Service selects the pods of this template (every selector label matches). An empty selector selects nothing. */
export function serviceSelectsPods(service: Service, podLabels: Record<string, string> | undefined): boolean {
  const selector = Object.entries(service.spec.selector ?? {})
  return selector.length > 0 && selector.every(([key, value]) => podLabels?.[key] === value)
}
