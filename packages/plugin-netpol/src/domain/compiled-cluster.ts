import {BugError, compareCodeUnits, UsageError} from '@kubeline/core'
import type {LabelSet} from '@kubeline/core'
import type {CompiledAdminPolicy} from './admin-policy.js'
import {compileAdminNetworkPolicy, compileBaselineAdminNetworkPolicy} from './admin-policy.js'
import type {IpAddress} from './cidr.js'
import {parseIpAddress} from './cidr.js'
import {compileClusterNetworkPolicy} from './cluster-network-policy.js'
import type {PodEndpoint} from './endpoint.js'
import type {ClusterState, PodObject} from './kube-objects.js'
import type {NamedPortSource} from './named-port-source.js'
import {portDeclaringContainers} from './named-port-source.js'
import type {CompiledNetworkPolicy} from './network-policy-rules.js'
import {compileNetworkPolicy} from './network-policy-rules.js'
import type {NamedContainerPort} from './port-matcher.js'
import {isProtocol} from './protocol.js'

/** The label the control plane puts on every namespace; synthesised when a namespace lacks it. */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name'

/** A cluster with every policy compiled once, ready for many evaluations. */
export interface CompiledCluster {
  compiled: true
  /** Which containers' ports the pods' named ports were read from. */
  namedPorts: NamedPortSource
  pods: readonly PodEndpoint[]
  podsByName: ReadonlyMap<string, PodEndpoint>
  namespaceLabels: ReadonlyMap<string, LabelSet>
  networkPoliciesByNamespace: ReadonlyMap<string, readonly CompiledNetworkPolicy[]>
  /** ANPs and Admin-tier CNPs, in evaluation order (priority, then kind, then name). */
  adminTier: readonly CompiledAdminPolicy[]
  /** Baseline-tier CNPs by priority, then the BANP. */
  baselineTier: readonly CompiledAdminPolicy[]
}

/** How pods are read: `namedPorts` (default `containers`) says which containers' named ports count. */
export interface CompileOptions {
  namedPorts?: NamedPortSource
}

/**
 * Compiles every object (throwing INVALID_MANIFEST on the first invalid policy). Namespaces that
 * pods refer to but that are not listed are assumed to exist with no labels, and every
 * namespace gets `kubernetes.io/metadata.name=<name>` as the API server sets it.
 */
export function compileCluster(cluster: ClusterState, options: CompileOptions = {}): CompiledCluster {
  const namedPorts = options.namedPorts ?? 'containers'
  const namespaceLabels = new Map<string, LabelSet>()
  for (const namespace of cluster.namespaces) {
    namespaceLabels.set(namespace.metadata.name, {...namespace.metadata.labels, [NAMESPACE_NAME_LABEL]: namespace.metadata.name})
  }
  const labelsOf = (namespace: string): LabelSet => {
    const known = namespaceLabels.get(namespace)
    if (known !== undefined) return known
    const synthesised = {[NAMESPACE_NAME_LABEL]: namespace}
    namespaceLabels.set(namespace, synthesised)
    return synthesised
  }
  const pods = cluster.pods.map((pod) => podEndpoint(pod, labelsOf(pod.metadata.namespace), namedPorts))
  const networkPoliciesByNamespace = new Map<string, CompiledNetworkPolicy[]>()
  for (const policy of cluster.networkPolicies.map(compileNetworkPolicy)) {
    const inNamespace = networkPoliciesByNamespace.get(policy.namespace)
    if (inNamespace === undefined) networkPoliciesByNamespace.set(policy.namespace, [policy])
    else inNamespace.push(policy)
  }
  const cnps = (cluster.clusterNetworkPolicies ?? []).map(compileClusterNetworkPolicy)
  return {
    compiled: true,
    namedPorts,
    pods,
    podsByName: new Map(pods.map((pod) => [`${pod.namespace}/${pod.name}`, pod])),
    namespaceLabels,
    networkPoliciesByNamespace,
    adminTier: inEvaluationOrder([...(cluster.adminNetworkPolicies ?? []).map(compileAdminNetworkPolicy), ...cnps.filter((p) => p.tier === 'admin')]),
    baselineTier: inEvaluationOrder([...cnps.filter((p) => p.tier === 'baseline'), ...(cluster.baselineAdminNetworkPolicies ?? []).map(compileBaselineAdminNetworkPolicy)]),
  }
}

/**
 * `cluster` compiled with `options`, or as it was compiled: a compiled cluster's pods already carry
 * their named ports, so asking for another source is a mistake of the caller (a BugError).
 */
export function compiledCluster(cluster: ClusterState | CompiledCluster, options: CompileOptions): CompiledCluster {
  if (!('compiled' in cluster)) return compileCluster(cluster, options)
  if (options.namedPorts !== undefined && options.namedPorts !== cluster.namedPorts) {
    throw new BugError(`a cluster compiled with named ports from ${cluster.namedPorts}, evaluated with ${options.namedPorts}: compile it with the same options`)
  }
  return cluster
}

/** Same-priority order is implementation-defined upstream; we make it deterministic (kind, then name). */
function inEvaluationOrder(policies: CompiledAdminPolicy[]): CompiledAdminPolicy[] {
  return policies.sort((a, b) => a.priority - b.priority || compareCodeUnits(a.ref.kind, b.ref.kind) || compareCodeUnits(a.ref.name, b.ref.name))
}

/** A pod as the matchers see it. A pod without IPs (not yet scheduled) simply matches no ipBlock. */
export function podEndpoint(pod: PodObject, namespaceLabels: LabelSet, namedPortSource: NamedPortSource): PodEndpoint {
  const name = `${pod.metadata.namespace}/${pod.metadata.name}`
  return {
    kind: 'pod',
    namespace: pod.metadata.namespace,
    name: pod.metadata.name,
    labels: pod.metadata.labels ?? {},
    namespaceLabels,
    hostNetwork: pod.spec?.hostNetwork === true,
    ips: podIps(pod, name),
    namedPorts: namedPorts(pod, name, namedPortSource),
  }
}

function podIps(pod: PodObject, name: string): IpAddress[] {
  const texts = new Set([...(pod.status?.podIPs ?? []).map((entry) => entry.ip), ...(pod.status?.podIP ? [pod.status.podIP] : [])])
  return [...texts].map((text) => {
    const ip = parseIpAddress(text)
    if (ip === undefined) throw new UsageError('INVALID_MANIFEST', `Pod ${name}: status.podIPs: "${text}" is not an IP address`)
    return ip
  })
}

function namedPorts(pod: PodObject, name: string, source: NamedPortSource): NamedContainerPort[] {
  return portDeclaringContainers(pod, source).flatMap((container) =>
    (container.ports ?? []).flatMap((port) => {
      const protocol = port.protocol ?? 'TCP'
      if (!isProtocol(protocol)) throw new UsageError('INVALID_MANIFEST', `Pod ${name}: container "${container.name ?? ''}" port ${port.containerPort}: unsupported protocol "${protocol}"`)
      return port.name ? [{name: port.name, port: port.containerPort, protocol}] : []
    }),
  )
}
