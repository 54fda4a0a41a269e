import {BlockList, isIP} from 'node:net'
import {UsageError} from '@kubeline/core'

export const NETWORK_SIMULATION_API_VERSION = 'sandbox.kubeline.dev/v1alpha1'
export const NETWORK_SIMULATION_KIND = 'NetworkSimulation'

/** What a connection attempt gets: allow (agnhost OK), deny (dropped: TIMEOUT), refuse (reset: REFUSED). */
export type ConnectionResult = 'allow' | 'deny' | 'refuse'

export type ConnectionProtocol = 'TCP' | 'UDP' | 'SCTP'

/** One entry of `connections`; the first entry matching a connection decides it. */
export interface NetworkConnectionRule {
  /** The source pod: `ns/pod`, `ns/*` or `*`. */
  from: string
  /** The destination: `ns/pod`, `ns/*`, `*`, or `ip:CIDR` (the destination address, pod or not). */
  to: string
  /** Any port when left out. */
  port?: number
  /** Any protocol when left out; case-insensitive. */
  protocol?: string
  result: ConnectionResult
  /** The first N connections matching this entry are dropped (TIMEOUT), later ones get `result`. */
  failFirst?: number
}

/**
 * Which connections succeed in the sandbox's pretend pod network: a fixture document, not an
 * API object. Without one every connection is allowed (a CNI that enforces nothing).
 */
export interface NetworkSimulation {
  apiVersion: typeof NETWORK_SIMULATION_API_VERSION
  kind: typeof NETWORK_SIMULATION_KIND
  metadata?: {name?: string}
  /** For connections no entry matches (default allow). */
  default?: ConnectionResult
  connections?: NetworkConnectionRule[]
}

const RESULTS: readonly ConnectionResult[] = ['allow', 'deny', 'refuse']
const PROTOCOLS: readonly ConnectionProtocol[] = ['TCP', 'UDP', 'SCTP']
const DOCUMENT_FIELDS = ['apiVersion', 'kind', 'metadata', 'default', 'connections']
const RULE_FIELDS = ['from', 'to', 'port', 'protocol', 'result', 'failFirst']
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/
const POD_NAME = /^[a-z0-9]([-.a-z0-9]*[a-z0-9])?$/

/** True for a document that says it is a NetworkSimulation (fixture loading sorts these out of the API objects). */
export function isNetworkSimulationDocument(document: unknown): boolean {
  return isRecord(document) && document.apiVersion === NETWORK_SIMULATION_API_VERSION && document.kind === NETWORK_SIMULATION_KIND
}

/**
 * Checks a NetworkSimulation document and returns it with protocols upper-cased. Throws a
 * UsageError (INVALID_MANIFEST) naming the first bad field, e.g. `connections[1].to`.
 */
export function parseNetworkSimulation(document: unknown): NetworkSimulation {
  if (!isRecord(document)) fail('', 'must be an object')
  if (document.apiVersion !== NETWORK_SIMULATION_API_VERSION) fail('apiVersion', `must be "${NETWORK_SIMULATION_API_VERSION}"`, document.apiVersion)
  if (document.kind !== NETWORK_SIMULATION_KIND) fail('kind', `must be "${NETWORK_SIMULATION_KIND}"`, document.kind)
  requireKnownFields(document, DOCUMENT_FIELDS, '')
  if (document.metadata !== undefined && !isRecord(document.metadata)) fail('metadata', 'must be an object')
  const simulation: NetworkSimulation = {apiVersion: NETWORK_SIMULATION_API_VERSION, kind: NETWORK_SIMULATION_KIND}
  if (document.metadata !== undefined) simulation.metadata = document.metadata as {name?: string}
  if (document.default !== undefined) simulation.default = parseResult(document.default, 'default')
  if (document.connections !== undefined) {
    if (!Array.isArray(document.connections)) fail('connections', 'must be a list')
    simulation.connections = document.connections.map((rule, index) => parseRule(rule, `connections[${index}]`))
  }
  return simulation
}

