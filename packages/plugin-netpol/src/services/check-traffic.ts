import type {EvaluationOptions} from '../domain/evaluate-traffic.js'
import {evaluateTraffic} from '../domain/evaluate-traffic.js'
import type {Protocol} from '../domain/protocol.js'
import type {Verdict} from '../domain/verdict.js'
import type {EndpointSpec} from './endpoint-spec.js'
import type {ClusterSource} from './load-cluster.js'
import {loadCluster} from './load-cluster.js'
import {resolveEndpoint} from './resolve-endpoint.js'

export interface CheckRequest {
  from: EndpointSpec
  to: EndpointSpec
  port: number
  protocol: Protocol
  options: EvaluationOptions
}

/** `check`: one connection's verdict, with its explanation, against the loaded cluster. */
export async function checkTraffic(source: ClusterSource, request: CheckRequest): Promise<Verdict> {
  const cluster = await loadCluster(source)
  const [from, to] = await Promise.all([resolveEndpoint(cluster, request.from), resolveEndpoint(cluster, request.to)])
  return evaluateTraffic(cluster.state, {source: from, destination: to, port: request.port, protocol: request.protocol}, request.options)
}
