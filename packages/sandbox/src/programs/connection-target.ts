import type {ConnectionAttempt} from '../network/connection-probe.js'

const HOST_PORT = /^(?:\[([^\]]+)\]|([^:[\]]+)):(\d{1,5})$/

/** "10.0.0.5:80" or "[fd00::5]:80" as host (without brackets) and port; undefined when malformed (as Go's SplitHostPort would refuse it). */
export function splitHostPort(text: string): {host: string; port: number} | undefined {
  const match = HOST_PORT.exec(text)
  if (!match) return undefined
  const port = Number(match[3])
  return port <= 65535 ? {host: match[1] ?? match[2]!, port} : undefined
}

/** A probe target `proto:host:port` (contract: lowercase tcp|udp|sctp, IPv6 bracketed). */
export function parseProbeTarget(target: string): ConnectionAttempt | undefined {
  const colon = target.indexOf(':')
  const protocol = target.slice(0, colon)
  if (!['tcp', 'udp', 'sctp'].includes(protocol)) return undefined
  const hostPort = splitHostPort(target.slice(colon + 1))
  return hostPort && {protocol, ...hostPort}
}
