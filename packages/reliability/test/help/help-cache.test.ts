import {mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {pluginEntry} from '@kubeline/sandbox/e2e'
import type {PluginBinary} from '@kubeline/sandbox/e2e'
import {afterEach, beforeEach, describe, expect, test} from 'vitest'
import {PLUGINS, commandIds, helpTestEnv, runPlugin} from './plugin-help-run.js'

// Each test its own temporary directory (os.tmpdir()), which holds the help plugins remember, and its own oclif config directory.
let tmp: string
beforeEach(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'kubeline-help-test-'))
})
afterEach(() => rmSync(tmp, {recursive: true, force: true}))

const plainEnv = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => helpTestEnv(tmp, extra)

/** The environment of plainEnv without DEBUG: a run that logs to stderr is never remembered. */
function quietEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const {DEBUG: _debug, ...env} = plainEnv(extra)
  return env
}

/** Every help argv the build stored (scripts/render-help.js), from the plugin's dist/help.json. */
function storedArgvs(binary: PluginBinary): {name: string; argv: string[]}[] {
  const cache = JSON.parse(readFileSync(new URL('../dist/help.json', pathToFileURL(pluginEntry(binary))), 'utf8')) as {pages: Record<string, string>}
  return Object.keys(cache.pages).map((key) => JSON.parse(key) as string[]).map((argv) => ({name: argv.join(' ') || '(no arguments)', argv}))
}

describe.each(PLUGINS)('%s', (binary) => {
  test('the stored help covers the root and --help of every command', () => {
    const argvs = storedArgvs(binary).map(({argv}) => argv)
    expect(argvs).toContainEqual(['--help'])
    for (const id of commandIds(binary)) expect(argvs).toContainEqual([...id.split(':'), '--help'])
  })

  test.each(storedArgvs(binary))('$name prints what oclif prints, without importing oclif', async ({argv}) => {
    const fast = await runPlugin(binary, argv, plainEnv())
    const oclif = await runPlugin(binary, argv, plainEnv({KUBELINE_NO_HELP_CACHE: '1'}))
    expect(fast.stdout).toBe(oclif.stdout)
    expect(fast.stdout).toMatch(/USAGE/)
    expect(fast.stderr).toBe('')
    expect(oclif.stderr).toMatch(/oclif:main/)
  })

  test('another width falls through to oclif, which wraps to it', async () => {
    const wide = await runPlugin(binary, ['--help'], plainEnv({OCLIF_COLUMNS: '200'}))
    const stored = await runPlugin(binary, ['--help'], plainEnv())
    expect(wide.stderr).toMatch(/oclif:main/)
    expect(wide.stdout).not.toBe(stored.stdout)
  })

  test('forced colour falls through to oclif', async () => {
    const coloured = await runPlugin(binary, ['--help'], plainEnv({FORCE_COLOR: '1'}))
    expect(coloured.stderr).toMatch(/oclif:main/)
    expect(coloured.stdout).toContain('\u001B[1m')
  })

  // DEBUG=* is no part of what decides the page (remembered-help.ts): with it, a remembered page shows that oclif was not imported.
  test('forced colour: the page oclif rendered first is printed the next time without oclif, byte for byte', async () => {
    const first = await runPlugin(binary, ['--help'], quietEnv({FORCE_COLOR: '1'}))
    const next = await runPlugin(binary, ['--help'], plainEnv({FORCE_COLOR: '1'}))
    expect(first.stdout).toContain('\u001B[1m')
    expect(next).toEqual({stdout: first.stdout, stderr: ''})
  })
})

describe('remembered help (kubectl-cron_trigger)', () => {
  const binary: PluginBinary = 'kubectl-cron_trigger'
  const colour = {FORCE_COLOR: '1'}

  test('each argv is remembered on its own', async () => {
    await runPlugin(binary, ['--help'], quietEnv(colour))
    const notYet = await runPlugin(binary, ['list', '--help'], plainEnv(colour))
    expect(notYet.stderr).toMatch(/oclif:main/)
    expect(notYet.stdout).toContain('kubectl cron-trigger list')
  })

  test('another width renders through oclif again, and is remembered as well', async () => {
    const narrow = await runPlugin(binary, ['--help'], quietEnv(colour))
    const wide = await runPlugin(binary, ['--help'], plainEnv({...colour, OCLIF_COLUMNS: '200'}))
    expect(wide.stderr).toMatch(/oclif:main/)
    await runPlugin(binary, ['--help'], quietEnv({...colour, OCLIF_COLUMNS: '200'}))
    expect(await runPlugin(binary, ['--help'], plainEnv({...colour, OCLIF_COLUMNS: '200'}))).toEqual({stdout: wide.stdout, stderr: ''})
    expect(await runPlugin(binary, ['--help'], plainEnv(colour))).toEqual({stdout: narrow.stdout, stderr: ''})
  })

  test('a theme written since makes the page stale: oclif renders it in the new colours', async () => {
    const before = await runPlugin(binary, ['--help'], quietEnv(colour))
    mkdirSync(path.join(tmp, 'config', 'kubeline'), {recursive: true})
    writeFileSync(path.join(tmp, 'config', 'kubeline', 'theme.json'), JSON.stringify({sectionHeader: 'red'}))
    const after = await runPlugin(binary, ['--help'], plainEnv(colour))
    expect(after.stderr).toMatch(/oclif:main/)
    expect(after.stdout).not.toBe(before.stdout)
    expect(after.stdout).toContain('\u001B[31m\u001B[1mUSAGE')
  })

  test('KUBELINE_NO_HELP_CACHE: oclif every time', async () => {
    await runPlugin(binary, ['--help'], quietEnv(colour))
    const again = await runPlugin(binary, ['--help'], plainEnv({...colour, KUBELINE_NO_HELP_CACHE: '1'}))
    expect(again.stderr).toMatch(/oclif:main/)
  })

  test.runIf(process.getuid !== undefined)('a command run is never remembered', async () => {
    const version = await runPlugin(binary, ['--version'], quietEnv(colour))
    expect(version.stdout).toMatch(/^@kubeline\/plugin-cron\/\d/)
    // The same directory holds main.cjs's code cache, which this run wrote.
    const cached = readdirSync(path.join(tmp, `kubeline-code-cache-${process.getuid!()}`))
    expect(cached.some((name) => name.startsWith('main.cjs-'))).toBe(true)
    expect(cached.filter((name) => name.startsWith('help-'))).toEqual([])
  })

})
