import type {CompiledCluster} from './compiled-cluster.js'
import type {NetworkPolicyObject} from './kube-objects.js'
import type {CompiledRule} from './network-policy-rules.js'
import {compileNetworkPolicy} from './network-policy-rules.js'
import type {PeerMatcher} from './peer-matcher.js'
import type {PolicyRef} from './policy-ref.js'
import type {PortMatcher} from './port-matcher.js'
import type {Direction} from './verdict.js'

export type PolicyTier = 'admin' | 'networkpolicy' | 'baseline'

/** One rule of any policy kind: NetworkPolicy rules always `Allow`; admin rules as written. */
export interface CatalogRule {
  name?: string
  action: string
  peers: CompiledRule['peers']
  ports: PortMatcher
}

/**
 * Why a direction is (not) governed by a policy:
 * - `listed` / `not-listed`: `policyTypes` is set and does (not) name the direction;
 * - `defaulted-ingress`: `policyTypes` is unset, and Ingress is always assumed;
 * - `defaulted-egress` / `not-defaulted-egress`: `policyTypes` is unset, and Egress is assumed
 *   only when `spec.egress` has rules (pkg/apis/networking/v1/defaults.go);
 * - `admin-rules` / `admin-no-rules`: admin kinds have no policyTypes; their rules are all there is.
 */
export type DirectionReason = 'listed' | 'not-listed' | 'defaulted-ingress' | 'defaulted-egress' | 'not-defaulted-egress' | 'admin-rules' | 'admin-no-rules'

export interface CatalogDirection {
  /** NetworkPolicy: the selected pods are isolated in this direction. Admin kinds: the policy has rules for it. */
  affected: boolean
  reason: DirectionReason
  /** Empty when not affected; for a NetworkPolicy, rules of a direction policyTypes omits are ignored. */
  rules: readonly CatalogRule[]
}

/** Any policy kind in one shape, for explaining and linting. */
export interface CatalogPolicy {
  ref: PolicyRef
  tier: PolicyTier
  /** Admin kinds only; lower is evaluated first. A BaselineAdminNetworkPolicy has none. */
  priority?: number
  /** The pods the policy applies to (never host-network pods). */
  subject: Extract<PeerMatcher, {kind: 'pods'}>
  ingress: CatalogDirection
  egress: CatalogDirection
}

/**
 * Every policy in evaluation order: the admin tier, NetworkPolicies (by namespace and name, as the
 * cluster lists them), then the baseline tier. `networkPolicies` are the objects as written: only
 * they tell a listed policyType from a defaulted one.
 */
export function policyCatalog(compiled: CompiledCluster, networkPolicies: readonly NetworkPolicyObject[]): CatalogPolicy[] {
  const admin = (policy: CompiledCluster['adminTier'][number]): CatalogPolicy => ({
    ref: policy.ref,
    tier: policy.tier,
    ...(policy.ref.kind === 'BaselineAdminNetworkPolicy' ? {} : {priority: policy.priority}),
    subject: policy.subject,
    ingress: adminDirection(policy.ingress),
    egress: adminDirection(policy.egress),
  })
  return [...compiled.adminTier.map(admin), ...networkPolicies.map(networkPolicyEntry), ...compiled.baselineTier.map(admin)]
}

function adminDirection(rules: readonly CatalogRule[]): CatalogDirection {
  return rules.length > 0 ? {affected: true, reason: 'admin-rules', rules} : {affected: false, reason: 'admin-no-rules', rules: []}
}

function networkPolicyEntry(object: NetworkPolicyObject): CatalogPolicy {
  const policy = compileNetworkPolicy(object)
  const listed = (object.spec.policyTypes ?? []).length > 0
  const direction = (name: Direction, rules: readonly CompiledRule[] | undefined): CatalogDirection => ({
    affected: rules !== undefined,
    reason: listed ? (rules === undefined ? 'not-listed' : 'listed') : name === 'ingress' ? 'defaulted-ingress' : rules === undefined ? 'not-defaulted-egress' : 'defaulted-egress',
    rules: (rules ?? []).map((rule) => ({action: 'Allow', ...rule})),
  })
  return {
    ref: policy.ref,
    tier: 'networkpolicy',
    subject: {kind: 'pods', namespaces: {kind: 'exact', namespace: policy.namespace}, pods: policy.podSelector},
    ingress: direction('ingress', policy.ingress),
    egress: direction('egress', policy.egress),
  }
}
