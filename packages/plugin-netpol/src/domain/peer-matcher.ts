import type {LabelSelector} from '@kubeline/core'
import type {Cidr} from './cidr.js'
import {cidrContains} from './cidr.js'
import type {Endpoint, PodEndpoint} from './endpoint.js'

/** How a peer picks namespaces: the policy's own namespace, or a namespace label selector. */
export type NamespaceMatcher = {kind: 'exact'; namespace: string} | {kind: 'selector'; selector: LabelSelector}

/**
 * One peer of a rule, as data (policy-assistant peermatcher.go / podpeermatcher.go):
 * - `all`: an empty or absent `from`/`to`: every source or destination, external IPs included;
 * - `pods`: pods picked by namespace AND pod selector (never host-network pods, never external IPs):
 *   1. `podSelector` only            -> namespace `exact` (the policy's), pods by selector;
 *   2. `namespaceSelector` only      -> namespaces by selector, every pod in them;
 *   3. both in ONE peer              -> AND: selected pods in selected namespaces;
 *   4. both in SEPARATE peers        -> two peers, ORed by the rule;
 *   5. `namespaceSelector: {}`       -> every namespace;
 *   6. `{podSelector: {}, namespaceSelector: {}}` -> every pod in the cluster, but no external IP;
 *   7. a selector that is null       -> matches nothing (only reachable through admin peers);
 * - `ipBlock`: an address in one of `cidrs` and in none of `except`. For a NetworkPolicy ipBlock, pod
 *   IPs count only when the evaluation says so (`ipBlockMatchesPods`); admin `networks` peers
 *   (`alwaysMatchesPods`) match pod IPs as their API says; host-network pods' IPs are node IPs and
 *   always count;
 * - `nothing`: a peer the engine cannot see (admin `nodes` and `domainNames`: not modelled).
 */
export type PeerMatcher =
  | {kind: 'all'}
  | {kind: 'pods'; namespaces: NamespaceMatcher; pods: LabelSelector}
  | {kind: 'ipBlock'; cidrs: readonly Cidr[]; except: readonly Cidr[]; alwaysMatchesPods: boolean}
  | {kind: 'nothing'; reason: string}

/** A canonical text for a matcher: two matchers with the same key match the same endpoints. */
export function peerMatcherKey(matcher: PeerMatcher): string {
  switch (matcher.kind) {
    case 'all':
    case 'nothing':
      return matcher.kind
    case 'pods':
      return `pods ns=${namespaceMatcherKey(matcher.namespaces)} pods=${selectorKey(matcher.pods)}`
    case 'ipBlock':
      return `ipBlock ${matcher.cidrs.map(cidrKey).join(',')} except ${matcher.except.map(cidrKey).join(',')}${matcher.alwaysMatchesPods ? ' always' : ''}`
  }
}

export function namespaceMatcherKey(matcher: NamespaceMatcher): string {
  return matcher.kind === 'exact' ? `=${matcher.namespace}` : selectorKey(matcher.selector)
}

function selectorKey(selector: LabelSelector): string {
  return selector.isNothing() ? '<nothing>' : `{${selector.toString()}}`
}

function cidrKey(cidr: Cidr): string {
  return `${cidr.network.toString(16)}/${cidr.family === 4 ? cidr.prefixLength : cidr.prefixLength + 1000}`
}

export interface PeerMatchOptions {
  ipBlockMatchesPods: boolean
}

export function peerMatches(matcher: PeerMatcher, endpoint: Endpoint, options: PeerMatchOptions): boolean {
  switch (matcher.kind) {
    case 'all':
      return true
    case 'nothing':
      return false
    case 'pods':
      return endpoint.kind === 'pod' && podPeerMatches(matcher, endpoint)
    case 'ipBlock':
      return (matcher.alwaysMatchesPods || ipBlockApplies(endpoint, options)) && ipBlockMatches(matcher, endpoint)
  }
}

export function podPeerMatches(matcher: {namespaces: NamespaceMatcher; pods: LabelSelector}, pod: PodEndpoint): boolean {
  return !pod.hostNetwork && namespaceMatches(matcher.namespaces, pod) && matcher.pods.matches(pod.labels)
}

export function namespaceMatches(matcher: NamespaceMatcher, pod: {namespace: string; namespaceLabels: PodEndpoint['namespaceLabels']}): boolean {
  return matcher.kind === 'exact' ? matcher.namespace === pod.namespace : matcher.selector.matches(pod.namespaceLabels)
}

function ipBlockApplies(endpoint: Endpoint, options: PeerMatchOptions): boolean {
  return endpoint.kind === 'external' || endpoint.hostNetwork || options.ipBlockMatchesPods
}

function ipBlockMatches(matcher: {cidrs: readonly Cidr[]; except: readonly Cidr[]}, endpoint: Endpoint): boolean {
  const ips = endpoint.kind === 'external' ? [endpoint.ip] : endpoint.ips
  return ips.some((ip) => matcher.cidrs.some((cidr) => cidrContains(cidr, ip)) && !matcher.except.some((cidr) => cidrContains(cidr, ip)))
}
