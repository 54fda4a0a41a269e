import type {CompiledCluster} from './compiled-cluster.js'
import type {PodEndpoint} from './endpoint.js'
import {endpointName} from './endpoint.js'
import type {PeerMatcher, PeerMatchOptions} from './peer-matcher.js'
import {namespaceMatches, peerMatcherKey, peerMatches} from './peer-matcher.js'

/** The pods a peer (or a policy subject) matches, sorted by `namespace/name`. */
export type PeerPods = (peer: PeerMatcher | 'all') => readonly PodEndpoint[]

/**
 * A memoised lookup of the pods each peer matches. Pod peers only look at the pods of the
 * namespaces they pick, and equal peers (same key) are matched once: a cluster of 10,000 pods
 * and 2,000 policies repeats the same selectors across namespaces.
 */
export function peerPods(compiled: CompiledCluster, options: PeerMatchOptions): PeerPods {
  const all = [...compiled.pods].sort(byName)
  const byNamespace = new Map<string, PodEndpoint[]>()
  for (const pod of all) {
    const inNamespace = byNamespace.get(pod.namespace)
    if (inNamespace === undefined) byNamespace.set(pod.namespace, [pod])
    else inNamespace.push(pod)
  }
  const memo = new Map<string, readonly PodEndpoint[]>()
  return (peer) => {
    if (peer === 'all') return all
    const key = peerMatcherKey(peer)
    const known = memo.get(key)
    if (known !== undefined) return known
    const matched = candidates(peer, all, byNamespace, compiled).filter((pod) => peerMatches(peer, pod, options))
    memo.set(key, matched)
    return matched
  }
}

function candidates(peer: PeerMatcher, all: readonly PodEndpoint[], byNamespace: ReadonlyMap<string, PodEndpoint[]>, compiled: CompiledCluster): readonly PodEndpoint[] {
  if (peer.kind !== 'pods') return all
  const matcher = peer.namespaces
  if (matcher.kind === 'exact') return byNamespace.get(matcher.namespace) ?? []
  const namespaces = [...byNamespace.keys()].filter((namespace) => namespaceMatches(matcher, {namespace, namespaceLabels: compiled.namespaceLabels.get(namespace) ?? {}}))
  const pods = namespaces.flatMap((namespace) => byNamespace.get(namespace) ?? [])
  return namespaces.length > 1 ? pods.sort(byName) : pods
}

function byName(a: PodEndpoint, b: PodEndpoint): number {
  const [left, right] = [endpointName(a), endpointName(b)]
  return left < right ? -1 : left > right ? 1 : 0
}
