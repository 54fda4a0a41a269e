import type {KubeClient} from '@kubeline/core'
import {UsageError} from '@kubeline/core'
import {compileCluster} from '../domain/compiled-cluster.js'
import type {ProbeResult} from '../domain/live-probe.js'
import type {ClusterSource} from './load-cluster.js'
import {loadCluster} from './load-cluster.js'
import type {MatrixProbeQuery} from './plan-probes.js'
import {planMatrixProbes} from './plan-probes.js'
import {probeConnections} from './probe-connections.js'
import {requireNamespace} from './require-namespace.js'
import type {Prober} from './prober.js'

/** Builds the prober once the cluster is connected. */
export type MakeProber = (kube: KubeClient) => Prober

/** `probe` without a suite: the matrix's pairs, probed live and compared with the policies' verdict. */
export async function probeMatrix(source: ClusterSource, query: MatrixProbeQuery, makeProber: MakeProber): Promise<ProbeResult[]> {
  const cluster = await loadCluster(liveSource(source))
  if (query.namespace !== undefined) requireNamespace(cluster.state, query.namespace, {offline: false})
  const planned = planMatrixProbes(cluster, compileCluster(cluster.state, query.options), query)
  return await probeConnections(makeProber(cluster.kube as KubeClient), planned)
}

/** Probes run in a live cluster: refused with --offline before anything is read. */
export function liveSource(source: ClusterSource): ClusterSource {
  if (source.offline) throw new UsageError('INVALID_FLAG', 'probing needs a live cluster: it cannot be used with --offline')
  return source
}
