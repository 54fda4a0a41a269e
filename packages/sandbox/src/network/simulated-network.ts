import type {BlockList} from 'node:net'
import {isIP} from 'node:net'
import type {ConnectionResult, NetworkConnectionRule, NetworkSimulation} from './network-simulation.js'
import {parseCidr, parseNetworkSimulation} from './network-simulation.js'

export interface PodRef {
  namespace: string
  name: string
}

/** Where a connection goes: an address, and the pod that has it when one does. */
export interface ConnectionDestination {
  address: string
  pod?: PodRef
}

/** undefined fields match anything. */
type PodMatcher = {kind: 'pod'; namespace?: string; name?: string}
type DestinationMatcher = PodMatcher | {kind: 'address'; cidr: BlockList}

interface CompiledRule {
  rule: NetworkConnectionRule
  from: PodMatcher
  to: DestinationMatcher
  matchedSoFar: number
}

/**
 * The sandbox's pretend pod network: decides each connection from the NetworkSimulation in
 * force (first matching entry wins, else `default`; none at all allows everything). Counts
 * the connections each entry matched, for `failFirst`; replacing the simulation resets them.
 */
export class SimulatedNetwork {
  private simulation: NetworkSimulation | undefined
  private rules: CompiledRule[] = []

  /** Takes a NetworkSimulation document (checked here), or nothing for allow-all. */
  constructor(document?: unknown) {
    this.replace(document)
  }

  /** The simulation in force, undefined for allow-all. */
  current(): NetworkSimulation | undefined {
    return this.simulation
  }

  /** Puts a (checked) simulation in force, or allow-all for undefined. Throws UsageError for a bad document. */
  replace(document: unknown): void {
    this.simulation = document === undefined ? undefined : parseNetworkSimulation(document)
    this.rules = (this.simulation?.connections ?? []).map((rule) => ({rule, from: podMatcher(rule.from), to: destinationMatcher(rule.to), matchedSoFar: 0}))
  }

  /** What a connection from the source pod to the destination's port gets. */
  resultFor(source: PodRef, destination: ConnectionDestination, port: number, protocol: string): ConnectionResult {
    const upperProtocol = protocol.toUpperCase()
    const match = this.rules.find(({rule, from, to}) =>
      podMatches(from, source) &&
      destinationMatches(to, destination) &&
      (rule.port === undefined || rule.port === port) &&
      (rule.protocol === undefined || rule.protocol === upperProtocol),
    )
    if (!match) return this.simulation?.default ?? 'allow'
    match.matchedSoFar += 1
    return match.matchedSoFar <= (match.rule.failFirst ?? 0) ? 'deny' : match.rule.result
  }
}

function podMatcher(pattern: string): PodMatcher {
  if (pattern === '*') return {kind: 'pod'}
  const [namespace, name] = pattern.split('/') as [string, string]
  return {kind: 'pod', namespace, ...(name === '*' ? {} : {name})}
}

function destinationMatcher(pattern: string): DestinationMatcher {
  if (pattern.startsWith('ip:')) return {kind: 'address', cidr: parseCidr(pattern.slice(3))!}
  return podMatcher(pattern)
}

function podMatches(matcher: PodMatcher, pod: PodRef | undefined): boolean {
  if (matcher.namespace === undefined) return true
  return pod !== undefined && pod.namespace === matcher.namespace && (matcher.name === undefined || pod.name === matcher.name)
}

function destinationMatches(matcher: DestinationMatcher, destination: ConnectionDestination): boolean {
  if (matcher.kind === 'pod') return podMatches(matcher, destination.pod)
  const family = isIP(destination.address)
  return family !== 0 && matcher.cidr.check(destination.address, family === 4 ? 'ipv4' : 'ipv6')
}
