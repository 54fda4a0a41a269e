import {LabelSelector} from '@kubeline/core'
import type {AdminPeerObject, AdminPortObject, AdminRuleObject, AdminSubjectObject, NamespacedPodObject} from './kube-objects.js'
import type {AdminNetworkPolicyObject, BaselineAdminNetworkPolicyObject} from './kube-objects.js'
import {policyCidr, policyPortNumber, policySelector} from './policy-field.js'
import type {PeerMatcher} from './peer-matcher.js'
import type {PolicyRef} from './policy-ref.js'
import {invalidPolicy} from './policy-ref.js'
import type {PortMatcher, PortSpec} from './port-matcher.js'
import {ALL_PORTS} from './port-matcher.js'
import type {Protocol} from './protocol.js'
import {isProtocol} from './protocol.js'

export type AdminEffect = 'allow' | 'deny' | 'pass'

/** One rule of an admin-tier policy: the first rule (in policy order) whose peer and port match decides. */
export interface AdminRule {
  name: string | undefined
  /** As written: Allow / Deny / Pass (v1alpha1) or Accept / Deny / Pass (v1alpha2). */
  action: string
  effect: AdminEffect
  peers: readonly PeerMatcher[]
  ports: PortMatcher
}

/**
 * AdminNetworkPolicy, BaselineAdminNetworkPolicy and ClusterNetworkPolicy compiled into one shape.
 * `subject` is always a `pods` matcher (host-network pods are never subjects).
 */
export interface CompiledAdminPolicy {
  ref: PolicyRef
  tier: 'admin' | 'baseline'
  /** Lower is evaluated first. BaselineAdminNetworkPolicy has none: it is placed after every baseline ClusterNetworkPolicy. */
  priority: number
  subject: Extract<PeerMatcher, {kind: 'pods'}>
  ingress: readonly AdminRule[]
  egress: readonly AdminRule[]
}

const V1ALPHA1_EFFECTS: Readonly<Record<string, AdminEffect>> = {Allow: 'allow', Deny: 'deny', Pass: 'pass'}

/**
 * policy.networking.k8s.io/v1alpha1 AdminNetworkPolicy: `priority` 0..1000 (lower first), rules in
 * order, actions Allow / Deny / Pass (Pass skips the rest of the admin tier to NetworkPolicy).
 * `ports` absent: every port; `portNumber`/`portRange` protocol defaults to TCP; `namedPort` uses
 * the destination container port's protocol. `networks` peers are CIDRs (pod IPs included, as the
 * API says); `nodes` and `domainNames` peers are not modelled and match nothing.
 */
export function compileAdminNetworkPolicy(policy: AdminNetworkPolicyObject): CompiledAdminPolicy {
  const ref: PolicyRef = {kind: 'AdminNetworkPolicy', name: policy.metadata.name}
  const priority = policy.spec.priority
  if (!Number.isInteger(priority) || priority < 0 || priority > 1000) invalidPolicy(ref, 'spec.priority', `${String(priority)} must be an integer between 0 and 1000`)
  return {
    ref,
    tier: 'admin',
    priority,
    subject: compileSubject(ref, policy.spec.subject),
    ingress: (policy.spec.ingress ?? []).map((rule, i) => compileV1alpha1Rule(ref, `spec.ingress[${i}]`, rule, 'from', V1ALPHA1_EFFECTS)),
    egress: (policy.spec.egress ?? []).map((rule, i) => compileV1alpha1Rule(ref, `spec.egress[${i}]`, rule, 'to', V1ALPHA1_EFFECTS)),
  }
}

/** v1alpha1 BaselineAdminNetworkPolicy (the singleton "default"): as ANP, actions Allow / Deny only. */
export function compileBaselineAdminNetworkPolicy(policy: BaselineAdminNetworkPolicyObject): CompiledAdminPolicy {
  const ref: PolicyRef = {kind: 'BaselineAdminNetworkPolicy', name: policy.metadata.name}
  const effects = {Allow: 'allow', Deny: 'deny'} as const
  return {
    ref,
    tier: 'baseline',
    priority: Number.MAX_SAFE_INTEGER,
    subject: compileSubject(ref, policy.spec.subject),
    ingress: (policy.spec.ingress ?? []).map((rule, i) => compileV1alpha1Rule(ref, `spec.ingress[${i}]`, rule, 'from', effects)),
    egress: (policy.spec.egress ?? []).map((rule, i) => compileV1alpha1Rule(ref, `spec.egress[${i}]`, rule, 'to', effects)),
  }
}

function compileV1alpha1Rule(
  ref: PolicyRef,
  path: string,
  rule: AdminRuleObject,
  field: 'from' | 'to',
  effects: Readonly<Record<string, AdminEffect>>,
): AdminRule {
  return compileAdminRule(ref, path, rule, field, effects, {field: 'ports', entries: rule.ports, compile: compileAdminPort})
}

