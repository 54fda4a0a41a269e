import {KubelineError, UsageError} from '@kubeline/core'
import {parseIpAddress} from './cidr.js'
import type {CompiledCluster} from './compiled-cluster.js'
import {compiledCluster} from './compiled-cluster.js'
import type {Endpoint} from './endpoint.js'
import {endpointName} from './endpoint.js'
import {evaluateDirection} from './evaluate-direction.js'
import type {ClusterState} from './kube-objects.js'
import type {NamedPortSource} from './named-port-source.js'
import type {Protocol} from './protocol.js'
import {parseProtocol, validatePortNumber} from './protocol.js'
import type {DirectionVerdict, Verdict} from './verdict.js'

/** A pod by namespace and name, or an address outside the pod network. */
export type EndpointRef = {namespace: string; name: string} | {ip: string}

export interface Traffic {
  source: EndpointRef
  destination: EndpointRef
  /** The destination (container / target) port, not a Service port. */
  port: number
  protocol: Protocol
}

/**
 * The choices upstream leaves to the network plugin:
 * - `ipBlockMatchesPods` (default true, as the upstream conformance tests expect): whether ipBlock
 *   peers match pod IPs. Host-network pods' IPs are node IPs and always match;
 * - `loopback` (default `allow`: "a pod cannot block access to itself"): `deny` reports a pod's
 *   traffic to itself as blocked, `policy` evaluates it like any other connection;
 * - `namedPorts` (default `containers`): which containers' ports named ports resolve against (see
 *   named-port-source.ts). A compiled cluster was compiled with its own: unset, that one stands.
 */
export interface EvaluationOptions {
  ipBlockMatchesPods?: boolean
  loopback?: LoopbackMode
  namedPorts?: NamedPortSource
}

export type LoopbackMode = 'allow' | 'deny' | 'policy'

export function resolvedOptions(options: EvaluationOptions): Required<EvaluationOptions> {
  return {ipBlockMatchesPods: options.ipBlockMatchesPods ?? true, loopback: options.loopback ?? 'allow', namedPorts: options.namedPorts ?? 'containers'}
}

/**
 * Decides one connection: allowed iff the source's egress AND the destination's ingress allow it,
 * each direction with the explanation of the tier and rule that decided it. Throws INVALID_ARGUMENT
 * for a bad port, protocol or IP, NOT_FOUND for an unknown pod, INVALID_MANIFEST for a bad policy.
 */
export function evaluateTraffic(cluster: ClusterState | CompiledCluster, traffic: Traffic, options: EvaluationOptions = {}): Verdict {
  const compiled = compiledCluster(cluster, options)
  const {ipBlockMatchesPods, loopback} = resolvedOptions(options)
  validatePortNumber(traffic.port)
  const protocol = parseProtocol(traffic.protocol)
  const source = resolveEndpoint(compiled, traffic.source)
  const destination = resolveEndpoint(compiled, traffic.destination)
  const port = {port: traffic.port, protocol}
  const names = {source: endpointName(source), destination: endpointName(destination), port: traffic.port, protocol}
  if (loopback !== 'policy' && source.kind === 'pod' && source === destination) {
    const allowed = loopback === 'allow'
    return {...names, allowed, egress: loopbackVerdict('egress', allowed), ingress: loopbackVerdict('ingress', allowed)}
  }
  const matchOptions = {ipBlockMatchesPods}
  const egress = evaluateDirection(compiled, {direction: 'egress', subject: source, peer: destination, traffic: port}, matchOptions)
  const ingress = evaluateDirection(compiled, {direction: 'ingress', subject: destination, peer: source, traffic: port}, matchOptions)
  return {...names, allowed: egress.allowed && ingress.allowed, egress, ingress}
}

function loopbackVerdict(direction: DirectionVerdict['direction'], allowed: boolean): DirectionVerdict {
  return {direction, allowed, decidedBy: 'loopback', subject: 'pod', selectingPolicies: [], selectingAdminPolicies: [], isolated: false, passedBy: []}
}

function resolveEndpoint(cluster: CompiledCluster, ref: EndpointRef): Endpoint {
  if ('ip' in ref) {
    const ip = parseIpAddress(ref.ip)
    if (ip === undefined) throw new UsageError('INVALID_ARGUMENT', `invalid IP address "${ref.ip}"`)
    return {kind: 'external', ip, text: ref.ip}
  }
  const pod = cluster.podsByName.get(`${ref.namespace}/${ref.name}`)
  if (pod === undefined) {
    throw new KubelineError('NOT_FOUND', `pod "${ref.name}" not found in namespace "${ref.namespace}"`, {fix: 'Check the name, or pass the namespace as ns/pod.'})
  }
  return pod
}
