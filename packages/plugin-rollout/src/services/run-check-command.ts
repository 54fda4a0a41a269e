import {spawn} from 'node:child_process'
import type {CheckExit} from '../domain/analysis-gates.js'

/**
 * Run a `--check` command through /bin/sh, its stdout and stderr both on our stderr (stdout is for
 * results). On timeout its whole process group is killed, so a stuck smoke test leaves nothing behind.
 */
export async function runCheckCommand(command: string, timeoutMs: number, env: Record<string, string>): Promise<CheckExit> {
  const child = spawn('/bin/sh', ['-c', command], {stdio: ['ignore', 'pipe', 'pipe'], detached: true, env: {...process.env, ...env}})
  child.stdout.pipe(process.stderr, {end: false})
  child.stderr.pipe(process.stderr, {end: false})
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    killGroup(child.pid)
  }, timeoutMs)
  try {
    return await new Promise<CheckExit>((resolve) => {
      child.on('error', (err) => resolve({kind: 'failedToStart', error: err.message}))
      child.on('close', (code, signal) => {
        if (timedOut) resolve({kind: 'timedOut'})
        else resolve({kind: 'exited', code: code ?? 128 + (signal === 'SIGKILL' ? 9 : 15)})
      })
    })
  } finally {
    clearTimeout(timer)
  }
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return
  try {
    process.kill(-pid, 'SIGKILL')
  } catch {
    // Already gone.
  }
}
