import type {CompiledCluster} from './compiled-cluster.js'
import type {PodEndpoint} from './endpoint.js'
import {endpointName} from './endpoint.js'
import type {NetworkPolicyObject} from './kube-objects.js'
import type {NamedPortResolution} from './named-port-resolution.js'
import {resolveNamedPort} from './named-port-resolution.js'
import type {PeerMatcher, PeerMatchOptions} from './peer-matcher.js'
import type {PeerPods} from './peer-pods.js'
import {peerPods} from './peer-pods.js'
import type {CatalogDirection, CatalogPolicy, CatalogRule} from './policy-catalog.js'
import {policyCatalog} from './policy-catalog.js'
import type {PortSpec} from './port-matcher.js'
import type {Direction} from './verdict.js'

/** A peer of a rule and the pods of the cluster it matches (`all`: every pod, and every external address). */
export interface PeerExplanation {
  peer: PeerMatcher | 'all'
  pods: string[]
}

/** A port entry of a rule; a named port with where it resolves on the rule's destination pods. */
export interface PortExplanation {
  port: PortSpec | 'all'
  resolved?: NamedPortResolution[]
}

export interface RuleExplanation {
  index: number
  name?: string
  action: string
  peers: PeerExplanation[]
  ports: PortExplanation[]
  /** The pods a named port is resolved against: the selected pods (ingress) or the peers' pods (egress). */
  destinationPods: number
}

export interface DirectionExplanation extends Omit<CatalogDirection, 'rules'> {
  rules: RuleExplanation[]
}

export interface PolicyExplanation extends Omit<CatalogPolicy, 'ingress' | 'egress'> {
  /** `namespace/name`, sorted. */
  selectedPods: string[]
  ingress: DirectionExplanation
  egress: DirectionExplanation
}

/**
 * Each policy that `include` accepts (in evaluation order) with the pods it selects and, per
 * rule, the pods its peers match. `networkPolicies` are the objects as written (policyTypes).
 */
export function policyExplanations(
  compiled: CompiledCluster,
  networkPolicies: readonly NetworkPolicyObject[],
  options: PeerMatchOptions,
  include: (policy: CatalogPolicy) => boolean = () => true,
): PolicyExplanation[] {
  const podsOf = peerPods(compiled, options)
  return policyCatalog(compiled, networkPolicies)
    .filter(include)
    .map((policy) => explainPolicy(policy, podsOf))
}

function explainPolicy(policy: CatalogPolicy, podsOf: PeerPods): PolicyExplanation {
  const selected = podsOf(policy.subject)
  const direction = (name: Direction): DirectionExplanation => ({
    affected: policy[name].affected,
    reason: policy[name].reason,
    rules: policy[name].rules.map((rule, index) => explainRule(rule, index, name, selected, podsOf)),
  })
  return {...policy, selectedPods: selected.map(endpointName), ingress: direction('ingress'), egress: direction('egress')}
}

function explainRule(rule: CatalogRule, index: number, direction: Direction, selected: readonly PodEndpoint[], podsOf: PeerPods): RuleExplanation {
  const peers = rule.peers === 'all' ? ['all' as const] : rule.peers
  const matched = peers.map((peer) => ({peer, pods: podsOf(peer)}))
  const destinations = direction === 'ingress' ? selected : [...new Set(matched.flatMap((entry) => entry.pods))]
  return {
    index,
    ...(rule.name === undefined ? {} : {name: rule.name}),
    action: rule.action,
    peers: matched.map((entry) => ({peer: entry.peer, pods: entry.pods.map(endpointName)})),
    ports: rule.ports.kind === 'all' ? [{port: 'all'}] : rule.ports.ports.map((port) => (port.kind === 'named' ? {port, resolved: resolveNamedPort(port, destinations)} : {port})),
    destinationPods: destinations.length,
  }
}
