import type {AdminRule, CompiledAdminPolicy} from './admin-policy.js'
import type {ClassSet} from './class-set.js'
import {addClass, emptyClassSet, hasClass, fullClassSet, intersection, settle, unionInto} from './class-set.js'
import type {CompiledCluster} from './compiled-cluster.js'
import type {PodEndpoint} from './endpoint.js'
import type {PodClass} from './equivalence-classes.js'
import type {CompiledNetworkPolicy, CompiledRule} from './network-policy-rules.js'
import type {NamespaceMatcher, PeerMatcher, PeerMatchOptions} from './peer-matcher.js'
import {namespaceMatcherKey, namespaceMatches, peerMatcherKey, peerMatches} from './peer-matcher.js'
import type {PortMatcher, TrafficPort} from './port-matcher.js'
import {dependsOnDestination, matchPort} from './port-matcher.js'
import type {Direction} from './verdict.js'

type Rule = CompiledRule | AdminRule

/**
 * The same tier walk as evaluateDirection, done for one subject class against every peer class at
 * once with bit sets: each ordered admin rule settles the classes it matches, NetworkPolicy settles
 * everything left for an isolated class, baseline rules settle what remains, the rest is allowed.
 * Peer and subject selections are computed once per matcher and reused for every port.
 */
export class ClassReachability {
  private readonly cluster: CompiledCluster
  private readonly classes: readonly PodClass[]
  private readonly options: PeerMatchOptions
  private readonly size: number
  private readonly all: ClassSet
  /** Shared and never written: what a rule whose ports do not admit the traffic matches. */
  private readonly none: ClassSet
  private readonly classesByNamespace = new Map<string, number[]>()
  private readonly peerSets = new Map<string, ClassSet>()
  private readonly namespaceSelections = new Map<string, string[]>()
  private readonly ruleSets = new Map<Rule, ClassSet>()
  private readonly policiesOfClass: {ingress: CompiledNetworkPolicy[]; egress: CompiledNetworkPolicy[]}[]
  private readonly adminOfClass: {ingress: CompiledAdminPolicy[][]; egress: CompiledAdminPolicy[][]}[]

  constructor(cluster: CompiledCluster, classes: readonly PodClass[], options: PeerMatchOptions) {
    this.cluster = cluster
    this.classes = classes
    this.options = options
    this.size = classes.length
    this.all = fullClassSet(this.size)
    this.none = emptyClassSet(this.size)
    classes.forEach((c, i) => {
      const list = this.classesByNamespace.get(c.representative.namespace)
      if (list === undefined) this.classesByNamespace.set(c.representative.namespace, [i])
      else list.push(i)
    })
    this.policiesOfClass = classes.map((c) => this.networkPoliciesSelecting(c.representative))
    const tierSubjects = [cluster.adminTier, cluster.baselineTier].map((tier) => tier.map((p) => this.peerSet(p.subject)))
    this.adminOfClass = classes.map((c, i) => ({
      ingress: [cluster.adminTier, cluster.baselineTier].map((tier, t) => tier.filter((p, j) => p.ingress.length > 0 && hasClass(tierSubjects[t]?.[j] ?? this.all, i) && !c.representative.hostNetwork)),
      egress: [cluster.adminTier, cluster.baselineTier].map((tier, t) => tier.filter((p, j) => p.egress.length > 0 && hasClass(tierSubjects[t]?.[j] ?? this.all, i) && !c.representative.hostNetwork)),
    }))
  }

  /** The peer classes `subject` allows in `direction` (sources for ingress, destinations for egress). */
  allowedPeers(subject: number, direction: Direction, traffic: TrafficPort, portSets: Map<PortMatcher, ClassSet>): ClassSet {
    const representative = this.classes[subject]?.representative as PodEndpoint
    if (representative.hostNetwork) return this.all
    const context = {subject: representative, direction, traffic, portSets}
    const allowed = emptyClassSet(this.size)
    const [admin = [], baseline = []] = this.adminOfClass[subject]?.[direction] ?? []
    const pending = this.walkTier(admin, context, allowed, this.all.slice())
    const policies = this.policiesOfClass[subject]?.[direction] ?? []
    if (policies.length > 0) {
      const matched = emptyClassSet(this.size)
      for (const policy of policies) for (const rule of policy[direction] ?? []) unionInto(matched, this.ruleMatches(rule, context))
      unionInto(allowed, intersection(pending, matched))
      return allowed
    }
    unionInto(allowed, this.walkTier(baseline, context, allowed, pending))
    return allowed
  }

