import {compileCluster} from '../domain/compiled-cluster.js'
import type {EvaluationOptions} from '../domain/evaluate-traffic.js'
import {resolvedOptions} from '../domain/evaluate-traffic.js'
import type {LintFinding} from '../domain/lint-finding.js'
import {lintCluster} from '../domain/netpol-lint.js'
import type {ClusterSource} from './load-cluster.js'
import {loadCluster} from './load-cluster.js'
import {requireNamespace} from './require-namespace.js'

export interface LintQuery {
  /** Every namespace, not only -n / the context's. */
  allNamespaces: boolean
  options: EvaluationOptions
}

/** `lint`: the findings for the namespace (or all with -A), admin policies included; a namespace that is not there is NOT_FOUND. */
export async function lintPolicies(source: ClusterSource, query: LintQuery): Promise<LintFinding[]> {
  const cluster = await loadCluster(source)
  if (!query.allNamespaces) requireNamespace(cluster.state, cluster.namespace, {offline: source.offline, alternative: 'or lint every namespace with -A'})
  return lintCluster(
    compileCluster(cluster.state, query.options),
    cluster.state.networkPolicies,
    query.allNamespaces ? {kind: 'all'} : {kind: 'namespaces', namespaces: [cluster.namespace]},
    {ipBlockMatchesPods: resolvedOptions(query.options).ipBlockMatchesPods},
  )
}
