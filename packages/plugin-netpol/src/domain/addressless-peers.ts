import type {ClusterState, NetworkPolicyObject} from './kube-objects.js'
import type {PeerMatchOptions} from './peer-matcher.js'
import type {PolicyRef} from './policy-ref.js'
import type {Direction, DirectionVerdict, Verdict} from './verdict.js'

/** A pod without an IP that a denied direction's ipBlock peers could not be matched against. */
export interface AddresslessPeer {
  /** `namespace/name` of the pod without an IP: the destination for egress, the source for ingress. */
  pod: string
  direction: Direction
  /** The isolating NetworkPolicies with an ipBlock peer in that direction. */
  policies: PolicyRef[]
}

/**
 * When ipBlock peers match pod IPs, a pod without one (a representative pod of a `-f` workload, a pod
 * not scheduled yet) matches no ipBlock: a direction denied by NetworkPolicy isolation might be allowed
 * by an ipBlock rule (`0.0.0.0/0` is the usual "allow all egress") once the pod has its address. Lists
 * those pods with the policies concerned, so the verdict can say it is not the whole story. Only denied
 * NetworkPolicy directions count: an allow rule cannot turn an allowed one into a denied one.
 */
export function addresslessIpBlockPeers(state: ClusterState, verdict: Verdict, options: PeerMatchOptions): AddresslessPeer[] {
  if (!options.ipBlockMatchesPods) return []
  const sides = [
    {direction: verdict.egress, peer: verdict.destination},
    {direction: verdict.ingress, peer: verdict.source},
  ]
  return sides.flatMap(({direction, peer}) => {
    if (direction.allowed || direction.decidedBy !== 'networkpolicy' || !isAddresslessPod(state, peer)) return []
    const policies = withIpBlockPeer(state, direction)
    return policies.length === 0 ? [] : [{pod: peer, direction: direction.direction, policies}]
  })
}

function isAddresslessPod(state: ClusterState, name: string): boolean {
  const pod = state.pods.find((candidate) => `${candidate.metadata.namespace}/${candidate.metadata.name}` === name)
  return pod !== undefined && !pod.spec?.hostNetwork && (pod.status?.podIPs ?? []).length === 0 && !pod.status?.podIP
}

function withIpBlockPeer(state: ClusterState, direction: DirectionVerdict): PolicyRef[] {
  return direction.selectingPolicies.filter((ref) => {
    const policy = state.networkPolicies.find((p) => p.metadata.name === ref.name && p.metadata.namespace === ref.namespace)
    return policy !== undefined && hasIpBlockPeer(policy, direction.direction)
  })
}

function hasIpBlockPeer(policy: NetworkPolicyObject, direction: Direction): boolean {
  const peerLists = direction === 'ingress' ? (policy.spec.ingress ?? []).map((rule) => rule.from) : (policy.spec.egress ?? []).map((rule) => rule.to)
  return peerLists.some((peers) => (peers ?? []).some((peer) => peer.ipBlock !== null && peer.ipBlock !== undefined))
}
