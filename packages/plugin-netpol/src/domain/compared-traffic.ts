import {UsageError, compareCodeUnits} from '@kubeline/core'
import type {PodObject} from './kube-objects.js'
import type {NamedPortSource} from './named-port-source.js'
import {portDeclaringContainers} from './named-port-source.js'
import type {PortSelection} from './port-list.js'
import type {TrafficPort} from './port-matcher.js'
import type {Protocol} from './protocol.js'
import {isProtocol} from './protocol.js'

/** With declared ports: whether a pair is compared towards the pods that declare it, or towards every pod. */
export type ComparedTowards = 'declaring-pods' | 'every-pod'

export interface ComparedTrafficPort extends TrafficPort {
  /** Only when ports are declared: `every-pod` for a listed port, else `declaring-pods`. */
  towards?: ComparedTowards
}

/** With declared ports: `namespace/name` of a destination pod -> the `trafficKey`s compared towards it. */
export type TowardsPod = ReadonlyMap<string, ReadonlySet<string>>

export interface ComparedTraffic {
  /** The pairs to compute matrices for: ports outer, protocols in the order asked. */
  traffic: ComparedTrafficPort[]
  /** Only when ports are declared. */
  towardsPod?: TowardsPod
}

/**
 * The (port, protocol) pairs `diff` compares (and `probe` probes), and towards which destination pods:
 * - listed ports only: listed x protocols, as typed, towards every pod (no `towardsPod`);
 * - declared: towards each pod, the pairs it declares whose protocol is asked for, plus the listed
 *   ports x protocols; `traffic` is the union, sorted, each pair once. A pod that declares no port
 *   (with no port listed) is compared on nothing, even though it may listen on undeclared ports.
 * `source` says which containers declare ports, as it does for named ports.
 */
export function comparedTraffic(
  pods: readonly PodObject[],
  selection: PortSelection,
  protocols: readonly Protocol[],
  source: NamedPortSource = 'containers',
): ComparedTraffic {
  const listed = selection.listed.flatMap((port) => protocols.map((protocol) => ({port, protocol})))
  if (!selection.declared) return {traffic: listed}
  const everyPod: ReadonlySet<string> = new Set(listed.map(trafficKey))
  const traffic = new Map<string, ComparedTrafficPort>(listed.map((pair) => [trafficKey(pair), {...pair, towards: 'every-pod'}]))
  const towardsPod = new Map<string, ReadonlySet<string>>()
  for (const pod of pods) {
    const declared = declaredPorts(pod, source).filter((pair) => protocols.includes(pair.protocol))
    for (const pair of declared) if (!traffic.has(trafficKey(pair))) traffic.set(trafficKey(pair), {...pair, towards: 'declaring-pods'})
    towardsPod.set(`${pod.metadata.namespace}/${pod.metadata.name}`, declared.length === 0 ? everyPod : new Set([...everyPod, ...declared.map(trafficKey)]))
  }
  const sorted = [...traffic.values()].sort((a, b) => a.port - b.port || protocols.indexOf(a.protocol) - protocols.indexOf(b.protocol))
  return {traffic: sorted, towardsPod}
}

/**
 * With declared ports: the pods towards which nothing is compared (they declare no port of the
 * protocols asked, and no port is listed), of `scope` when given, sorted. A cut towards them goes
 * unseen, so `diff` and `matrix` say so on stderr.
 */
export function uncomparedPods(towardsPod: TowardsPod | undefined, scope?: ReadonlySet<string>): string[] {
  if (towardsPod === undefined) return []
  return [...towardsPod].filter(([pod, pairs]) => pairs.size === 0 && (scope?.has(pod) ?? true)).map(([pod]) => pod).sort(compareCodeUnits)
}

/**
 * The (containerPort, protocol) pairs of the containers `source` counts (`spec.containers[].ports[]`
 * by default), protocol TCP when absent, each once. A protocol NetworkPolicy cannot name is left out
 * (compiling the cluster reports it); a containerPort outside 1..65535 throws INVALID_MANIFEST.
 */
export function declaredPorts(pod: PodObject, source: NamedPortSource = 'containers'): TrafficPort[] {
  const pairs = new Map<string, TrafficPort>()
  for (const container of portDeclaringContainers(pod, source)) {
    for (const {containerPort: port, protocol = 'TCP'} of container.ports ?? []) {
      if (!Number.isInteger(port) || port < 1 || port > 65535) {
        const where = `Pod ${pod.metadata.namespace}/${pod.metadata.name}: container "${container.name ?? ''}"`
        throw new UsageError('INVALID_MANIFEST', `${where}: containerPort ${String(port)}: must be an integer between 1 and 65535`)
      }
      if (isProtocol(protocol)) pairs.set(trafficKey({port, protocol}), {port, protocol})
    }
  }
  return [...pairs.values()]
}

/** Whether `pair` is compared towards `pod` (`namespace/name`): always without declared ports. */
export function isComparedTowards(towardsPod: TowardsPod | undefined, pod: string, pair: TrafficPort): boolean {
  return towardsPod === undefined || towardsPod.get(pod)?.has(trafficKey(pair)) === true
}

/** `5432/TCP`: how `towardsPod` names a pair. */
export function trafficKey({port, protocol}: TrafficPort): string {
  return `${port}/${protocol}`
}
