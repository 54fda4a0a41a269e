import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {afterEach, beforeEach, describe, expect, test} from 'vitest'
import {BUNDLE_IMPORT, requireWithCodeCache} from './code-cache.js'

let dir: string
let cacheDir: string
let bundle: string
let saves: (() => void)[]

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubeline-code-cache-test-'))
  cacheDir = path.join(dir, 'cache')
  fs.mkdirSync(cacheDir)
  bundle = path.join(dir, 'main.cjs')
  saves = []
  // A bundle that uses what the wrapper gives it: require relative to itself, and the import function.
  fs.writeFileSync(path.join(dir, 'answer.cjs'), 'module.exports = 42\n')
  fs.writeFileSync(path.join(dir, 'lazy.mjs'), 'export const lazy = "loaded"\n')
  writeBundle('first')
})

afterEach(() => fs.rmSync(dir, {recursive: true, force: true}))

function writeBundle(version: string): void {
  fs.writeFileSync(bundle, `exports.version = ${JSON.stringify(version)}; exports.answer = require('./answer.cjs'); exports.load = () => ${BUNDLE_IMPORT}('./lazy.mjs')\n`)
}

interface Bundle {
  version: string
  answer: number
  load(): Promise<{lazy: string}>
}

const load = (options: {cacheDir: string | undefined} = {cacheDir}): Bundle =>
  requireWithCodeCache(bundle, {...options, saveAtExit: (save) => saves.push(save)}) as Bundle

const cacheFiles = (): string[] => fs.readdirSync(cacheDir).sort()

describe('requireWithCodeCache', () => {
  test('runs the bundle with require and import relative to it', async () => {
    const exports = load()
    expect(exports.version).toBe('first')
    expect(exports.answer).toBe(42)
    expect(await exports.load()).toMatchObject({lazy: 'loaded'})
  })

  test('without a cache directory the bundle runs and nothing is saved', () => {
    expect(load({cacheDir: undefined}).version).toBe('first')
    expect(saves).toHaveLength(0)
  })
})

/** A new process, as each start is (V8 keeps compiled scripts in memory: this one would never read a cache twice). */
function startProcess(): {version: string; saved: boolean} {
  // Node strips the types of code-cache.ts; its own imports name the built .js files, found here as the .ts beside.
  const script = `
    import {registerHooks} from 'node:module'
    registerHooks({resolve: (specifier, context, next) => next(specifier.startsWith('./') ? specifier.replace(/[.]js$/, '.ts') : specifier, context)})
    const {requireWithCodeCache} = await import(${JSON.stringify(pathToFileURL(path.join(import.meta.dirname, 'code-cache.ts')).href)})
    let saved = false
    const {version} = requireWithCodeCache(${JSON.stringify(bundle)}, {cacheDir: ${JSON.stringify(cacheDir)}, saveAtExit: (save) => process.once('exit', () => { save(); saved = true })})
    process.once('exit', () => process.stdout.write(JSON.stringify({version, saved})))`
  const run = spawnSync(process.execPath, ['--input-type=module', '--eval', script], {encoding: 'utf8', env: {...process.env, NODE_NO_WARNINGS: '1'}})
  expect(run.stderr).toBe('')
  return JSON.parse(run.stdout) as {version: string; saved: boolean}
}

describe('the cache across starts', () => {
  test('the first start writes it; the next uses it and writes nothing', () => {
    expect(startProcess()).toEqual({version: 'first', saved: true})
    const [cache] = cacheFiles()
    expect(cache).toContain(process.version)
    expect(fs.statSync(path.join(cacheDir, cache!)).mode & 0o777).toBe(0o600)
    expect(startProcess()).toEqual({version: 'first', saved: false})
    expect(cacheFiles()).toEqual([cache])
  })

  test('a rebuilt bundle gets its own cache, which replaces the old one', () => {
    startProcess()
    const [old] = cacheFiles()
    writeBundle('second')
    expect(startProcess()).toEqual({version: 'second', saved: true})
    expect(cacheFiles()).toHaveLength(1)
    expect(cacheFiles()[0]).not.toBe(old)
  })

  test('a corrupt cache is rejected by V8 and written again', () => {
    startProcess()
    const [cache] = cacheFiles()
    fs.writeFileSync(path.join(cacheDir, cache!), 'not a code cache')
    expect(startProcess()).toEqual({version: 'first', saved: true})
    expect(fs.readFileSync(path.join(cacheDir, cache!)).toString()).not.toBe('not a code cache')
  })
})
