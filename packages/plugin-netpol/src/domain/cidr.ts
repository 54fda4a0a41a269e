// IPv4 and IPv6 addresses and CIDR blocks, parsed the way Go's net.ParseIP /
// net.ParseCIDR do (which is what the API server validates ipBlock with).
import {UsageError} from '@kubeline/core'

export type IpFamily = 4 | 6

export interface IpAddress {
  family: IpFamily
  value: bigint
}

export interface Cidr {
  family: IpFamily
  /** The network address: host bits are cleared, as net.ParseCIDR does. */
  network: bigint
  prefixLength: number
  /** The prefix as a bit mask, kept so matching does not recompute it. */
  mask: bigint
  /** The text as written, for explanations. */
  text: string
}

const BITS: Record<IpFamily, number> = {4: 32, 6: 128}

/**
 * Parses a textual IP address, or returns undefined.
 * - IPv4: four decimal octets 0..255, no leading zeros (Go rejects "010.0.0.1");
 * - IPv6: eight groups of 1..4 hex digits, one `::` allowed, an IPv4 tail allowed ("::ffff:1.2.3.4");
 * - an IPv4-mapped IPv6 address is an IPv6 address here (it only matches IPv6 CIDRs).
 */
export function parseIpAddress(text: string): IpAddress | undefined {
  if (text.includes(':')) {
    const value = parseIpv6(text)
    return value === undefined ? undefined : {family: 6, value}
  }
  const value = parseIpv4(text)
  return value === undefined ? undefined : {family: 4, value}
}

/** Returns the parsed block or the reason it is not one ("missing prefix length"). */
export function parseCidrOrProblem(text: string): Cidr | string {
  const slash = text.indexOf('/')
  if (slash < 0) return 'missing prefix length'
  const address = parseIpAddress(text.slice(0, slash))
  if (address === undefined) return `"${text.slice(0, slash)}" is not an IP address`
  const prefixText = text.slice(slash + 1)
  const prefixLength = Number(prefixText)
  if (!/^\d{1,3}$/.test(prefixText) || prefixLength > BITS[address.family]) {
    return `prefix length "${prefixText}" must be 0..${BITS[address.family]}`
  }
  const mask = networkMask(address.family, prefixLength)
  return {family: address.family, network: address.value & mask, prefixLength, mask, text}
}

/** Parses a CIDR given on the command line; throws INVALID_ARGUMENT naming it. */
export function parseCidr(text: string): Cidr {
  const parsed = parseCidrOrProblem(text)
  if (typeof parsed === 'string') throw new UsageError('INVALID_ARGUMENT', `invalid CIDR "${text}": ${parsed}`)
  return parsed
}

/** True when the address lies in the block; addresses of the other family never do. */
export function cidrContains(cidr: Cidr, address: IpAddress): boolean {
  return cidr.family === address.family && (address.value & cidr.mask) === cidr.network
}

/** True when `inner` is a strict subset of `outer` (what ipBlock.except must be). */
export function isStrictSubnet(inner: Cidr, outer: Cidr): boolean {
  return inner.family === outer.family && inner.prefixLength > outer.prefixLength && cidrContains(outer, {family: inner.family, value: inner.network})
}

function networkMask(family: IpFamily, prefixLength: number): bigint {
  const bits = BITS[family]
  const all = (1n << BigInt(bits)) - 1n
  return all ^ ((1n << BigInt(bits - prefixLength)) - 1n)
}

function parseIpv4(text: string): bigint | undefined {
  const octets = text.split('.')
  if (octets.length !== 4) return undefined
  let value = 0n
  for (const octet of octets) {
    if (!/^(0|[1-9]\d{0,2})$/.test(octet) || Number(octet) > 255) return undefined
    value = (value << 8n) | BigInt(octet)
  }
  return value
}

function parseIpv6(text: string): bigint | undefined {
  const halves = text.split('::')
  if (halves.length > 2) return undefined
  const head = groupsOf(halves[0] ?? '')
  const tail = halves.length === 2 ? groupsOf(halves[1] ?? '') : []
  if (head === undefined || tail === undefined) return undefined
  const missing = 8 - head.length - tail.length
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined
  return [...head, ...Array<bigint>(halves.length === 2 ? missing : 0).fill(0n), ...tail].reduce((sum, group) => (sum << 16n) | group, 0n)
}

/** The 16-bit groups of one side of "::"; a trailing dotted IPv4 counts as two groups. */
function groupsOf(side: string): bigint[] | undefined {
  if (side === '') return []
  const parts = side.split(':')
  const groups: bigint[] = []
  for (const [index, part] of parts.entries()) {
    if (index === parts.length - 1 && part.includes('.')) {
      const v4 = parseIpv4(part)
      if (v4 === undefined) return undefined
      groups.push(v4 >> 16n, v4 & 0xffffn)
    } else if (/^[0-9a-fA-F]{1,4}$/.test(part)) {
      groups.push(BigInt(`0x${part}`))
    } else {
      return undefined
    }
  }
  return groups
}
