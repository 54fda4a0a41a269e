/** What one connection attempt of a live probe observed. */
export interface ProbeAttempt {
  connected: boolean
  /** `OK`, or agnhost connect's reason: `TIMEOUT` (dropped), `REFUSED`, or its error text. */
  message: string
}

const LINE = /^((?:tcp|udp|sctp):\S+) (\d+)(?: (.*))?$/

/**
 * Reads the probe program's output, one line per target: `<target> <exit code> <message>`
 * (see probe-program.ts). Exit code 0 is a connection. Other lines (an image's own noise) are ignored;
 * a target that printed nothing has no entry.
 */
export function parseProbeOutput(lines: Iterable<string>): Map<string, ProbeAttempt> {
  const attempts = new Map<string, ProbeAttempt>()
  for (const line of lines) {
    const match = LINE.exec(line.trim())
    if (match === null) continue
    const [, target = '', exitCode = '', message = ''] = match
    const connected = exitCode === '0'
    attempts.set(target, {connected, message: message.trim() || (connected ? 'OK' : `exit code ${exitCode}`)})
  }
  return attempts
}
