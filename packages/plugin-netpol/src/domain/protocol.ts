import {UsageError} from '@kubeline/core'

/** The L4 protocols NetworkPolicy can name; others (ICMP, ...) are undefined by the API. */
export type Protocol = 'TCP' | 'UDP' | 'SCTP'

export const PROTOCOLS: readonly Protocol[] = ['TCP', 'UDP', 'SCTP']

export function isProtocol(text: string): text is Protocol {
  return (PROTOCOLS as readonly string[]).includes(text)
}

/** A protocol typed by a person (`--protocol udp`): case-insensitive. Throws INVALID_ARGUMENT. */
export function parseProtocol(text: string): Protocol {
  const upper = text.toUpperCase()
  if (!isProtocol(upper)) throw new UsageError('INVALID_ARGUMENT', `unknown protocol "${text}": expected TCP, UDP or SCTP`)
  return upper
}

/** A port typed by a person: an integer 1..65535. Throws INVALID_ARGUMENT. */
export function validatePortNumber(port: number, what = 'port'): number {
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new UsageError('INVALID_ARGUMENT', `invalid ${what} ${String(port)}: must be an integer between 1 and 65535`)
  }
  return port
}
