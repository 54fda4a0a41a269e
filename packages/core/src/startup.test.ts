import {Command, Config, Flags} from '@oclif/core'
import type {Hook} from '@oclif/core'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {afterEach, beforeEach, describe, expect, test, vi} from 'vitest'
import {pluginLoadOptions} from './start-front.js'
import {startPlugin, startStandalone} from './startup.js'

class Greet extends Command {
  static override flags = {name: Flags.string({required: true})}
  override async run(): Promise<void> {
    const {flags} = await this.parse(Greet)
    process.stdout.write(`hello ${flags.name}\n`)
  }
}

const nameMeansGreet: Hook.CommandNotFound = async function (options) {
  return await options.config.runCommand('greet', ['--name', options.id])
}

const argv = process.argv
let root: string
let stdout: string[]

beforeEach(() => {
  // An empty directory: a single-file build has no package.json, manifest or command files beside it.
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'kubeline-standalone-'))
  stdout = []
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => stdout.push(String(chunk)) > 0)
})

afterEach(() => {
  process.argv = argv
  vi.restoreAllMocks()
  fs.rmSync(root, {recursive: true, force: true})
})

function start(args: string[]): Promise<void> {
  process.argv = [argv[0] ?? 'node', 'kubectl-greet', ...args]
  return startStandalone({
    root,
    pjson: {
      name: 'kubectl-greet',
      version: '1.0.0',
      oclif: {
        bin: 'kubectl greet',
        commands: {strategy: 'explicit', target: './dist/bundle/commands.js', identifier: 'COMMANDS'},
        hooks: {command_not_found: './dist/bundle/hooks/name-means-greet.js'},
      },
    },
    modules: {
      './dist/bundle/commands.js': {COMMANDS: {greet: Greet}},
      './dist/bundle/hooks/name-means-greet.js': {default: nameMeansGreet},
    },
  })
}

test('runs a command that exists only in memory', async () => {
  await start(['greet', '--name', 'world'])
  expect(stdout.join('')).toBe('hello world\n')
})

test('runs a hook that exists only in memory', async () => {
  await start(['payments'])
  expect(stdout.join('')).toBe('hello payments\n')
})

test('pluginLoadOptions gives the root and package.json oclif finds from bin/run.js', async () => {
  const pjson = {name: 'kubectl-greet', version: '1.0.0', type: 'module', oclif: {bin: 'kubectl greet', commands: './dist/commands'}}
  fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify(pjson))
  fs.mkdirSync(path.join(root, 'bin'))
  const binUrl = pathToFileURL(path.join(root, 'bin', 'run.js')).href
  const found = await Config.load(binUrl)
  const given = pluginLoadOptions(binUrl)
  expect(given.root).toBe(found.root)
  expect(given.pjson).toEqual(found.pjson)
})

describe('a command run through dist/bundle/main.cjs', () => {
  const engineCheck = process.env.OCLIF_DISABLE_ENGINE_WARNING
  // The code cache of this temporary main.cjs (userCacheDir: under os.tmpdir()) goes with root, not into the user's cache.
  beforeEach(() => vi.stubEnv('TMPDIR', path.join(root, 'tmp')))
  afterEach(() => {
    vi.unstubAllEnvs()
    if (engineCheck === undefined) delete process.env.OCLIF_DISABLE_ENGINE_WARNING
    else process.env.OCLIF_DISABLE_ENGINE_WARNING = engineCheck
  })

  // main.cjs evaluates oclif's index as it loads: its engines check (semver) must be off by then.
  async function runMain(): Promise<{atLoad?: string; atRun?: string; argv: string[]}> {
    fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({name: 'kubectl-greet', version: '1.0.0', oclif: {bin: 'kubectl greet'}}))
    fs.mkdirSync(path.join(root, 'dist/bundle'), {recursive: true})
    fs.writeFileSync(
      path.join(root, 'dist/bundle/main.cjs'),
      `const atLoad = process.env.OCLIF_DISABLE_ENGINE_WARNING
module.exports = {modules: {}, runBundledPlugin: async (plugin, argv) => { globalThis.kubelineMainRun = {atLoad, atRun: process.env.OCLIF_DISABLE_ENGINE_WARNING, argv} }}`,
    )
    await startPlugin(pathToFileURL(path.join(root, 'bin', 'run.js')).href, ['list', '-A'])
    return (globalThis as {kubelineMainRun?: {atLoad?: string; atRun?: string; argv: string[]}}).kubelineMainRun ?? {argv: []}
  }

  test('is loaded with oclif\'s engines check off, and runs with the variable as it was', async () => {
    delete process.env.OCLIF_DISABLE_ENGINE_WARNING
    expect(await runMain()).toEqual({atLoad: 'true', atRun: undefined, argv: ['list', '-A']})
  })

  test('a value the user set is kept', async () => {
    process.env.OCLIF_DISABLE_ENGINE_WARNING = 'yes'
    expect(await runMain()).toMatchObject({atLoad: 'true', atRun: 'yes'})
  })
})