/** The shared shape of v1alpha1 and v1alpha2 rules; only the port list differs (`ports` / `protocols`). */
export function compileAdminRule<Entry>(
  ref: PolicyRef,
  path: string,
  rule: {name?: string; action: string; from?: readonly AdminPeerObject[] | null; to?: readonly AdminPeerObject[] | null},
  field: 'from' | 'to',
  effects: Readonly<Record<string, AdminEffect>>,
  ports: {field: string; entries: readonly Entry[] | null | undefined; compile: (ref: PolicyRef, path: string, entry: Entry) => PortSpec},
): AdminRule {
  const entries = ports.entries ?? []
  return {
    name: rule.name,
    action: rule.action,
    effect: adminEffect(ref, path, rule.action, effects),
    peers: compileAdminPeers(ref, path, field, rule[field]),
    ports: entries.length === 0 ? ALL_PORTS : {kind: 'some', ports: entries.map((entry, i) => ports.compile(ref, `${path}.${ports.field}[${i}]`, entry))},
  }
}

function adminEffect(ref: PolicyRef, path: string, action: string, effects: Readonly<Record<string, AdminEffect>>): AdminEffect {
  const effect = Object.hasOwn(effects, action) ? effects[action] : undefined
  return effect ?? invalidPolicy(ref, `${path}.action`, `unsupported value "${action}": expected ${Object.keys(effects).join(', ')}`)
}

/** `from`/`to` must list at least one peer; each peer sets exactly one field. */
function compileAdminPeers(ref: PolicyRef, path: string, field: 'from' | 'to', peers: readonly AdminPeerObject[] | null | undefined): PeerMatcher[] {
  if (peers === null || peers === undefined || peers.length === 0) invalidPolicy(ref, `${path}.${field}`, 'must list at least one peer')
  return peers.map((peer, i) => compileAdminPeer(ref, `${path}.${field}[${i}]`, peer))
}

function compileAdminPeer(ref: PolicyRef, path: string, peer: AdminPeerObject): PeerMatcher {
  const set = (['namespaces', 'pods', 'nodes', 'networks', 'domainNames'] as const).filter((key) => peer[key] !== null && peer[key] !== undefined)
  if (set.length !== 1) invalidPolicy(ref, path, `exactly one of namespaces, pods, nodes, networks or domainNames must be set (found ${set.length})`)
  if (peer.namespaces) return {kind: 'pods', namespaces: {kind: 'selector', selector: policySelector(ref, `${path}.namespaces`, peer.namespaces)}, pods: LabelSelector.everything()}
  if (peer.pods) return namespacedPods(ref, `${path}.pods`, peer.pods)
  if (peer.networks) {
    return {kind: 'ipBlock', cidrs: peer.networks.map((text, i) => policyCidr(ref, `${path}.networks[${i}]`, text)), except: [], alwaysMatchesPods: true}
  }
  return {kind: 'nothing', reason: `${set[0] ?? 'nodes'} peers are not modelled`}
}

/** The subject: exactly one of `namespaces` (every pod in them) or `pods` (namespace AND pod selector). */
export function compileSubject(ref: PolicyRef, subject: AdminSubjectObject): CompiledAdminPolicy['subject'] {
  const hasNamespaces = subject.namespaces !== null && subject.namespaces !== undefined
  const hasPods = subject.pods !== null && subject.pods !== undefined
  if (hasNamespaces === hasPods) invalidPolicy(ref, 'spec.subject', 'exactly one of namespaces or pods must be set')
  if (hasPods) return namespacedPods(ref, 'spec.subject.pods', subject.pods as NamespacedPodObject)
  return {kind: 'pods', namespaces: {kind: 'selector', selector: policySelector(ref, 'spec.subject.namespaces', subject.namespaces)}, pods: LabelSelector.everything()}
}

/** NamespacedPod: an absent namespaceSelector or podSelector is `{}` (everything), as the CRD defaults it. */
function namespacedPods(ref: PolicyRef, path: string, pods: NamespacedPodObject): Extract<PeerMatcher, {kind: 'pods'}> {
  return {
    kind: 'pods',
    namespaces: {kind: 'selector', selector: policySelector(ref, `${path}.namespaceSelector`, pods.namespaceSelector ?? {})},
    pods: policySelector(ref, `${path}.podSelector`, pods.podSelector ?? {}),
  }
}

function compileAdminPort(ref: PolicyRef, path: string, port: AdminPortObject): PortSpec {
  const set = (['portNumber', 'namedPort', 'portRange'] as const).filter((key) => port[key] !== null && port[key] !== undefined)
  if (set.length !== 1) invalidPolicy(ref, path, `exactly one of portNumber, namedPort or portRange must be set (found ${set.length})`)
  if (port.portNumber) {
    policyPortNumber(ref, `${path}.portNumber.port`, port.portNumber.port)
    const protocol = adminProtocol(ref, `${path}.portNumber.protocol`, port.portNumber.protocol)
    return {kind: 'range', protocol, first: port.portNumber.port, last: port.portNumber.port}
  }
  if (port.portRange) {
    const {start, end} = port.portRange
    policyPortNumber(ref, `${path}.portRange.start`, start)
    policyPortNumber(ref, `${path}.portRange.end`, end)
    if (end < start) invalidPolicy(ref, `${path}.portRange.end`, `${end} must be greater than or equal to start ${start}`)
    return {kind: 'range', protocol: adminProtocol(ref, `${path}.portRange.protocol`, port.portRange.protocol), first: start, last: end}
  }
  return {kind: 'named', name: port.namedPort as string}
}

function adminProtocol(ref: PolicyRef, path: string, protocol: string | null | undefined): Protocol {
  const value = protocol ?? 'TCP'
  return isProtocol(value) ? value : invalidPolicy(ref, path, `unsupported value "${value}": expected TCP, UDP or SCTP`)
}
