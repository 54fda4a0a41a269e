import type {CompiledCluster} from './compiled-cluster.js'
import type {PodEndpoint} from './endpoint.js'
import type {PeerMatcher, PeerMatchOptions} from './peer-matcher.js'
import {peerMatches} from './peer-matcher.js'

/** Pods that no policy can tell apart; `members` are indexes into `cluster.pods`. */
export interface PodClass {
  representative: PodEndpoint
  members: readonly number[]
}

export interface PodEquivalenceClasses {
  classes: readonly PodClass[]
  /** For each pod of `cluster.pods`, the index of its class. */
  classOfPod: Int32Array
}

/**
 * Groups pods that every policy treats identically, so a matrix evaluates one representative per
 * pair of classes. Two pods share a class when they have:
 * - the same namespace (namespace labels always differ, `kubernetes.io/metadata.name` included),
 * - the same labels and the same host-network flag,
 * - the same named-port table (name, number, protocol), which named-port rules resolve against,
 * - the same membership in every ipBlock / networks peer of every policy (as far as those can
 *   match pods at all, see PeerMatcher), so a /32 around one pod splits it off.
 */
export function podEquivalenceClasses(cluster: CompiledCluster, options: PeerMatchOptions): PodEquivalenceClasses {
  const ipBlocks = distinctIpBlocks(cluster)
  const classIndexByKey = new Map<string, number>()
  const classes: {representative: PodEndpoint; members: number[]}[] = []
  const classOfPod = new Int32Array(cluster.pods.length)
  for (const [podIndex, pod] of cluster.pods.entries()) {
    const key = classKey(pod, ipBlocks, options)
    let classIndex = classIndexByKey.get(key)
    if (classIndex === undefined) {
      classIndex = classes.length
      classIndexByKey.set(key, classIndex)
      classes.push({representative: pod, members: []})
    }
    classes[classIndex]?.members.push(podIndex)
    classOfPod[podIndex] = classIndex
  }
  return {classes, classOfPod}
}

function classKey(pod: PodEndpoint, ipBlocks: readonly PeerMatcher[], options: PeerMatchOptions): string {
  const labels = Object.entries(pod.labels ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  const ports = pod.namedPorts.map((p) => `${p.name}:${p.port}/${p.protocol}`).sort()
  const ipMembership = pod.ips.length === 0 ? '' : ipBlocks.map((block) => (peerMatches(block, pod, options) ? '1' : '0')).join('')
  return JSON.stringify([pod.namespace, labels, pod.hostNetwork, ports, ipMembership])
}

/** Every ipBlock / networks peer of every policy, deduplicated by its CIDRs. */
function distinctIpBlocks(cluster: CompiledCluster): PeerMatcher[] {
  const byText = new Map<string, PeerMatcher>()
  const visit = (peer: PeerMatcher | 'all'): void => {
    if (peer === 'all' || peer.kind !== 'ipBlock') return
    byText.set(`${peer.cidrs.map((c) => c.text).join(',')}!${peer.except.map((c) => c.text).join(',')}!${String(peer.alwaysMatchesPods)}`, peer)
  }
  for (const policies of cluster.networkPoliciesByNamespace.values()) {
    for (const policy of policies) {
      for (const rule of [...(policy.ingress ?? []), ...(policy.egress ?? [])]) (rule.peers === 'all' ? ['all' as const] : rule.peers).forEach(visit)
    }
  }
  for (const policy of [...cluster.adminTier, ...cluster.baselineTier]) {
    for (const rule of [...policy.ingress, ...policy.egress]) rule.peers.forEach(visit)
  }
  return [...byText.values()]
}
