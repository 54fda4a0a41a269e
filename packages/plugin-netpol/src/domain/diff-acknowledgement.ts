import {UsageError} from '@kubeline/core'
import type {ConnectionChange} from './connectivity-diff.js'
import type {Protocol} from './protocol.js'
import {parseProtocol, validatePortNumber} from './protocol.js'

/**
 * A newly denied connection someone agreed to: `FROM->TO[:PORT[/PROTOCOL]]`. FROM and TO are
 * row names as `diff` prints them (`shop/deployment/web`, `shop/web-0`, `shop/web-0+2`), where
 * `*` matches any text (`shop/*`, `*`); without a port it covers every port and protocol.
 */
export interface Acknowledgement {
  text: string
  from: RegExp
  to: RegExp
  port?: number
  protocol?: Protocol
}

const ACK_FORM = /^(?<from>[^\s>]+)->(?<to>[^\s:]+)(?::(?<port>[^/\s]+)(?:\/(?<protocol>\S+))?)?$/
const PATTERN = /^[a-z0-9.*/+-]+$/

/** Parses one acknowledgement; `where` names its origin in errors (`--ack`, `acks.txt:3`). */
export function parseAcknowledgement(text: string, where: string): Acknowledgement {
  const invalid = (problem: string) =>
    new UsageError('INVALID_ARGUMENT', `${where}: invalid acknowledgement "${text}": ${problem}`, {fix: 'Write FROM->TO[:PORT[/PROTOCOL]], e.g. shop/deployment/web->shop/*:5432.'})
  const parts = ACK_FORM.exec(text)?.groups
  if (parts === undefined) throw invalid('expected FROM->TO[:PORT[/PROTOCOL]]')
  const {from = '', to = '', port, protocol} = parts
  const badSide = [from, to].find((side) => !PATTERN.test(side))
  if (badSide !== undefined) throw invalid(`"${badSide}" is not a row name or pattern (lower-case names, /, . , - , + and *)`)
  if (port !== undefined && !/^\d+$/.test(port)) throw invalid(`port "${port}" is not a number`)
  try {
    return {
      text,
      from: globPattern(from),
      to: globPattern(to),
      ...(port === undefined ? {} : {port: validatePortNumber(Number(port))}),
      ...(protocol === undefined ? {} : {protocol: parseProtocol(protocol)}),
    }
  } catch (err) {
    if (err instanceof UsageError) throw invalid(err.message)
    throw err
  }
}

/**
 * An ack file: one acknowledgement a line; blank lines and `#` comments (whole lines, or after
 * whitespace) are ignored, so each ack can carry its reason.
 */
export function parseAcknowledgementFile(content: string, file: string): Acknowledgement[] {
  return content.split(/\r?\n/).flatMap((line, index) => {
    const text = line.replace(/(^|\s)#.*$/, '').trim()
    return text === '' ? [] : [parseAcknowledgement(text, `${file}:${index + 1}`)]
  })
}

export function acknowledges(ack: Acknowledgement, change: ConnectionChange): boolean {
  return (
    ack.from.test(change.from) &&
    ack.to.test(change.to) &&
    (ack.port === undefined || ack.port === change.port) &&
    (ack.protocol === undefined || ack.protocol === change.protocol)
  )
}

function globPattern(glob: string): RegExp {
  const escaped = glob.replace(/[.+/]/g, (character) => `\\${character}`).replaceAll('*', '.*')
  return new RegExp(`^${escaped}$`)
}
