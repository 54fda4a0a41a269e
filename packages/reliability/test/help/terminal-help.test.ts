import {execFile} from 'node:child_process'
import {mkdtempSync, rmSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {promisify} from 'node:util'
import {isHelpStyleEnv} from '@kubeline/core'
import {pluginEntry} from '@kubeline/sandbox/e2e'
import {afterEach, beforeEach, expect, test} from 'vitest'

const run = promisify(execFile)

let tmp: string
beforeEach(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'kubeline-terminal-help-test-'))
})
afterEach(() => rmSync(tmp, {recursive: true, force: true}))

/**
 * `kubectl-quota_report --help` in a terminal: util-linux `script` gives it a pseudo-terminal (stdout
 * and stderr both) and prints what the terminal shows.
 */
async function inTerminal(extra: Record<string, string>): Promise<string> {
  // A terminal that says what it is: without TERM (CI, `env -i`) ansis colours nothing, even on a terminal.
  const inherited = Object.entries(process.env).filter(([name]) => !isHelpStyleEnv(name) && name !== 'DEBUG')
  const env = {...Object.fromEntries(inherited), TERM: 'xterm-256color', TMPDIR: tmp, ...extra}
  const command = [process.execPath, pluginEntry('kubectl-quota_report'), '--help'].map((word) => `'${word}'`).join(' ')
  const {stdout} = await run('script', ['--quiet', '--return', '--command', command, '/dev/null'], {env, encoding: 'utf8'})
  return stdout
}

test('in a terminal, oclif renders the first --help (bold headers) and the next is printed without oclif, the same', async () => {
  const first = await inTerminal({})
  // DEBUG=* is no part of the page's key: oclif, had it been imported, would have logged to the terminal.
  const next = await inTerminal({DEBUG: '*'})
  expect(first).toContain('\u001B[1mUSAGE\u001B[22m')
  expect(next).toBe(first)
  expect(await inTerminal({DEBUG: '*', KUBELINE_NO_HELP_CACHE: '1'})).toMatch(/oclif:main/)
})
