import type {LabelSet} from '@kubeline/core'
import type {PodEndpoint} from './endpoint.js'
import type {LintFinding} from './lint-finding.js'
import {lintFinding} from './lint-finding.js'
import type {PeerMatcher} from './peer-matcher.js'
import {namespaceMatches} from './peer-matcher.js'
import type {PolicyExplanation, RuleExplanation} from './policy-explanation.js'
import type {Direction} from './verdict.js'

/**
 * NO_DEFAULT_DENY_INGRESS / NO_DEFAULT_DENY_EGRESS: nothing denies by default what no rule allows
 * in that direction, the recommended baseline (kubernetes.io "Default policies"). A default deny is
 * - a NetworkPolicy of the namespace that selects every pod (`podSelector: {}`) and isolates the
 *   direction (it may also allow traffic: every pod is still isolated), or
 * - an AdminNetworkPolicy or BaselineAdminNetworkPolicy whose subject is every pod of the namespace,
 *   with a Deny rule for the direction on every port (no `ports`) whose peers are every pod (`namespaces: {}`)
 *   and, for egress, every address too (`networks` 0.0.0.0/0 and ::/0): earlier rules may allow some traffic first.
 */
export function defaultDenyFindings(namespace: string, namespaceLabels: LabelSet, policies: readonly PolicyExplanation[]): LintFinding[] {
  const coversAll = (direction: Direction) =>
    policies.some((policy) =>
      policy.tier === 'networkpolicy'
        ? policy.ref.namespace === namespace && policy.subject.pods.isEverything() && policy[direction].affected
        : namespaceMatches(policy.subject.namespaces, {namespace, namespaceLabels}) &&
          policy.subject.pods.isEverything() &&
          policy[direction].rules.some((rule) => deniesEverything(rule, direction)),
    )
  const object = {kind: 'Namespace', name: namespace}
  return [
    ...(coversAll('ingress') ? [] : [lintFinding('NO_DEFAULT_DENY_INGRESS', object, 'no default-deny ingress policy: pods no policy selects accept traffic from anywhere')]),
    ...(coversAll('egress') ? [] : [lintFinding('NO_DEFAULT_DENY_EGRESS', object, 'no default-deny egress policy: pods no policy selects may connect anywhere')]),
  ]
}

/**
 * POD_NOT_COVERED: no policy of any kind selects the pod for either direction, so every
 * connection to and from it is allowed. Host-network pods are skipped: policies never select them.
 */
export function uncoveredPodFindings(pods: readonly PodEndpoint[], policies: readonly PolicyExplanation[]): LintFinding[] {
  const covered = new Set(policies.filter((policy) => policy.ingress.affected || policy.egress.affected).flatMap((policy) => policy.selectedPods))
  return pods
    .filter((pod) => !pod.hostNetwork && !covered.has(`${pod.namespace}/${pod.name}`))
    .map((pod) => lintFinding('POD_NOT_COVERED', {kind: 'Pod', name: pod.name, namespace: pod.namespace}, 'no policy selects this pod: all its traffic, in and out, is allowed'))
}

/** A Deny rule on every port whose peers are every pod and, for egress, every IPv4 and IPv6 address. */
function deniesEverything(rule: RuleExplanation, direction: Direction): boolean {
  if (rule.action !== 'Deny' || !rule.ports.some((entry) => entry.port === 'all')) return false
  const peers = rule.peers.map((entry) => entry.peer)
  if (peers.some((peer) => peer === 'all' || peer.kind === 'all')) return true
  const everyPod = peers.some((peer) => isPodPeer(peer) && peer.namespaces.kind === 'selector' && peer.namespaces.selector.isEverything() && peer.pods.isEverything())
  if (direction === 'ingress') return everyPod
  const everyAddress = ([4, 6] as const).every((family) =>
    peers.some((peer) => isIpBlock(peer) && peer.except.length === 0 && peer.cidrs.some((cidr) => cidr.family === family && cidr.prefixLength === 0)),
  )
  return everyPod && everyAddress
}

function isPodPeer(peer: PeerMatcher | 'all'): peer is Extract<PeerMatcher, {kind: 'pods'}> {
  return peer !== 'all' && peer.kind === 'pods'
}

function isIpBlock(peer: PeerMatcher | 'all'): peer is Extract<PeerMatcher, {kind: 'ipBlock'}> {
  return peer !== 'all' && peer.kind === 'ipBlock'
}
