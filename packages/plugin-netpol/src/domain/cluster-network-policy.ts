import type {ClusterNetworkPolicyObject, ClusterPortObject, ClusterProtocolObject, ClusterRuleObject} from './kube-objects.js'
import type {AdminRule, CompiledAdminPolicy} from './admin-policy.js'
import {compileAdminRule, compileSubject} from './admin-policy.js'
import {policyPortNumber} from './policy-field.js'
import type {PolicyRef} from './policy-ref.js'
import {invalidPolicy} from './policy-ref.js'
import type {PortSpec} from './port-matcher.js'
import type {Protocol} from './protocol.js'

const V1ALPHA2_EFFECTS = {Accept: 'allow', Deny: 'deny', Pass: 'pass'} as const
const TIERS = {Admin: 'admin', Baseline: 'baseline'} as const

/**
 * policy.networking.k8s.io/v1alpha2 ClusterNetworkPolicy (apis/v1alpha2/clusternetworkpolicy_types.go):
 * - `tier: Admin` is evaluated before NetworkPolicy, `tier: Baseline` after it;
 * - `priority` 0..1000, lower first within the tier; rules in written order;
 * - `Accept` / `Deny` are final for the direction (an egress Accept still needs the destination's
 *   ingress); `Pass` skips the rest of the tier (Baseline Pass falls through to the default allow);
 * - `protocols` absent: every port; each entry is one of tcp / udp / sctp (`destinationPort`
 *   number or range; absent = every port of that protocol) or `destinationNamedPort`.
 */
export function compileClusterNetworkPolicy(policy: ClusterNetworkPolicyObject): CompiledAdminPolicy {
  const ref: PolicyRef = {kind: 'ClusterNetworkPolicy', name: policy.metadata.name}
  const {tier, priority} = policy.spec
  const compiledTier = Object.hasOwn(TIERS, tier) ? TIERS[tier as keyof typeof TIERS] : invalidPolicy(ref, 'spec.tier', `unsupported value "${tier}": expected Admin or Baseline`)
  if (!Number.isInteger(priority) || priority < 0 || priority > 1000) invalidPolicy(ref, 'spec.priority', `${String(priority)} must be an integer between 0 and 1000`)
  return {
    ref,
    tier: compiledTier,
    priority,
    subject: compileSubject(ref, policy.spec.subject),
    ingress: (policy.spec.ingress ?? []).map((rule, i) => compileRule(ref, `spec.ingress[${i}]`, rule, 'from')),
    egress: (policy.spec.egress ?? []).map((rule, i) => compileRule(ref, `spec.egress[${i}]`, rule, 'to')),
  }
}

function compileRule(ref: PolicyRef, path: string, rule: ClusterRuleObject, field: 'from' | 'to'): AdminRule {
  return compileAdminRule(ref, path, rule, field, V1ALPHA2_EFFECTS, {field: 'protocols', entries: rule.protocols, compile: compileProtocol})
}

function compileProtocol(ref: PolicyRef, path: string, entry: ClusterProtocolObject): PortSpec {
  const set = (['tcp', 'udp', 'sctp', 'destinationNamedPort'] as const).filter((key) => entry[key] !== null && entry[key] !== undefined)
  if (set.length !== 1) invalidPolicy(ref, path, `exactly one of tcp, udp, sctp or destinationNamedPort must be set (found ${set.length})`)
  const key = set[0] as (typeof set)[number]
  if (key === 'destinationNamedPort') return {kind: 'named', name: entry.destinationNamedPort as string}
  const protocol = key.toUpperCase() as Protocol
  const port = entry[key]?.destinationPort
  return port === null || port === undefined ? {kind: 'protocol', protocol} : destinationPort(ref, `${path}.${key}.destinationPort`, protocol, port)
}

function destinationPort(ref: PolicyRef, path: string, protocol: Protocol, port: ClusterPortObject): PortSpec {
  if (port.range) {
    policyPortNumber(ref, `${path}.range.start`, port.range.start)
    policyPortNumber(ref, `${path}.range.end`, port.range.end)
    if (port.range.start >= port.range.end) invalidPolicy(ref, `${path}.range`, `start ${port.range.start} must be less than end ${port.range.end}`)
    return {kind: 'range', protocol, first: port.range.start, last: port.range.end}
  }
  const number = port.number ?? invalidPolicy(ref, path, 'one of number or range must be set')
  policyPortNumber(ref, `${path}.number`, number)
  return {kind: 'range', protocol, first: number, last: number}
}
