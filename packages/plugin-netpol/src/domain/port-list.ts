import {UsageError} from '@kubeline/core'
import type {Protocol} from './protocol.js'
import {parseProtocol, validatePortNumber} from './protocol.js'

/** `--port 80,443`: destination ports typed by a person. Throws INVALID_FLAG / INVALID_ARGUMENT. */
export function parsePortList(text: string, flag = '--port'): number[] {
  return commaSeparated(text).map((port) => {
    if (!/^\d+$/.test(port)) throw new UsageError('INVALID_FLAG', `invalid ${flag} "${port}": must be an integer between 1 and 65535`)
    return validatePortNumber(Number(port), flag)
  })
}

/** `--protocol TCP,udp`: case-insensitive. Throws INVALID_ARGUMENT. */
export function parseProtocolList(text: string): Protocol[] {
  return commaSeparated(text).map(parseProtocol)
}

function commaSeparated(text: string): string[] {
  return text.split(',').map((item) => item.trim())
}
