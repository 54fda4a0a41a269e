import {createHash} from 'node:crypto'
import type {ContainerView} from '../controllers/container-program.js'
import type {ConnectionProbe} from '../network/connection-probe.js'
import type {PodRef} from '../network/simulated-network.js'
import {agnhost} from './agnhost.js'

/** A command that ran: its output and exit code. */
export interface ExecExit {
  kind: 'exited'
  stdout: string
  stderr: string
  exitCode: number
}

/** A command the container runtime could not start (no such executable). */
export interface ExecStartFailure {
  kind: 'notStarted'
  message: string
}

export type ExecOutcome = ExecExit | ExecStartFailure

/**
 * What `kubectl exec POD -c CONTAINER -- command...` does in the sandbox: containers whose image
 * is agnhost have `/agnhost` (also `agnhost` on PATH); nothing else exists, and the runtime says
 * so as containerd does.
 */
export function execCommand(command: readonly string[], container: ContainerView, source: PodRef, probe: ConnectionProbe): ExecOutcome {
  const [program = '', ...args] = command
  const hasAgnhost = (container.image ?? '').includes('agnhost')
  if (hasAgnhost && (program === '/agnhost' || program === 'agnhost')) return {kind: 'exited', ...agnhost(args, source, probe)}
  const execId = createHash('sha256').update(command.join('\0')).digest('hex')
  const cause = program.includes('/') ? `stat ${program}: no such file or directory` : 'executable file not found in $PATH'
  return {
    kind: 'notStarted',
    message: `failed to exec in container: failed to start exec "${execId}": OCI runtime exec failed: exec failed: unable to start container process: exec: "${program}": ${cause}: unknown`,
  }
}
