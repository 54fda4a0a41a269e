import {mkdtempSync, rmSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type {PluginBinary} from '@kubeline/sandbox/e2e'
import {afterEach, beforeEach, describe, expect, test} from 'vitest'
import {PLUGINS, commandIds, helpTestEnv, runPlugin} from './plugin-help-run.js'

// kubectl takes -h as --help everywhere; so does every plugin (`additionalHelpFlags` in its package.json).
let tmp: string
beforeEach(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'kubeline-short-help-test-'))
})
afterEach(() => rmSync(tmp, {recursive: true, force: true}))

const plainEnv = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => helpTestEnv(tmp, extra)

/** The words before the help flag: none for the root, then each command's (`bluegreen start`). */
function commandWords(binary: PluginBinary): {name: string; words: string[]}[] {
  return [{name: '(root)', words: []}, ...commandIds(binary).map((id) => ({name: id.replaceAll(':', ' '), words: id.split(':')}))]
}

describe.each(PLUGINS)('%s', (binary) => {
  // runPlugin rejects on any exit but 0.
  test.each(commandWords(binary))('$name -h prints what --help prints, exit 0, without importing oclif', async ({words}) => {
    const long = await runPlugin(binary, [...words, '--help'], plainEnv())
    const short = await runPlugin(binary, [...words, '-h'], plainEnv())
    expect(long.stdout).toMatch(/USAGE/)
    expect(short).toEqual({stdout: long.stdout, stderr: ''})
  })

  test('through oclif too: -h is its help flag', async () => {
    const words = commandWords(binary).at(-1)!.words
    const viaOclif = await runPlugin(binary, [...words, '-h'], plainEnv({KUBELINE_NO_HELP_CACHE: '1'}))
    const stored = await runPlugin(binary, [...words, '--help'], plainEnv())
    expect(viaOclif.stderr).toMatch(/oclif:main/)
    expect(viaOclif.stdout).toBe(stored.stdout)
  })
})

test('-h after flags (no stored page) is help from oclif, as --help is', async () => {
  const short = await runPlugin('kubectl-quota_report', ['-n', 'x', '-h'], plainEnv())
  const long = await runPlugin('kubectl-quota_report', ['-n', 'x', '--help'], plainEnv())
  expect(short.stderr).toMatch(/oclif:main/)
  expect(short.stdout).toBe(long.stdout)
  expect(short.stdout).toMatch(/USAGE/)
})

test('a topic: -h shows the topic, as --help does', async () => {
  const short = await runPlugin('kubectl-rollout_canary', ['bluegreen', '-h'], plainEnv())
  const long = await runPlugin('kubectl-rollout_canary', ['bluegreen', '--help'], plainEnv())
  expect(short).toEqual({stdout: long.stdout, stderr: ''})
})

test('forced colour: the page remembered for --help is printed for -h, without oclif', async () => {
  const {DEBUG: _debug, ...quiet} = plainEnv({FORCE_COLOR: '1'})
  const long = await runPlugin('kubectl-cron_trigger', ['list', '--help'], quiet)
  const short = await runPlugin('kubectl-cron_trigger', ['list', '-h'], plainEnv({FORCE_COLOR: '1'}))
  expect(long.stdout).toContain('\u001B[1m')
  expect(short).toEqual({stdout: long.stdout, stderr: ''})
})
