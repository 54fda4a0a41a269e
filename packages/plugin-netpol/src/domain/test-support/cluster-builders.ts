// Small builders for unit tests: pods and namespaces in one line each.
import type {ClusterState, ContainerPortObject, NamespaceObject, NetworkPolicyObject, PodObject} from '../kube-objects.js'

export function namespace(name: string, labels: Record<string, string> = {}): NamespaceObject {
  return {metadata: {name, labels}}
}

export function pod(
  ref: string,
  labels: Record<string, string>,
  ip: string | string[],
  extra: {ports?: ContainerPortObject[]; hostNetwork?: boolean} = {},
): PodObject {
  const [ns = '', name = ''] = ref.split('/')
  const ips = Array.isArray(ip) ? ip : [ip]
  return {
    metadata: {name, namespace: ns, labels},
    spec: {hostNetwork: extra.hostNetwork ?? false, containers: [{name: 'main', ports: extra.ports ?? []}]},
    status: {podIP: ips[0], podIPs: ips.map((value) => ({ip: value}))},
  }
}

export function networkPolicy(ref: string, spec: NetworkPolicyObject['spec']): NetworkPolicyObject {
  const [ns = '', name = ''] = ref.split('/')
  return {metadata: {name, namespace: ns}, spec}
}

export function cluster(parts: Partial<ClusterState>): ClusterState {
  return {namespaces: [], pods: [], networkPolicies: [], ...parts}
}
