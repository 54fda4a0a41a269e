import {execFile} from 'node:child_process'
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {promisify} from 'node:util'
import {isHelpStyleEnv} from '@kubeline/core'
import {pluginEntry} from '@kubeline/sandbox/e2e'
import type {PluginBinary} from '@kubeline/sandbox/e2e'

const run = promisify(execFile)

export const PLUGINS: PluginBinary[] = ['kubectl-quota_report', 'kubectl-netpol_test', 'kubectl-rollout_canary', 'kubectl-cron_trigger']

/**
 * No TTY, no colour forced, oclif's default width: where the stored help applies. `tmp` holds the help
 * plugins remember and oclif's config directory. DEBUG=* makes oclif log to stderr once imported.
 */
export function helpTestEnv(tmp: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const style = Object.fromEntries(Object.entries(process.env).filter(([name]) => !isHelpStyleEnv(name)))
  return {...style, TMPDIR: tmp, XDG_CONFIG_HOME: path.join(tmp, 'config'), DEBUG: '*', ...extra}
}

/** The built plugin's stdout and stderr; rejects unless it exits 0. */
export async function runPlugin(binary: PluginBinary, argv: string[], env: NodeJS.ProcessEnv): Promise<{stdout: string; stderr: string}> {
  return await run(process.execPath, [pluginEntry(binary), ...argv], {env, encoding: 'utf8'})
}

/** The plugin's command ids (`bluegreen:start`), from its oclif.manifest.json; none for a single-command plugin. */
export function commandIds(binary: PluginBinary): string[] {
  const manifest = JSON.parse(readFileSync(new URL('../oclif.manifest.json', pathToFileURL(pluginEntry(binary))), 'utf8')) as {commands: Record<string, unknown>}
  return Object.keys(manifest.commands).filter((id) => !id.startsWith('Symbol('))
}
