import type {Protocol} from './protocol.js'

/** One connection a live probe attempts from its source pod: an address (pod IP or external) and port. */
export interface ProbeTarget {
  protocol: Protocol
  /** An IPv4 or IPv6 address, unbracketed. */
  address: string
  port: number
}

/** `host:port` as agnhost connect takes it: IPv6 in brackets. */
export function agnhostAddress(target: ProbeTarget): string {
  return target.address.includes(':') ? `[${target.address}]:${target.port}` : `${target.address}:${target.port}`
}

/** The token of KUBELINE_PROBE_TARGETS and of the probe's output lines: `tcp:10.244.0.5:80`, `udp:[fd00::5]:81`. */
export function probeTargetText(target: ProbeTarget): string {
  return `${target.protocol.toLowerCase()}:${agnhostAddress(target)}`
}
