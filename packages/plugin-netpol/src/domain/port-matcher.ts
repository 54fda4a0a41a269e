import type {Protocol} from './protocol.js'

/** A named container port of a destination pod (`spec.containers[].ports[]` with a name). */
export interface NamedContainerPort {
  name: string
  port: number
  protocol: Protocol
}

/**
 * One entry of a rule's port list, already defaulted:
 * - `protocol`: every port of one protocol (`{protocol: UDP}` without `port`);
 * - `range`: a number (`first === last`) or `port..endPort` inclusive;
 * - `named`: resolved against the DESTINATION pod's container ports. `protocol` set (NetworkPolicy,
 *   default TCP) means the container port must use it too; unset (AdminNetworkPolicy namedPort,
 *   ClusterNetworkPolicy destinationNamedPort) means the container port's own protocol is used.
 */
export type PortSpec =
  | {kind: 'protocol'; protocol: Protocol}
  | {kind: 'range'; protocol: Protocol; first: number; last: number}
  | {kind: 'named'; name: string; protocol?: Protocol}

/**
 * What a rule's port list admits (policy-assistant portmatcher.go, as data):
 * - `all`: `ports` absent or empty: every port and protocol;
 * - `some`: any of the listed entries (ORed).
 */
export type PortMatcher = {kind: 'all'} | {kind: 'some'; ports: readonly PortSpec[]}

export interface TrafficPort {
  port: number
  protocol: Protocol
}

export const ALL_PORTS: PortMatcher = {kind: 'all'}

/**
 * The index of the first entry admitting the traffic, `'all'` when the matcher does not restrict
 * ports, or undefined when nothing admits it. Named ports need the destination's container ports;
 * a destination without them (an external IP) never matches a named port.
 */
export function matchPort(
  matcher: PortMatcher,
  traffic: TrafficPort,
  destinationPorts: readonly NamedContainerPort[] | undefined,
): number | 'all' | undefined {
  if (matcher.kind === 'all') return 'all'
  const index = matcher.ports.findIndex((spec) => portSpecMatches(spec, traffic, destinationPorts))
  return index < 0 ? undefined : index
}

export function portSpecMatches(spec: PortSpec, traffic: TrafficPort, destinationPorts: readonly NamedContainerPort[] | undefined): boolean {
  switch (spec.kind) {
    case 'protocol':
      return spec.protocol === traffic.protocol
    case 'range':
      return spec.protocol === traffic.protocol && traffic.port >= spec.first && traffic.port <= spec.last
    case 'named':
      return (destinationPorts ?? []).some(
        (p) => p.name === spec.name && p.port === traffic.port && p.protocol === traffic.protocol && (spec.protocol ?? p.protocol) === p.protocol,
      )
  }
}

/** True when the outcome can depend on which pod is the destination (it has a named port). */
export function dependsOnDestination(matcher: PortMatcher): boolean {
  return matcher.kind === 'some' && matcher.ports.some((spec) => spec.kind === 'named')
}
