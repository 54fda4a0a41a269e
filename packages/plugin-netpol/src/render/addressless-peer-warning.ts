import type {AddresslessPeer} from '../domain/addressless-peers.js'
import {formatPolicyRef} from '../domain/policy-ref.js'

/** The stderr warning for a denial that an ipBlock rule might lift once the pod has an IP; `connection` names it (a suite's case). */
export function addresslessPeerWarning({pod, direction, policies}: AddresslessPeer, connection = 'this connection'): string {
  const named = policies.map((ref) => `${ref.kind} ${formatPolicyRef(ref)}`).join(', ')
  return (
    `${pod} has no IP address (a representative pod from -f, or a pod not scheduled yet), so no ipBlock peer can match it: ` +
    `the ${direction} ipBlock rules of ${named} may allow ${connection} once it has one`
  )
}
