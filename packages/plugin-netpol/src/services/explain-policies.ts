import {KubelineError} from '@kubeline/core'
import {compileCluster} from '../domain/compiled-cluster.js'
import type {EvaluationOptions} from '../domain/evaluate-traffic.js'
import {resolvedOptions} from '../domain/evaluate-traffic.js'
import type {PolicyExplanation} from '../domain/policy-explanation.js'
import {policyExplanations} from '../domain/policy-explanation.js'
import type {ClusterSource} from './load-cluster.js'
import {loadCluster} from './load-cluster.js'
import type {PolicyName} from './policy-name.js'
import {namesPolicy} from './policy-name.js'
import {requireNamespace} from './require-namespace.js'

export interface ExplainQuery {
  /** One policy; undefined: every policy in scope. */
  policy?: PolicyName
  /** NetworkPolicies of every namespace, not only of -n / the context's. */
  allNamespaces: boolean
  /** -n was given: its namespace must exist (the context's may hold only cluster-scoped policies' subjects). */
  namespaceGiven?: boolean
  options: EvaluationOptions
}

/**
 * `explain`: the NetworkPolicies of the namespace (or of all with -A) and every cluster-scoped
 * admin policy, in evaluation order. A named policy that is not there, or a namespace -n names that
 * is not, is NOT_FOUND (exit 2, as `check` treats an unknown pod).
 */
export async function explainPolicies(source: ClusterSource, query: ExplainQuery): Promise<PolicyExplanation[]> {
  const cluster = await loadCluster(source)
  if (query.namespaceGiven && !query.allNamespaces) requireNamespace(cluster.state, cluster.namespace, {offline: source.offline, alternative: 'or explain every namespace with -A'})
  const inScope = (namespace: string | undefined) => query.allNamespaces || namespace === undefined || namespace === cluster.namespace
  const wanted = query.policy
  const explanations = policyExplanations(
    compileCluster(cluster.state, query.options),
    cluster.state.networkPolicies,
    {ipBlockMatchesPods: resolvedOptions(query.options).ipBlockMatchesPods},
    (policy) => inScope(policy.ref.namespace) && (wanted === undefined || namesPolicy(wanted, policy.ref)),
  )
  if (wanted !== undefined && explanations.length === 0) {
    const where = query.allNamespaces ? 'in any namespace' : `in namespace "${cluster.namespace}"`
    throw new KubelineError('NOT_FOUND', `${wanted.kind ?? 'policy'} "${wanted.name}" not found (${where}, nor cluster-scoped)`, {
      fix: 'List them with `kubectl netpol-test explain -A`, or pass -n NAMESPACE.',
    })
  }
  return explanations
}
