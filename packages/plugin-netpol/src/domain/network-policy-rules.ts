import {LabelSelector} from '@kubeline/core'
import type {NetworkPolicyObject, NetworkPolicyPeerObject, NetworkPolicyPortObject} from './kube-objects.js'
import type {PeerMatcher} from './peer-matcher.js'
import type {PolicyRef} from './policy-ref.js'
import {invalidPolicy} from './policy-ref.js'
import type {PortMatcher, PortSpec} from './port-matcher.js'
import {ALL_PORTS} from './port-matcher.js'
import {policyCidr, policyPortNumber, policySelector} from './policy-field.js'
import {isProtocol} from './protocol.js'

/** One ingress or egress rule: the traffic must match a peer AND a port. */
export interface CompiledRule {
  /** `'all'` when `from`/`to` is absent or empty (every peer, external IPs included). */
  peers: readonly PeerMatcher[] | 'all'
  ports: PortMatcher
}

/**
 * A NetworkPolicy compiled into matchers. A direction is `undefined` when the policy does not
 * affect it (its defaulted policyTypes lack it); `[]` when it isolates without allowing anything.
 */
export interface CompiledNetworkPolicy {
  ref: PolicyRef
  namespace: string
  podSelector: LabelSelector
  ingress: readonly CompiledRule[] | undefined
  egress: readonly CompiledRule[] | undefined
}

/**
 * Compiles one NetworkPolicy (networking.k8s.io/v1), applying the API server's defaulting and
 * throwing INVALID_MANIFEST for what its validation rejects. The cases that matter:
 * - `metadata.namespace` is required: a policy only selects pods of its own namespace;
 * - `podSelector` absent is `{}`: every pod of the namespace;
 * - `policyTypes` absent or empty: `Ingress`, plus `Egress` iff `egress` has at least one rule
 *   (pkg/apis/networking/v1/defaults.go), so `egress: []` alone does not isolate egress, and an
 *   egress-only policy without policyTypes also denies all ingress;
 * - a direction listed in policyTypes with no rules isolates and allows nothing; rules of a
 *   direction not listed are ignored;
 * - `from`/`to` absent or empty: every peer; `ports` absent or empty: every port and protocol;
 * - a peer needs at least one field, and `ipBlock` excludes the other two;
 * - `protocol` defaults to TCP; a port without a number is every port of its protocol;
 *   `endPort` needs a numeric `port` and must be >= it.
 */
export function compileNetworkPolicy(policy: NetworkPolicyObject): CompiledNetworkPolicy {
  const namespace = policy.metadata.namespace
  const ref: PolicyRef = {kind: 'NetworkPolicy', name: policy.metadata.name, namespace}
  if (namespace === undefined || namespace === '') invalidPolicy(ref, 'metadata.namespace', 'is required (a NetworkPolicy only selects pods of its own namespace)')
  const spec = policy.spec
  const types = defaultedPolicyTypes(ref, policy)
  const ingress = types.has('Ingress')
    ? (spec.ingress ?? []).map((rule, i) => compileRule(ref, namespace, `spec.ingress[${i}]`, rule.from, 'from', rule.ports))
    : undefined
  const egress = types.has('Egress')
    ? (spec.egress ?? []).map((rule, i) => compileRule(ref, namespace, `spec.egress[${i}]`, rule.to, 'to', rule.ports))
    : undefined
  return {ref, namespace, podSelector: policySelector(ref, 'spec.podSelector', spec.podSelector ?? {}), ingress, egress}
}

function defaultedPolicyTypes(ref: PolicyRef, policy: NetworkPolicyObject): Set<string> {
  const listed = policy.spec.policyTypes ?? []
  for (const [i, type] of listed.entries()) {
    if (type !== 'Ingress' && type !== 'Egress') invalidPolicy(ref, `spec.policyTypes[${i}]`, `unsupported value "${type}": expected Ingress or Egress`)
  }
  if (listed.length > 0) return new Set(listed)
  return new Set((policy.spec.egress ?? []).length > 0 ? ['Ingress', 'Egress'] : ['Ingress'])
}

