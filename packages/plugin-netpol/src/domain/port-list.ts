import {UsageError} from '@kubeline/core'
import type {Protocol} from './protocol.js'
import {parseProtocol, validatePortNumber} from './protocol.js'

/** `diff` / `matrix` / `probe --port declared,9090`: the ports each destination pod declares, and/or ports for every pod. */
export interface PortSelection {
  /** The (containerPort, protocol) pairs each destination pod's containers declare. */
  declared: boolean
  /** Ports compared towards every destination pod. */
  listed: number[]
}

/** The `--port` word that stands for each destination's declared container ports. */
export const DECLARED_PORTS = 'declared'

/** `--port declared,9090`: `declared` and/or port numbers, in any order, each once. Throws INVALID_FLAG / INVALID_ARGUMENT. */
export function parsePortSelection(text: string, flag = '--port'): PortSelection {
  const items = commaSeparated(text)
  const ports = items.filter((item) => item !== DECLARED_PORTS).map((port) => parsePort(port, flag))
  return {declared: ports.length < items.length, listed: [...new Set(ports)]}
}

/** `--protocol TCP,udp`: case-insensitive; a protocol given twice counts once. Throws INVALID_ARGUMENT. */
export function parseProtocolList(text: string): Protocol[] {
  return [...new Set(commaSeparated(text).map(parseProtocol))]
}

function parsePort(port: string, flag: string): number {
  if (!/^\d+$/.test(port)) throw new UsageError('INVALID_FLAG', `invalid ${flag} "${port}": must be an integer between 1 and 65535 or "${DECLARED_PORTS}"`)
  return validatePortNumber(Number(port), flag)
}

function commaSeparated(text: string): string[] {
  return text.split(',').map((item) => item.trim())
}
