import {execFile} from 'node:child_process'
import {readFileSync} from 'node:fs'
import {pathToFileURL} from 'node:url'
import {promisify} from 'node:util'
import {isHelpStyleEnv} from '@kubeline/core'
import {pluginEntry} from '@kubeline/sandbox/e2e'
import type {PluginBinary} from '@kubeline/sandbox/e2e'
import {describe, expect, test} from 'vitest'

const run = promisify(execFile)

const PLUGINS: PluginBinary[] = ['kubectl-quota_report', 'kubectl-netpol_test', 'kubectl-rollout_canary', 'kubectl-cron_trigger']

/** No TTY, no colour forced, oclif's default width: where the stored help applies. DEBUG=* makes oclif log to stderr once imported. */
function plainEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {...Object.fromEntries(Object.entries(process.env).filter(([name]) => !isHelpStyleEnv(name))), DEBUG: '*', ...extra}
}

async function plugin(binary: PluginBinary, argv: string[], env: NodeJS.ProcessEnv) {
  return await run(process.execPath, [pluginEntry(binary), ...argv], {env, encoding: 'utf8'})
}

/** Every help argv the build stored (scripts/render-help.js), from the plugin's dist/help.json. */
function storedArgvs(binary: PluginBinary): {name: string; argv: string[]}[] {
  const cache = JSON.parse(readFileSync(new URL('../dist/help.json', pathToFileURL(pluginEntry(binary))), 'utf8')) as {pages: Record<string, string>}
  return Object.keys(cache.pages).map((key) => JSON.parse(key) as string[]).map((argv) => ({name: argv.join(' ') || '(no arguments)', argv}))
}

describe.each(PLUGINS)('%s', (binary) => {
  test('the stored help covers the root and --help of every command', () => {
    const argvs = storedArgvs(binary).map(({argv}) => argv)
    const manifest = JSON.parse(readFileSync(new URL('../oclif.manifest.json', pathToFileURL(pluginEntry(binary))), 'utf8')) as {commands: Record<string, unknown>}
    const commands = Object.keys(manifest.commands).filter((id) => !id.startsWith('Symbol('))
    expect(argvs).toContainEqual(['--help'])
    for (const id of commands) expect(argvs).toContainEqual([...id.split(':'), '--help'])
  })

  test.each(storedArgvs(binary))('$name prints what oclif prints, without importing oclif', async ({argv}) => {
    const fast = await plugin(binary, argv, plainEnv())
    const oclif = await plugin(binary, argv, plainEnv({KUBELINE_NO_HELP_CACHE: '1'}))
    expect(fast.stdout).toBe(oclif.stdout)
    expect(fast.stdout).toMatch(/USAGE/)
    expect(fast.stderr).toBe('')
    expect(oclif.stderr).toMatch(/oclif:main/)
  })

  test('another width falls through to oclif, which wraps to it', async () => {
    const wide = await plugin(binary, ['--help'], plainEnv({OCLIF_COLUMNS: '200'}))
    const stored = await plugin(binary, ['--help'], plainEnv())
    expect(wide.stderr).toMatch(/oclif:main/)
    expect(wide.stdout).not.toBe(stored.stdout)
  })

  test('forced colour falls through to oclif', async () => {
    const coloured = await plugin(binary, ['--help'], plainEnv({FORCE_COLOR: '1'}))
    expect(coloured.stderr).toMatch(/oclif:main/)
    expect(coloured.stdout).toContain('\u001B[1m')
  })
})
