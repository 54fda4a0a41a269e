import type {CompiledAdminPolicy} from './admin-policy.js'
import type {CompiledCluster} from './compiled-cluster.js'
import type {Endpoint, PodEndpoint} from './endpoint.js'
import type {CompiledRule} from './network-policy-rules.js'
import type {PeerMatchOptions} from './peer-matcher.js'
import {peerMatches, podPeerMatches} from './peer-matcher.js'
import type {PortMatcher, TrafficPort} from './port-matcher.js'
import {matchPort} from './port-matcher.js'
import type {DecidingTier, Direction, DirectionVerdict, MatchedRule} from './verdict.js'

/** One direction of one connection: `subject` owns the direction (source for egress, destination for ingress). */
export interface DirectionQuestion {
  direction: Direction
  subject: Endpoint
  peer: Endpoint
  traffic: TrafficPort
}

/**
 * Decides one direction through the tiers, as the admin network policy API specifies:
 * 1. admin tier (ANP and Admin CNP by priority, rules in order): the first matching rule decides;
 *    Allow/Accept and Deny are final, Pass skips the rest of the tier;
 * 2. NetworkPolicy: if any policy selecting the pod affects this direction, the pod is isolated and
 *    the connection is allowed iff some rule of some such policy matches (additive, order-free);
 * 3. baseline tier (Baseline CNP by priority, then the BANP), like the admin tier;
 * 4. otherwise allowed.
 * External endpoints and host-network pods have no policies of their own: their side is `default`.
 * Named ports resolve against the destination: the subject for ingress, the peer for egress.
 */
export function evaluateDirection(cluster: CompiledCluster, question: DirectionQuestion, options: PeerMatchOptions): DirectionVerdict {
  const {subject} = question
  if (subject.kind === 'external' || subject.hostNetwork) {
    const kind = subject.kind === 'external' ? 'external' : 'host-network-pod'
    return {...emptyVerdict(question.direction, kind), allowed: true, decidedBy: 'default'}
  }
  const selectingAdmin = [...cluster.adminTier, ...cluster.baselineTier].filter((p) => selectsForDirection(p, subject, question.direction)).map((p) => p.ref)
  const policies = (cluster.networkPoliciesByNamespace.get(subject.namespace) ?? []).filter(
    (policy) => policy[question.direction] !== undefined && policy.podSelector.matches(subject.labels),
  )
  const base: DirectionVerdict = {
    ...emptyVerdict(question.direction, 'pod'),
    selectingPolicies: policies.map((p) => p.ref),
    selectingAdminPolicies: selectingAdmin,
    isolated: policies.length > 0,
  }
  const passedBy: MatchedRule[] = []
  const admin = firstAdminMatch(cluster.adminTier, subject, question, options)
  if (admin?.effect === 'pass') passedBy.push(admin.rule)
  else if (admin) return decided(base, 'admin', admin.effect === 'allow', admin.rule, passedBy)
  if (policies.length > 0) {
    for (const policy of policies) {
      const rules = policy[question.direction] ?? []
      for (const [ruleIndex, rule] of rules.entries()) {
        const match = matchRule(rule.peers, rule.ports, question, options)
        if (match) return decided(base, 'networkpolicy', true, {policy: policy.ref, direction: question.direction, ruleIndex, action: 'Allow', ...match}, passedBy)
      }
    }
    return {...base, allowed: false, decidedBy: 'networkpolicy', passedBy}
  }
  const baseline = firstAdminMatch(cluster.baselineTier, subject, question, options)
  if (baseline?.effect === 'pass') passedBy.push(baseline.rule)
  else if (baseline) return decided(base, 'baseline', baseline.effect === 'allow', baseline.rule, passedBy)
  return {...base, allowed: true, decidedBy: 'default', passedBy}
}

function emptyVerdict(direction: Direction, subject: DirectionVerdict['subject']): DirectionVerdict {
  return {direction, allowed: true, decidedBy: 'default', subject, selectingPolicies: [], selectingAdminPolicies: [], isolated: false, passedBy: []}
}

function decided(base: DirectionVerdict, tier: DecidingTier, allowed: boolean, rule: MatchedRule, passedBy: MatchedRule[]): DirectionVerdict {
  return {...base, allowed, decidedBy: tier, rule, passedBy}
}

function selectsForDirection(policy: CompiledAdminPolicy, subject: PodEndpoint, direction: Direction): boolean {
  return policy[direction].length > 0 && podPeerMatches(policy.subject, subject)
}

/** The first rule of the tier (policies in order, rules in order) that matches, with its effect. */
function firstAdminMatch(
  tier: readonly CompiledAdminPolicy[],
  subject: PodEndpoint,
  question: DirectionQuestion,
  options: PeerMatchOptions,
): {effect: CompiledAdminPolicy['ingress'][number]['effect']; rule: MatchedRule} | undefined {
  for (const policy of tier) {
    if (!selectsForDirection(policy, subject, question.direction)) continue
    for (const [ruleIndex, rule] of policy[question.direction].entries()) {
      const match = matchRule(rule.peers, rule.ports, question, options)
      if (match) {
        return {effect: rule.effect, rule: {policy: policy.ref, direction: question.direction, ruleIndex, ruleName: rule.name, action: rule.action, ...match}}
      }
    }
  }
  return undefined
}

/** Which peer and which port entry of a rule admit the connection (null index: not restricted). */
function matchRule(
  peers: CompiledRule['peers'],
  ports: PortMatcher,
  question: DirectionQuestion,
  options: PeerMatchOptions,
): Pick<MatchedRule, 'peerIndex' | 'peer' | 'portIndex' | 'port'> | undefined {
  const destination = question.direction === 'ingress' ? question.subject : question.peer
  const portMatch = matchPort(ports, question.traffic, destination.kind === 'pod' ? destination.namedPorts : undefined)
  if (portMatch === undefined) return undefined
  const port = portMatch === 'all' || ports.kind === 'all' ? {portIndex: null, port: 'all' as const} : {portIndex: portMatch, port: ports.ports[portMatch] ?? 'all'}
  if (peers === 'all') return {peerIndex: null, peer: 'all', ...port}
  const peerIndex = peers.findIndex((peer) => peerMatches(peer, question.peer, options))
  const peer = peers[peerIndex]
  return peer === undefined ? undefined : {peerIndex, peer, ...port}
}