function parseRule(rule: unknown, path: string): NetworkConnectionRule {
  if (!isRecord(rule)) fail(path, 'must be an object')
  requireKnownFields(rule, RULE_FIELDS, path)
  const parsed: NetworkConnectionRule = {
    from: parsePodPattern(rule.from, `${path}.from`),
    to: parseDestinationPattern(rule.to, `${path}.to`),
    result: parseResult(rule.result, `${path}.result`),
  }
  if (rule.port !== undefined) {
    if (!Number.isInteger(rule.port) || (rule.port as number) < 1 || (rule.port as number) > 65535) fail(`${path}.port`, 'must be a port number between 1 and 65535', rule.port)
    parsed.port = rule.port as number
  }
  if (rule.protocol !== undefined) {
    const protocol = typeof rule.protocol === 'string' ? rule.protocol.toUpperCase() : ''
    if (!(PROTOCOLS as readonly string[]).includes(protocol)) fail(`${path}.protocol`, `must be one of ${PROTOCOLS.join(', ')}`, rule.protocol)
    parsed.protocol = protocol
  }
  if (rule.failFirst !== undefined) {
    if (!Number.isInteger(rule.failFirst) || (rule.failFirst as number) < 0) fail(`${path}.failFirst`, 'must be a non-negative integer', rule.failFirst)
    parsed.failFirst = rule.failFirst as number
  }
  return parsed
}

function parseResult(value: unknown, path: string): ConnectionResult {
  if (value === undefined) fail(path, 'is required')
  if (!(RESULTS as readonly unknown[]).includes(value)) fail(path, `must be one of ${RESULTS.join(', ')}`, value)
  return value as ConnectionResult
}

function parsePodPattern(value: unknown, path: string): string {
  if (value === undefined) fail(path, 'is required')
  if (typeof value !== 'string' || !isPodPattern(value)) fail(path, 'must be "<namespace>/<pod>", "<namespace>/*" or "*"', value)
  return value
}

function parseDestinationPattern(value: unknown, path: string): string {
  if (typeof value === 'string' && value.startsWith('ip:')) {
    if (!parseCidr(value.slice(3))) fail(path, 'must be "ip:" followed by an IPv4 or IPv6 address or CIDR, e.g. "ip:10.0.0.0/8"', value)
    return value
  }
  if (value === undefined) fail(path, 'is required')
  if (typeof value !== 'string' || !isPodPattern(value)) fail(path, 'must be "<namespace>/<pod>", "<namespace>/*", "*" or "ip:<CIDR>"', value)
  return value
}

function isPodPattern(text: string): boolean {
  if (text === '*') return true
  const [namespace, pod, ...rest] = text.split('/')
  return rest.length === 0 && DNS_LABEL.test(namespace ?? '') && pod !== undefined && (pod === '*' || POD_NAME.test(pod))
}

/** A one-entry BlockList for "10.0.0.0/8", "fd00::/64" or a bare address; undefined when malformed. */
export function parseCidr(text: string): BlockList | undefined {
  const [address = '', prefixText, ...rest] = text.split('/')
  const family = isIP(address)
  if (family === 0 || rest.length > 0) return undefined
  const maxPrefix = family === 4 ? 32 : 128
  const prefix = prefixText === undefined ? maxPrefix : Number(prefixText)
  if (!/^\d+$/.test(prefixText ?? String(maxPrefix)) || prefix > maxPrefix) return undefined
  const list = new BlockList()
  list.addSubnet(address, prefix, family === 4 ? 'ipv4' : 'ipv6')
  return list
}

function requireKnownFields(object: Record<string, unknown>, known: readonly string[], path: string): void {
  const unknown = Object.keys(object).find((key) => !known.includes(key))
  if (unknown !== undefined) fail(path === '' ? unknown : `${path}.${unknown}`, `unknown field (expected one of ${known.join(', ')})`)
}

function fail(field: string, problem: string, value?: unknown): never {
  const shown = value === undefined ? '' : ` ${JSON.stringify(value)}`
  const subject = field === '' ? 'the document' : field
  throw new UsageError('INVALID_MANIFEST', `invalid NetworkSimulation: ${subject}${shown} ${problem}`)
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
