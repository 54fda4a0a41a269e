import {compareCodeUnits} from '@kubeline/core'
import type {PodEndpoint} from './endpoint.js'
import {endpointName} from './endpoint.js'
import type {PortSpec} from './port-matcher.js'
import type {Protocol} from './protocol.js'

/** One number a named port stands for, and the destination pods where it does. */
export interface NamedPortResolution {
  port: number
  protocol: Protocol
  pods: string[]
}

/**
 * Where a named port resolves among `destinations`: a container port with that name, and with the
 * rule's protocol when it sets one (NetworkPolicy, default TCP). Pods may disagree on the number,
 * hence one entry per port/protocol, sorted by protocol then port; `[]` when it resolves nowhere.
 */
export function resolveNamedPort(spec: Extract<PortSpec, {kind: 'named'}>, destinations: readonly PodEndpoint[]): NamedPortResolution[] {
  const byPort = new Map<string, NamedPortResolution>()
  for (const pod of destinations) {
    const match = pod.namedPorts.find((port) => port.name === spec.name && (spec.protocol ?? port.protocol) === port.protocol)
    if (match === undefined) continue
    const key = `${match.protocol}/${match.port}`
    const entry = byPort.get(key) ?? {port: match.port, protocol: match.protocol, pods: []}
    entry.pods.push(endpointName(pod))
    byPort.set(key, entry)
  }
  return [...byPort.values()].sort((a, b) => compareCodeUnits(a.protocol, b.protocol) || a.port - b.port)
}
