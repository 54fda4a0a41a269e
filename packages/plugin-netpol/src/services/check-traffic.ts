import type {EvaluationOptions} from '../domain/evaluate-traffic.js'
import {evaluateTraffic} from '../domain/evaluate-traffic.js'
import {podsWithAddress} from '../domain/pods-with-address.js'
import type {Protocol} from '../domain/protocol.js'
import type {Verdict} from '../domain/verdict.js'
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

/** An `ip:` endpoint that is the address of pods: evaluated as an address all the same (the user may have meant the pod). */
export interface AddressOfPods {
  flag: '--from' | '--to'
  address: string
  pods: string[]
}

export interface CheckResult {
  verdict: Verdict
  addressesOfPods: AddressOfPods[]
}

/** `check`: one connection's verdict, with its explanation, against the loaded cluster. */
export async function checkTraffic(source: ClusterSource, request: CheckRequest): Promise<CheckResult> {
  const cluster = await loadCluster(source)
  const [from, to] = await resolveConnection(cluster, request.from, request.to)
  const verdict = evaluateTraffic(cluster.state, {source: from, destination: to, port: request.port, protocol: request.protocol}, request.options)
  const endpoints = [{flag: '--from', spec: request.from}, {flag: '--to', spec: request.to}] as const
  const addressesOfPods = endpoints.flatMap(({flag, spec}) => {
    if (spec.kind !== 'ip') return []
    const pods = podsWithAddress(cluster.state.pods, spec.ip)
    return pods.length > 0 ? [{flag, address: spec.ip, pods}] : []
  })
  return {verdict, addressesOfPods}
}
