import {spawn} from 'node:child_process'
import {fileURLToPath} from 'node:url'

export type PluginBinary = 'kubectl-quota_report' | 'kubectl-netpol_test' | 'kubectl-rollout_canary' | 'kubectl-cron_trigger'

const PACKAGE_OF: Record<PluginBinary, string> = {
  'kubectl-quota_report': 'plugin-quota',
  'kubectl-netpol_test': 'plugin-netpol',
  'kubectl-rollout_canary': 'plugin-rollout',
  'kubectl-cron_trigger': 'plugin-cron',
}

export interface PluginRun {
  stdout: string
  stderr: string
  /** The exit code; a signal counts as 128 + its number, as in a shell. */
  code: number
}

export interface RunPluginOptions {
  kubeconfig: string
  env?: Record<string, string>
  stdin?: string
  timeoutMs?: number
  /** Called with all of stderr so far each time more arrives: lets a test act once the plugin has shown a state. */
  onStderr?: (stderr: string) => void
}

/** The built binary's entry point (packages/<plugin>/bin/run.js), from src/e2e or dist/e2e alike. */
export function pluginEntry(binary: PluginBinary): string {
  return fileURLToPath(new URL(`../../../${PACKAGE_OF[binary]}/bin/run.js`, import.meta.url))
}

/**
 * Run a plugin as kubectl would: a separate process, KUBECONFIG in its environment, no TTY.
 * Used by every plugin's e2e tests, against the sandbox or a real cluster alike.
 */
export async function runPlugin(binary: PluginBinary, args: string[], options: RunPluginOptions): Promise<PluginRun> {
  const child = spawn(process.execPath, [pluginEntry(binary), ...args], {
    env: {...process.env, KUBECONFIG: options.kubeconfig, NO_COLOR: '1', ...options.env},
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk
    options.onStderr?.(stderr)
  })
  child.stdin.end(options.stdin ?? '')
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000)
  const code = await new Promise<number>((resolve) => {
    child.on('close', (exitCode, signal) => resolve(exitCode ?? 128 + (signal === 'SIGKILL' ? 9 : 15)))
  })
  clearTimeout(timer)
  return {stdout, stderr, code}
}

/** A run without oclif, when the command has a direct run (docs/performance.md), and the same run through oclif. */
export interface DirectAndOclifRuns {
  /** Run with DEBUG=oclif:*: oclif logs on stderr once loaded, so a direct run's stderr has no such line. */
  direct: PluginRun
  /** Run with KUBELINE_NO_DIRECT_RUN=1. */
  oclif: PluginRun
}

/** The same command line run both ways, one after the other: a direct run must print what oclif's does. */
export async function runDirectAndThroughOclif(binary: PluginBinary, args: string[], options: RunPluginOptions): Promise<DirectAndOclifRuns> {
  const direct = await runPlugin(binary, args, {...options, env: {...options.env, DEBUG: 'oclif:*'}})
  const oclif = await runPlugin(binary, args, {...options, env: {...options.env, KUBELINE_NO_DIRECT_RUN: '1'}})
  return {direct, oclif}
}
