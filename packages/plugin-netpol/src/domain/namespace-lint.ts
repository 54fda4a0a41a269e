import type {PodEndpoint} from './endpoint.js'
import type {LintFinding} from './lint-finding.js'
import {lintFinding} from './lint-finding.js'
import type {PolicyExplanation} from './policy-explanation.js'

/**
 * NO_DEFAULT_DENY_INGRESS / NO_DEFAULT_DENY_EGRESS: the namespace has no NetworkPolicy that
 * selects every pod (`podSelector: {}`) and isolates that direction, the recommended baseline
 * (kubernetes.io "Default policies"). Such a policy may also allow traffic: it still isolates
 * every pod, so only what some rule allows gets through.
 */
export function defaultDenyFindings(namespace: string, policies: readonly PolicyExplanation[]): LintFinding[] {
  const coversAll = (direction: 'ingress' | 'egress') =>
    policies.some(
      (policy) =>
        policy.tier === 'networkpolicy' &&
        policy.ref.namespace === namespace &&
        policy.subject.pods.isEverything() &&
        policy[direction].affected,
    )
  const object = {kind: 'Namespace', name: namespace}
  return [
    ...(coversAll('ingress') ? [] : [lintFinding('NO_DEFAULT_DENY_INGRESS', object, 'no default-deny ingress policy: pods no policy selects accept traffic from anywhere')]),
    ...(coversAll('egress') ? [] : [lintFinding('NO_DEFAULT_DENY_EGRESS', object, 'no default-deny egress policy: pods no policy selects may connect anywhere')]),
  ]
}

/**
 * POD_NOT_COVERED: no policy of any kind selects the pod for either direction, so every
 * connection to and from it is allowed. Host-network pods are skipped: policies never select them.
 */
export function uncoveredPodFindings(pods: readonly PodEndpoint[], policies: readonly PolicyExplanation[]): LintFinding[] {
  const covered = new Set(policies.filter((policy) => policy.ingress.affected || policy.egress.affected).flatMap((policy) => policy.selectedPods))
  return pods
    .filter((pod) => !pod.hostNetwork && !covered.has(`${pod.namespace}/${pod.name}`))
    .map((pod) => lintFinding('POD_NOT_COVERED', {kind: 'Pod', name: pod.name, namespace: pod.namespace}, 'no policy selects this pod: all its traffic, in and out, is allowed'))
}