  /** Settles `undecided` rule by rule; returns what is left for the next tier (undecided + passed). */
  private walkTier(tier: readonly CompiledAdminPolicy[], context: RuleContext, allowed: ClassSet, undecided: ClassSet): ClassSet {
    if (tier.length === 0) return undecided
    const passed = emptyClassSet(this.size)
    for (const policy of tier) {
      for (const rule of policy[context.direction]) {
        const matched = this.ruleMatches(rule, context)
        settle(undecided, matched, rule.effect === 'allow' ? allowed : rule.effect === 'pass' ? passed : undefined)
      }
    }
    unionInto(undecided, passed)
    return undecided
  }

  private ruleMatches(rule: Rule, context: RuleContext): ClassSet {
    const peers = this.rulePeers(rule)
    if (context.direction === 'egress' && dependsOnDestination(rule.ports)) return intersection(peers, this.destinationPortSet(rule.ports, context))
    const destinationPorts = context.direction === 'ingress' ? context.subject.namedPorts : undefined
    return matchPort(rule.ports, context.traffic, destinationPorts) === undefined ? this.none : peers
  }

  /** Which destination classes an egress rule's named ports admit. */
  private destinationPortSet(ports: PortMatcher, context: RuleContext): ClassSet {
    let set = context.portSets.get(ports)
    if (set === undefined) {
      set = emptyClassSet(this.size)
      for (const [i, c] of this.classes.entries()) if (matchPort(ports, context.traffic, c.representative.namedPorts) !== undefined) addClass(set, i)
      context.portSets.set(ports, set)
    }
    return set
  }

  private rulePeers(rule: Rule): ClassSet {
    let set = this.ruleSets.get(rule)
    if (set === undefined) {
      if (rule.peers === 'all') set = this.all
      else {
        set = emptyClassSet(this.size)
        for (const peer of rule.peers) unionInto(set, this.peerSet(peer))
      }
      this.ruleSets.set(rule, set)
    }
    return set
  }

  /** Cached by the matcher's key: thousands of policies repeat the same few peers. */
  private peerSet(peer: PeerMatcher): ClassSet {
    const key = peerMatcherKey(peer)
    let set = this.peerSets.get(key)
    if (set === undefined) {
      set = peer.kind === 'pods' ? this.podPeerSet(peer) : this.scanPeerSet(peer)
      this.peerSets.set(key, set)
    }
    return set
  }

  /** Only the classes of the selected namespaces are tested against the pod selector. */
  private podPeerSet(peer: Extract<PeerMatcher, {kind: 'pods'}>): ClassSet {
    const set = emptyClassSet(this.size)
    for (const namespace of this.selectedNamespaces(peer.namespaces)) {
      for (const i of this.classesByNamespace.get(namespace) ?? []) {
        const pod = this.classes[i]?.representative as PodEndpoint
        if (!pod.hostNetwork && peer.pods.matches(pod.labels)) addClass(set, i)
      }
    }
    return set
  }

  private selectedNamespaces(matcher: NamespaceMatcher): readonly string[] {
    if (matcher.kind === 'exact') return [matcher.namespace]
    const key = namespaceMatcherKey(matcher)
    let selected = this.namespaceSelections.get(key)
    if (selected === undefined) {
      selected = [...this.classesByNamespace.keys()].filter((namespace) => namespaceMatches(matcher, {namespace, namespaceLabels: this.cluster.namespaceLabels.get(namespace)}))
      this.namespaceSelections.set(key, selected)
    }
    return selected
  }

  private scanPeerSet(peer: PeerMatcher): ClassSet {
    const set = emptyClassSet(this.size)
    for (const [i, c] of this.classes.entries()) if (peerMatches(peer, c.representative, this.options)) addClass(set, i)
    return set
  }

  private networkPoliciesSelecting(pod: PodEndpoint): {ingress: CompiledNetworkPolicy[]; egress: CompiledNetworkPolicy[]} {
    const selecting = pod.hostNetwork ? [] : (this.cluster.networkPoliciesByNamespace.get(pod.namespace) ?? []).filter((p) => p.podSelector.matches(pod.labels))
    return {ingress: selecting.filter((p) => p.ingress !== undefined), egress: selecting.filter((p) => p.egress !== undefined)}
  }
}

interface RuleContext {
  subject: PodEndpoint
  direction: Direction
  traffic: TrafficPort
  portSets: Map<PortMatcher, ClassSet>
}
