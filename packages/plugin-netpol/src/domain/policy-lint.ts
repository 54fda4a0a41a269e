import type {LintFinding, LintObject} from './lint-finding.js'
import {lintFinding} from './lint-finding.js'
import type {PolicyExplanation, RuleExplanation} from './policy-explanation.js'
import type {Direction} from './verdict.js'

/**
 * The findings about one policy, from its explanation:
 * - POLICY_SELECTS_NO_PODS: no pod is selected (a typo in a label, or pods not deployed yet);
 * - PEER_MATCHES_NO_PODS: a pod or namespace selector peer matches no pod of the cluster
 *   (ipBlock peers are addresses, not pods, and are not checked);
 * - NAMED_PORT_UNRESOLVED: a named port that no destination pod defines, so the entry never
 *   matches. Only when there are destination pods: with none, the other findings say why.
 * Rules of directions the policy does not affect are ignored, as the API ignores them.
 */
export function policyFindings(policy: PolicyExplanation): LintFinding[] {
  const object: LintObject = {kind: policy.ref.kind, name: policy.ref.name, ...(policy.ref.namespace === undefined ? {} : {namespace: policy.ref.namespace})}
  const subjectPath = policy.tier === 'networkpolicy' ? 'spec.podSelector' : 'spec.subject'
  const findings =
    policy.selectedPods.length === 0 ? [lintFinding('POLICY_SELECTS_NO_PODS', object, `selects no pod: it has no effect until a pod matches ${subjectPath}`, subjectPath)] : []
  for (const direction of ['ingress', 'egress'] as const) {
    for (const rule of policy[direction].rules) findings.push(...ruleFindings(object, direction, rule))
  }
  return findings
}

function ruleFindings(object: LintObject, direction: Direction, rule: RuleExplanation): LintFinding[] {
  const rulePath = `spec.${direction}[${rule.index}]`
  const peersField = direction === 'ingress' ? 'from' : 'to'
  const portsField = object.kind === 'ClusterNetworkPolicy' ? 'protocols' : 'ports'
  const peerFindings = rule.peers.flatMap(({peer, pods}, i) =>
    peer !== 'all' && peer.kind === 'pods' && pods.length === 0
      ? [lintFinding('PEER_MATCHES_NO_PODS', object, `${direction} rule ${rule.index} peer ${i} matches no pod, so it never ${direction === 'ingress' ? 'admits a source' : 'admits a destination'}`, `${rulePath}.${peersField}[${i}]`)]
      : [],
  )
  const portFindings = rule.ports.flatMap(({port, resolved}, i) =>
    port !== 'all' && port.kind === 'named' && resolved?.length === 0 && rule.destinationPods > 0
      ? [
          lintFinding(
            'NAMED_PORT_UNRESOLVED',
            object,
            `named port "${port.name}"${port.protocol === undefined ? '' : `/${port.protocol}`} is not defined by ${rule.destinationPods === 1 ? 'the destination pod' : `any of the ${rule.destinationPods} destination pods`}, so it never matches`,
            `${rulePath}.${portsField}[${i}]`,
          ),
        ]
      : [],
  )
  return [...peerFindings, ...portFindings]
}
