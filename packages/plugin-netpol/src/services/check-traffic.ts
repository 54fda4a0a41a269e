import type {AddresslessPeer} from '../domain/addressless-peers.js'
import {addresslessIpBlockPeers} from '../domain/addressless-peers.js'
import type {EvaluationOptions} from '../domain/evaluate-traffic.js'
import {evaluateTraffic, resolvedOptions} from '../domain/evaluate-traffic.js'
import type {Protocol} from '../domain/protocol.js'
import type {Verdict} from '../domain/verdict.js'
import type {AddressOfPods} from './addresses-of-pods.js'
import {addressesOfPods} from './addresses-of-pods.js'
import type {EndpointSpec} from './endpoint-spec.js'
import type {ClusterSource} from './load-cluster.js'
import {loadCluster} from './load-cluster.js'
import {resolveConnection} from './resolve-endpoint.js'

export interface CheckRequest {
  from: EndpointSpec
  to: EndpointSpec
  port: number
  protocol: Protocol
  options: EvaluationOptions
}

export interface CheckResult {
  verdict: Verdict
  addressesOfPods: AddressOfPods[]
  /** Pods without an IP that a denied direction's ipBlock rules could not be matched against. */
  addresslessPeers: AddresslessPeer[]
}

/** `check`: one connection's verdict, with its explanation, against the loaded cluster. */
export async function checkTraffic(source: ClusterSource, request: CheckRequest): Promise<CheckResult> {
  const cluster = await loadCluster(source)
  const [from, to] = await resolveConnection(cluster, request.from, request.to)
  const verdict = evaluateTraffic(cluster.state, {source: from, destination: to, port: request.port, protocol: request.protocol}, request.options)
  const endpoints = [{place: {flag: '--from'}, spec: request.from}, {place: {flag: '--to'}, spec: request.to}] as const
  const addresslessPeers = addresslessIpBlockPeers(cluster.state, verdict, resolvedOptions(request.options))
  return {verdict, addressesOfPods: addressesOfPods(cluster.state.pods, endpoints), addresslessPeers}
}
