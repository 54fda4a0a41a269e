import {CANARY_TRACK, TRACK_LABEL, trackedMetadata} from './canary-deployment.js'
import type {Service} from './rollout-objects.js'

/** Spec fields that claim the stable Service's addresses or belong to its external load balancer. */
const NOT_COPIED = ['clusterIP', 'clusterIPs', 'healthCheckNodePort', 'externalIPs', 'loadBalancerIP', 'loadBalancerSourceRanges', 'loadBalancerClass', 'allocateLoadBalancerNodePorts']

/**
 * `<service>-canary`: the stable Service's ports with a selector narrowed to canary pods, for a traffic
 * router to send the canary's share to. Cluster IPs and node ports are left for the API server to
 * assign: a copy of the stable's would collide with it. Nor does it take the stable's external
 * addresses or load balancer: a LoadBalancer Service is copied as NodePort (what ingress controllers
 * that route to node ports need), since a second external load balancer would reach the canary past
 * the router's weights.
 */
export function canaryService(stable: Service, track = CANARY_TRACK): Service {
  const {selector, ports, type, ...spec} = stable.spec
  const kept = Object.fromEntries(Object.entries(spec).filter(([field]) => !NOT_COPIED.includes(field)))
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: trackedMetadata(stable.metadata, track),
    spec: {
      ...kept,
      ...(type === undefined ? {} : {type: type === 'LoadBalancer' ? 'NodePort' : type}),
      ...(ports ? {ports: ports.map(withoutNodePort)} : {}),
      selector: {...selector, [TRACK_LABEL]: track},
    },
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
