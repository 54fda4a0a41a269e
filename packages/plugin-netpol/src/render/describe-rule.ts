import type {LabelSelector} from '@kubeline/core'
import type {PeerMatcher} from '../domain/peer-matcher.js'
import type {PolicyRef} from '../domain/policy-ref.js'
import {formatPolicyRef} from '../domain/policy-ref.js'
import type {PortSpec} from '../domain/port-matcher.js'
import type {DirectionVerdict, MatchedRule} from '../domain/verdict.js'

/** A rule's peer in words: `pods {app=web} in namespace x`, `ipBlock 10.0.0.0/8 except 10.1.0.0/16`. */
export function describePeer(peer: PeerMatcher | 'all'): string {
  if (peer === 'all') return 'any peer'
  switch (peer.kind) {
    case 'all':
      return 'any peer'
    case 'nothing':
      return `nothing (${peer.reason})`
    case 'ipBlock':
      return `ipBlock ${peer.cidrs.map((cidr) => cidr.text).join(', ')}${peer.except.length > 0 ? ` except ${peer.except.map((cidr) => cidr.text).join(', ')}` : ''}`
    case 'pods': {
      const namespaces = peer.namespaces.kind === 'exact' ? `namespace ${peer.namespaces.namespace}` : `namespaces ${describeSelector(peer.namespaces.selector)}`
      return `pods ${describeSelector(peer.pods)} in ${namespaces}`
    }
  }
}

/** A rule's port in words: `TCP/80`, `TCP/8000-8080`, `all UDP ports`, `named port "http"/TCP`. */
export function describePort(port: PortSpec | 'all'): string {
  if (port === 'all') return 'any port'
  switch (port.kind) {
    case 'protocol':
      return `all ${port.protocol} ports`
    case 'range':
      return `${port.protocol}/${port.first === port.last ? port.first : `${port.first}-${port.last}`}`
    case 'named':
      return `named port "${port.name}"${port.protocol === undefined ? '' : `/${port.protocol}`}`
  }
}

function describeSelector(selector: LabelSelector): string {
  if (selector.isNothing()) return '<none>'
  const text = selector.toString()
  return text === '' ? '{all}' : `{${text}}`
}

export function describePolicy(ref: PolicyRef): string {
  return `${ref.kind} ${formatPolicyRef(ref)}`
}

/** `NetworkPolicy x/allow-web ingress rule 0 (peer 0: pods {app=a} in namespace x; port 0: TCP/80)`. */
export function describeRule(rule: MatchedRule): string {
  const name = rule.ruleName === undefined ? '' : ` "${rule.ruleName}"`
  const peer = `${rule.peerIndex === null ? 'peer' : `peer ${rule.peerIndex}`}: ${describePeer(rule.peer)}`
  const port = `${rule.portIndex === null ? 'port' : `port ${rule.portIndex}`}: ${describePort(rule.port)}`
  return `${describePolicy(rule.policy)} ${rule.direction} rule ${rule.ruleIndex}${name} (${rule.action}; ${peer}; ${port})`
}

/** Why one direction was allowed or denied, in one sentence. */
export function explainDirection(verdict: DirectionVerdict): string {
  const outcome = verdict.allowed ? 'allowed' : 'denied'
  if (verdict.subject !== 'pod') return `${outcome}: ${verdict.subject === 'external' ? 'an external address' : 'a host-network pod'} has no policies of its own`
  switch (verdict.decidedBy) {
    case 'loopback':
      return `${outcome}: a pod's traffic to itself (--loopback ${verdict.allowed ? 'allow' : 'deny'})`
    case 'admin':
    case 'baseline':
      return `${outcome} by ${verdict.rule ? describeRule(verdict.rule) : verdict.decidedBy}`
    case 'networkpolicy':
      if (verdict.rule) return `allowed by ${describeRule(verdict.rule)}`
      return `denied: isolated by ${verdict.selectingPolicies.map(describePolicy).join(', ')}, and no rule of theirs allows this connection`
    case 'default':
      return `allowed: no policy isolates the pod for ${verdict.direction} (Kubernetes allows by default)`
  }
}
