import {LabelSelector} from '@kubeline/core'
import {comparedTraffic, isComparedTowards} from '../domain/compared-traffic.js'
import type {CompiledCluster} from '../domain/compiled-cluster.js'
import type {EndpointRef, EvaluationOptions} from '../domain/evaluate-traffic.js'
import {evaluateTraffic} from '../domain/evaluate-traffic.js'
import type {Reachability} from '../domain/live-probe.js'
import type {PodObject} from '../domain/kube-objects.js'
import type {PortSelection} from '../domain/port-list.js'
import type {Protocol} from '../domain/protocol.js'
import type {LoadedCluster} from './load-cluster.js'
import type {PlannedProbe} from './probe-connections.js'

type LivePod = PodObject & {status?: PodObject['status'] & {phase?: string}}

/** One connection to probe, with endpoints as resolved for the engine and as the user wrote them. */
export interface ProbeRequest {
  from: {text: string; ref: EndpointRef}
  to: {text: string; ref: EndpointRef}
  port: number
  protocol: Protocol
  /** What the probe is compared with. */
  expected: Reachability
}

/**
 * Where a probe runs and what it connects to. The source must be a running pod of the live cluster
 * (a pod from -f has never run); the destination is its pod's IP, or the address of `ip:`.
 */
export function planProbe(cluster: LoadedCluster, request: ProbeRequest): PlannedProbe {
  const {from, to, port, protocol, expected} = request
  const base = {from: from.text, to: to.text, expected}
  const destination = destinationAddress(cluster, to.ref)
  const target = {protocol, port, address: 'address' in destination ? destination.address : ''}
  if ('ip' in from.ref) return {...base, target, problem: `${from.text} is an address, not a pod: a probe runs inside its source pod`}
  const source = podOf(cluster, from.ref)
  if (source?.status?.phase !== 'Running') return {...base, target, problem: `${from.text} is not a running pod of the cluster: a probe runs inside its source pod`}
  if ('problem' in destination) return {...base, target, problem: destination.problem}
  return {...base, target, source: {namespace: from.ref.namespace, name: from.ref.name}}
}

export interface MatrixProbeQuery {
  /** `--port`: listed ports, and/or each destination pod's declared ones. */
  ports: PortSelection
  protocols: readonly Protocol[]
  namespace?: string
  selector?: LabelSelector
  options: EvaluationOptions
}

/**
 * `probe` without a suite: every ordered pair of distinct running pods shown (as `matrix`, -n and -l
 * narrow), compared with the policies' verdict, on the pairs `comparedTraffic` gives, as `diff`
 * compares them: each listed port and protocol, and with `--port declared` towards each destination
 * only the pairs it declares (a pod that declares none, with no port listed, gets no probe).
 * Protocols outer, then ports, sources, destinations. A pod's traffic to itself is not probed
 * (upstream ignores loopback too).
 */
export function planMatrixProbes(cluster: LoadedCluster, compiled: CompiledCluster, query: MatrixProbeQuery): PlannedProbe[] {
  const selector = query.selector ?? LabelSelector.everything()
  const shown = (cluster.state.pods as LivePod[])
    .filter((pod) => pod.status?.phase === 'Running' && podIp(pod) !== undefined)
    .filter((pod) => (query.namespace === undefined || pod.metadata.namespace === query.namespace) && selector.matches(pod.metadata.labels ?? {}))
  const {traffic, towardsPod} = comparedTraffic(shown, query.ports, query.protocols, query.options.namedPorts)
  // `traffic` is ports outer; probes have always been planned protocols outer (a stable sort keeps the port order).
  const byProtocol = [...traffic].sort((a, b) => query.protocols.indexOf(a.protocol) - query.protocols.indexOf(b.protocol))
  const pods = shown.map((pod) => ({text: `${pod.metadata.namespace}/${pod.metadata.name}`, ref: {namespace: pod.metadata.namespace, name: pod.metadata.name}}))
  return byProtocol.flatMap(({port, protocol}) =>
    pods.flatMap((from) =>
      pods.flatMap((to) => {
        if (from === to || !isComparedTowards(towardsPod, to.text, {port, protocol})) return []
        const verdict = evaluateTraffic(compiled, {source: from.ref, destination: to.ref, port, protocol}, query.options)
        return [planProbe(cluster, {from, to, port, protocol, expected: verdict.allowed ? 'allow' : 'deny'})]
      }),
    ),
  )
}

function destinationAddress(cluster: LoadedCluster, ref: EndpointRef): {address: string} | {problem: string} {
  if ('ip' in ref) return {address: ref.ip}
  const pod = podOf(cluster, ref)
  const ip = pod === undefined ? undefined : podIp(pod)
  return ip === undefined ? {problem: `${ref.namespace}/${ref.name} has no pod IP: it is not running in the cluster`} : {address: ip}
}

const podIndexes = new WeakMap<LoadedCluster, Map<string, LivePod>>()

function podOf(cluster: LoadedCluster, ref: {namespace: string; name: string}): LivePod | undefined {
  let index = podIndexes.get(cluster)
  if (index === undefined) {
    index = new Map(cluster.state.pods.map((pod) => [`${pod.metadata.namespace}/${pod.metadata.name}`, pod as LivePod]))
    podIndexes.set(cluster, index)
  }
  return index.get(`${ref.namespace}/${ref.name}`)
}

function podIp(pod: LivePod): string | undefined {
  return pod.status?.podIPs?.[0]?.ip ?? pod.status?.podIP ?? undefined
}
