import {isStrictSubnet, parseCidrOrProblem} from './cidr.js'
import type {NetworkPolicyObject, NetworkPolicyPeerObject} from './kube-objects.js'

/** An `except` entry that is not a strict subnet of its `cidr`: it excludes nothing (or is a typo). */
export interface IpBlockExceptFinding {
  policy: string
  path: string
  cidr: string
  except: string
  message: string
}

/**
 * Lint, not an error: upstream validation rejects such an except, but manifests read from files
 * never went through it, and the evaluation is still well defined (the except simply never applies
 * outside the CIDR). Unparsable CIDRs are left to compileNetworkPolicy, which throws.
 */
export function ipBlockExceptFindings(policy: NetworkPolicyObject): IpBlockExceptFinding[] {
  const name = `${policy.metadata.namespace ?? ''}/${policy.metadata.name}`
  const peersAt = [
    ...(policy.spec.ingress ?? []).map((rule, i) => ({path: `spec.ingress[${i}].from`, peers: rule.from ?? []})),
    ...(policy.spec.egress ?? []).map((rule, i) => ({path: `spec.egress[${i}].to`, peers: rule.to ?? []})),
  ]
  return peersAt.flatMap(({path, peers}) => peers.flatMap((peer, i) => peerFindings(name, `${path}[${i}].ipBlock`, peer)))
}

function peerFindings(policy: string, path: string, peer: NetworkPolicyPeerObject): IpBlockExceptFinding[] {
  if (!peer.ipBlock) return []
  const cidr = parseCidrOrProblem(peer.ipBlock.cidr)
  if (typeof cidr === 'string') return []
  return (peer.ipBlock.except ?? []).flatMap((text, i) => {
    const except = parseCidrOrProblem(text)
    if (typeof except === 'string' || isStrictSubnet(except, cidr)) return []
    return [{policy, path: `${path}.except[${i}]`, cidr: cidr.text, except: text, message: `except ${text} is not a strict subnet of ${cidr.text}`}]
  })
}
