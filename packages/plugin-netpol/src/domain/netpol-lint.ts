import type {CompiledCluster} from './compiled-cluster.js'
import {ipBlockExceptFindings} from './ip-block-findings.js'
import type {NetworkPolicyObject} from './kube-objects.js'
import type {LintFinding} from './lint-finding.js'
import {SEVERITIES, lintFinding} from './lint-finding.js'
import {defaultDenyFindings, uncoveredPodFindings} from './namespace-lint.js'
import type {PeerMatchOptions} from './peer-matcher.js'
import {policyExplanations} from './policy-explanation.js'
import {policyFindings} from './policy-lint.js'

/** Which namespaces to lint: their NetworkPolicies, pods and default-deny coverage. Admin policies are always linted. */
export type LintScope = {kind: 'all'} | {kind: 'namespaces'; namespaces: readonly string[]}

/**
 * Every lint finding for the scope, sorted by severity, code, object and path. Selectors are
 * matched against the whole cluster: a peer in another namespace counts.
 */
export function lintCluster(
  compiled: CompiledCluster,
  networkPolicies: readonly NetworkPolicyObject[],
  scope: LintScope,
  options: PeerMatchOptions,
): LintFinding[] {
  const inScope = (namespace: string | undefined) => scope.kind === 'all' || namespace === undefined || scope.namespaces.includes(namespace)
  const policies = policyExplanations(compiled, networkPolicies, options, (policy) => inScope(policy.ref.namespace))
  const namespaces = scope.kind === 'all' ? [...compiled.namespaceLabels.keys()] : scope.namespaces
  const findings = [
    ...policies.flatMap(policyFindings),
    ...networkPolicies.filter((policy) => inScope(policy.metadata.namespace)).flatMap(exceptFindings),
    ...namespaces.flatMap((namespace) => defaultDenyFindings(namespace, compiled.namespaceLabels.get(namespace) ?? {}, policies)),
    ...uncoveredPodFindings(
      compiled.pods.filter((pod) => inScope(pod.namespace)),
      policies,
    ),
  ]
  return findings.sort(compareFindings)
}

function exceptFindings(policy: NetworkPolicyObject): LintFinding[] {
  const object = {kind: 'NetworkPolicy', name: policy.metadata.name, ...(policy.metadata.namespace === undefined ? {} : {namespace: policy.metadata.namespace})}
  return ipBlockExceptFindings(policy).map((finding) => lintFinding('IPBLOCK_EXCEPT_OUTSIDE_CIDR', object, `${finding.message}: the API server rejects such a policy`, finding.path))
}

function compareFindings(a: LintFinding, b: LintFinding): number {
  const key = (finding: LintFinding) => [finding.code, finding.object.kind, finding.object.namespace ?? '', finding.object.name, finding.path ?? '']
  const [left, right] = [key(a), key(b)]
  const byKey = left.findIndex((part, i) => part !== right[i])
  return SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || (byKey < 0 ? 0 : (left[byKey] as string) < (right[byKey] as string) ? -1 : 1)
}
