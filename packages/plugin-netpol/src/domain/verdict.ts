import type {PeerMatcher} from './peer-matcher.js'
import type {PolicyRef} from './policy-ref.js'
import type {PortSpec} from './port-matcher.js'
import type {Protocol} from './protocol.js'

export type Direction = 'ingress' | 'egress'

/**
 * Who decided a direction:
 * - `admin`: an AdminNetworkPolicy or Admin-tier ClusterNetworkPolicy rule (Allow/Accept or Deny);
 * - `networkpolicy`: the pod is isolated by NetworkPolicy; a rule allowed it, or none did;
 * - `baseline`: a BaselineAdminNetworkPolicy or Baseline-tier ClusterNetworkPolicy rule;
 * - `default`: nothing applied (or everything passed): Kubernetes allows by default;
 * - `loopback`: a pod talking to itself, decided by the `loopback` option.
 */
export type DecidingTier = 'admin' | 'networkpolicy' | 'baseline' | 'default' | 'loopback'

/** Which rule matched: `peerIndex`/`portIndex` are null when the rule does not restrict peers/ports. */
export interface MatchedRule {
  policy: PolicyRef
  direction: Direction
  ruleIndex: number
  ruleName?: string
  /** NetworkPolicy rules are always `Allow`; admin rules carry their written action. */
  action: string
  peerIndex: number | null
  peer: PeerMatcher | 'all'
  portIndex: number | null
  port: PortSpec | 'all'
}

export interface DirectionVerdict {
  direction: Direction
  allowed: boolean
  decidedBy: DecidingTier
  /** What the end of the connection that this direction belongs to is. */
  subject: 'pod' | 'host-network-pod' | 'external'
  /** NetworkPolicies that select the pod and affect this direction (empty: not isolated). */
  selectingPolicies: readonly PolicyRef[]
  /** Admin and baseline policies whose subject is the pod and that have rules for this direction. */
  selectingAdminPolicies: readonly PolicyRef[]
  isolated: boolean
  /** The rule that decided; undefined for `default`, `loopback`, and "isolated but no rule allowed it". */
  rule?: MatchedRule
  /** Pass rules that sent the connection on to the next tier, in order. */
  passedBy: readonly MatchedRule[]
}

export interface Verdict {
  source: string
  destination: string
  port: number
  protocol: Protocol
  allowed: boolean
  egress: DirectionVerdict
  ingress: DirectionVerdict
}