function compileRule(
  ref: PolicyRef,
  namespace: string,
  path: string,
  peers: readonly NetworkPolicyPeerObject[] | null | undefined,
  peersField: 'from' | 'to',
  ports: readonly NetworkPolicyPortObject[] | null | undefined,
): CompiledRule {
  return {
    peers: peers === null || peers === undefined || peers.length === 0
      ? 'all'
      : peers.map((peer, i) => compilePeer(ref, namespace, `${path}.${peersField}[${i}]`, peer)),
    ports: ports === null || ports === undefined || ports.length === 0
      ? ALL_PORTS
      : {kind: 'some', ports: ports.map((port, i) => compilePort(ref, `${path}.ports[${i}]`, port))},
  }
}

function compilePeer(ref: PolicyRef, namespace: string, path: string, peer: NetworkPolicyPeerObject): PeerMatcher {
  const hasSelector = isSet(peer.podSelector) || isSet(peer.namespaceSelector)
  if (isSet(peer.ipBlock)) {
    if (hasSelector) invalidPolicy(ref, path, 'may not specify both ipBlock and another peer')
    return {
      kind: 'ipBlock',
      cidrs: [policyCidr(ref, `${path}.ipBlock.cidr`, peer.ipBlock.cidr)],
      except: (peer.ipBlock.except ?? []).map((text, i) => policyCidr(ref, `${path}.ipBlock.except[${i}]`, text)),
      alwaysMatchesPods: false,
    }
  }
  if (!hasSelector) invalidPolicy(ref, path, 'must specify a peer (podSelector, namespaceSelector or ipBlock)')
  return {
    kind: 'pods',
    namespaces: isSet(peer.namespaceSelector)
      ? {kind: 'selector', selector: policySelector(ref, `${path}.namespaceSelector`, peer.namespaceSelector)}
      : {kind: 'exact', namespace},
    pods: isSet(peer.podSelector) ? policySelector(ref, `${path}.podSelector`, peer.podSelector) : LabelSelector.everything(),
  }
}

function compilePort(ref: PolicyRef, path: string, port: NetworkPolicyPortObject): PortSpec {
  const protocol = port.protocol ?? 'TCP'
  if (!isProtocol(protocol)) invalidPolicy(ref, `${path}.protocol`, `unsupported value "${protocol}": expected TCP, UDP or SCTP`)
  const endPort = port.endPort ?? undefined
  if (port.port === null || port.port === undefined) {
    if (endPort !== undefined) invalidPolicy(ref, `${path}.endPort`, 'may not be set when port is not set')
    return {kind: 'protocol', protocol}
  }
  if (typeof port.port === 'string') {
    if (endPort !== undefined) invalidPolicy(ref, `${path}.endPort`, `may not be set when port is the named port "${port.port}"`)
    if (!/^[a-z0-9]([-a-z0-9]{0,13}[a-z0-9])?$/.test(port.port) || !/[a-z]/.test(port.port)) {
      invalidPolicy(ref, `${path}.port`, `"${port.port}" is not a valid port name (IANA_SVC_NAME: 1-15 lowercase letters, digits and '-', at least one letter)`)
    }
    return {kind: 'named', name: port.port, protocol}
  }
  policyPortNumber(ref, `${path}.port`, port.port)
  if (endPort !== undefined) {
    policyPortNumber(ref, `${path}.endPort`, endPort)
    if (endPort < port.port) invalidPolicy(ref, `${path}.endPort`, `${endPort} must be greater than or equal to port ${port.port}`)
  }
  return {kind: 'range', protocol, first: port.port, last: endPort ?? port.port}
}

function isSet<T>(value: T | null | undefined): value is T {
  return value !== null && value !== undefined
}
