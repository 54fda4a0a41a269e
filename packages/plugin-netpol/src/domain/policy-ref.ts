import {UsageError} from '@kubeline/core'

export type PolicyKind = 'NetworkPolicy' | 'AdminNetworkPolicy' | 'BaselineAdminNetworkPolicy' | 'ClusterNetworkPolicy'

/** Names a policy in verdicts and errors. `namespace` only for NetworkPolicy. */
export interface PolicyRef {
  kind: PolicyKind
  name: string
  namespace?: string
}

/** `x/deny-all` for a NetworkPolicy, the bare name for cluster-scoped kinds. */
export function formatPolicyRef(ref: PolicyRef): string {
  return ref.namespace === undefined ? ref.name : `${ref.namespace}/${ref.name}`
}

/** Throws INVALID_MANIFEST naming the object and the field: `NetworkPolicy x/a: spec.ingress[0]...: problem`. */
export function invalidPolicy(ref: PolicyRef, path: string, problem: string): never {
  throw new UsageError('INVALID_MANIFEST', `${ref.kind} ${formatPolicyRef(ref)}: ${path}: ${problem}`)
}
