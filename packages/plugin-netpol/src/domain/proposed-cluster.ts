import {appliedOnTop, objectKey} from './applied-on-top.js'
import type {ClusterState} from './kube-objects.js'
import type {PolicyKind} from './policy-ref.js'

/** How a proposed policy lands, as `kubectl apply` would apply it. */
export interface ProposedPolicy {
  kind: PolicyKind
  name: string
  namespace?: string
  /** `replaced`: a current policy of the same kind, namespace and name is replaced; `added`: it is new. */
  change: 'added' | 'replaced'
}

export interface ProposedClusterStates {
  /** The current state, with the proposed namespaces and pods (so both sides have the same pods). */
  before: ClusterState
  /** `before` with the proposed policies applied. */
  after: ClusterState
  policies: ProposedPolicy[]
}

interface Named {
  metadata: {name: string; namespace?: string}
}

/**
 * The two states `diff` compares. Only the policies make the difference: proposed namespaces,
 * pods and workloads count on both sides, so a new workload is judged under the current policies
 * and under the proposed ones. A proposed object with the kind, namespace and name of a current
 * one replaces it; the others are added. Nothing is deleted.
 */
export function proposedClusterStates(current: ClusterState, proposed: ClusterState): ProposedClusterStates {
  const before: ClusterState = {
    ...current,
    namespaces: appliedOnTop(current.namespaces, proposed.namespaces),
    pods: appliedOnTop(current.pods, proposed.pods),
  }
  const after: ClusterState = {
    ...before,
    networkPolicies: appliedOnTop(current.networkPolicies, proposed.networkPolicies),
    adminNetworkPolicies: appliedOnTop(current.adminNetworkPolicies ?? [], proposed.adminNetworkPolicies ?? []),
    baselineAdminNetworkPolicies: appliedOnTop(current.baselineAdminNetworkPolicies ?? [], proposed.baselineAdminNetworkPolicies ?? []),
    clusterNetworkPolicies: appliedOnTop(current.clusterNetworkPolicies ?? [], proposed.clusterNetworkPolicies ?? []),
  }
  const policies = [
    ...proposedPolicies('NetworkPolicy', current.networkPolicies, proposed.networkPolicies),
    ...proposedPolicies('AdminNetworkPolicy', current.adminNetworkPolicies ?? [], proposed.adminNetworkPolicies ?? []),
    ...proposedPolicies('BaselineAdminNetworkPolicy', current.baselineAdminNetworkPolicies ?? [], proposed.baselineAdminNetworkPolicies ?? []),
    ...proposedPolicies('ClusterNetworkPolicy', current.clusterNetworkPolicies ?? [], proposed.clusterNetworkPolicies ?? []),
  ]
  return {before, after, policies}
}

/** One entry per proposed policy; a policy given twice (in two -f files) is listed once, as the later one wins. */
function proposedPolicies(kind: PolicyKind, current: readonly Named[], proposed: readonly Named[]): ProposedPolicy[] {
  const currentKeys = new Set(current.map(objectKey))
  return appliedOnTop([], proposed).map(({metadata}) => ({
    kind,
    name: metadata.name,
    ...(kind === 'NetworkPolicy' && metadata.namespace !== undefined ? {namespace: metadata.namespace} : {}),
    change: currentKeys.has(objectKey({metadata})) ? 'replaced' : 'added',
  }))
}
