import {CommandSession} from '../command/command-session.js'
import {ExitCode} from '../errors/exit-code.js'
import {streamFlushed} from '../output/stream-flushed.js'
import type {DirectFlags} from './direct-argv.js'

/** A command's work without oclif: its flags as oclif would have parsed them; resolves to the exit code. */
export type DirectRun = (flags: DirectFlags, session: CommandSession) => Promise<number>

/**
 * Run a command as KubeCommand would (the same session, failures mapped to the same messages and
 * exit codes), and end as oclif ends: a non-zero code exits once stdout and stderr are written.
 */
export async function runDirect(run: DirectRun, flags: DirectFlags): Promise<void> {
  const session = new CommandSession({debug: flags.debug === true})
  let code: number
  try {
    code = await run(flags, session)
  } catch (err) {
    code = session.reportFailure(err instanceof Error ? err : new Error(String(err)))
  }
  // stderr only when the session wrote there: reading process.stderr would make the stream (Output.forProcess).
  await Promise.all([streamFlushed(process.stdout), ...(session.out.wroteToStderr ? [streamFlushed(process.stderr)] : [])])
  if (code !== ExitCode.ok) process.exit(code)
}
