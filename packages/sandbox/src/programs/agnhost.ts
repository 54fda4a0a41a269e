import {goDurationNanos} from '@kubeline/core'
import type {ConnectionProbe} from '../network/connection-probe.js'
import type {PodRef} from '../network/simulated-network.js'
import {splitHostPort} from './connection-target.js'

export interface ProgramExit {
  stdout: string
  stderr: string
  exitCode: number
}

const CONNECT_FLAGS = new Set(['timeout', 'protocol', 'udp-data', 'sctp-data'])

/**
 * The agnhost test image's `connect` subcommand (test/images/agnhost/connect/connect.go):
 * `connect HOST:PORT [--timeout=1s] [--protocol=tcp|udp|sctp]` exits 0 silently when the
 * simulated network lets the connection through, else 1 with TIMEOUT or REFUSED on stderr.
 */
export function agnhost(args: readonly string[], source: PodRef, probe: ConnectionProbe): ProgramExit {
  const [subcommand, ...rest] = args
  if (subcommand !== 'connect') return failure(`Error: unknown command "${subcommand ?? ''}" for "agnhost"\nRun 'agnhost --help' for usage.\n`)
  const parsed = parseConnectArgs(rest)
  if (typeof parsed === 'string') return failure(`Error: ${parsed}\n`)
  const {destination, protocol} = parsed
  if (!['', 'tcp', 'udp', 'sctp'].includes(protocol)) return failure(`Unsupported protocol\n${protocol}`)
  const hostPort = splitHostPort(destination)
  if (!hostPort) return failure(`UNKNOWN: address ${destination}: missing port in address\n`)
  const outcome = probe(source, {protocol: protocol || 'tcp', ...hostPort})
  return outcome === 'OK' ? {stdout: '', stderr: '', exitCode: 0} : failure(`${outcome}\n`)
}

/** cobra's parsing, as far as connect needs: `--flag=value` or `--flag value`, exactly one argument. */
function parseConnectArgs(args: readonly string[]): {destination: string; protocol: string} | string {
  const positional: string[] = []
  const flags = new Map<string, string>()
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!
    if (!arg.startsWith('--')) {
      positional.push(arg)
      continue
    }
    const [name = '', inlineValue] = arg.slice(2).split(/=(.*)/s, 2)
    if (!CONNECT_FLAGS.has(name)) return `unknown flag: --${name}`
    const value = inlineValue ?? args[++index]
    if (value === undefined) return `flag needs an argument: --${name}`
    if (name === 'timeout' && !isGoDuration(value)) return `invalid argument ${JSON.stringify(value)} for "--timeout" flag: time: invalid duration ${JSON.stringify(value)}`
    flags.set(name, value)
  }
  if (positional.length !== 1) return `accepts 1 arg(s), received ${positional.length}`
  return {destination: positional[0]!, protocol: flags.get('protocol') ?? 'tcp'}
}

function isGoDuration(text: string): boolean {
  try {
    goDurationNanos(text)
    return true
  } catch {
    return false
  }
}

function failure(stderr: string): ProgramExit {
  return {stdout: '', stderr, exitCode: 1}
}
