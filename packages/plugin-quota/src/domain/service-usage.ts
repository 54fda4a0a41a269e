import {Quantity} from '@kubeline/core'
import type {Service} from './kubernetes-objects.js'
import {formatResourceList, type ResourceList} from './resource-list.js'

/**
 * What the service quota evaluator charges (kubernetes pkg/quota/v1/evaluator/core
 * services.go), always with all four keys:
 * - `services: 1`, `count/services: 1`;
 * - `services.loadbalancers`: 1 for type LoadBalancer, else 0;
 * - `services.nodeports`: one per port for NodePort and LoadBalancer services, except a
 *   LoadBalancer with `allocateLoadBalancerNodePorts: false` counts only the ports that set
 *   an explicit nodePort (ServiceLBNodePortControl, GA); 0 for other types.
 */
export function serviceUsage(service: Service): Record<string, string> {
  return formatResourceList(serviceUsageList(service))
}

/** serviceUsage as exact Quantities. */
export function serviceUsageList(service: Service): ResourceList {
  const type = service.spec?.type
  const ports = service.spec?.ports ?? []
  const count = (n: number): Quantity => Quantity.fromInteger(BigInt(n))
  let nodePorts = 0
  if (type === 'NodePort') nodePorts = ports.length
  if (type === 'LoadBalancer') {
    const allocates = service.spec?.allocateLoadBalancerNodePorts !== false
    nodePorts = allocates ? ports.length : ports.filter((port) => (port.nodePort ?? 0) !== 0).length
  }
  return {
    services: count(1),
    'count/services': count(1),
    'services.loadbalancers': count(type === 'LoadBalancer' ? 1 : 0),
    'services.nodeports': count(nodePorts),
  }
}
