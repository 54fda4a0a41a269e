import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type * as Esbuild from 'esbuild'
import {afterAll, expect, test} from 'vitest'

// scripts/bundle.js defers yaml in direct.cjs: a run that never uses it does not pay for evaluating it
// (docs/performance.md). Shown here on a package that counts its evaluations.
const root = path.resolve(import.meta.dirname, '../../..')
const {deferredPackages} = (await import(path.join(root, 'scripts/bundle.js'))) as {deferredPackages: (packages: string[]) => unknown}
const {build} = (await import(path.join(root, 'node_modules/esbuild/lib/main.js'))) as typeof Esbuild

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubeline-deferred-'))
afterAll(() => fs.rmSync(dir, {recursive: true, force: true}))
const fixture = path.join(dir, 'node_modules/counted')
fs.mkdirSync(fixture, {recursive: true})
fs.writeFileSync(path.join(fixture, 'package.json'), JSON.stringify({name: 'counted', main: 'index.js'}))
fs.writeFileSync(path.join(fixture, 'index.js'), 'globalThis.countedRuns = (globalThis.countedRuns ?? 0) + 1\nexports.answer = 21\nexports.twice = (x) => 2 * x\n')

/** The bundle of a module that uses `counted` only when called, loaded; and how often `counted` ran by then. */
async function load(plugins: unknown[]): Promise<{runsAtLoad: number; use: () => number}> {
  const result = await build({
    stdin: {contents: "import {answer, twice} from 'counted'\nexport const use = () => twice(answer)", resolveDir: dir, loader: 'js'},
    bundle: true,
    format: 'cjs',
    platform: 'node',
    write: false,
    logLevel: 'silent',
    plugins: plugins as never[],
  })
  const globals = globalThis as {countedRuns?: number}
  globals.countedRuns = 0
  const module = {exports: {} as {use: () => number}}
  new Function('module', 'exports', result.outputFiles[0].text)(module, module.exports)
  return {runsAtLoad: globals.countedRuns, use: module.exports.use}
}

test('a deferred package runs at its first use, once', async () => {
  const {runsAtLoad, use} = await load([deferredPackages(['counted'])])
  expect(runsAtLoad).toBe(0)
  expect(use()).toBe(42)
  expect(use()).toBe(42)
  expect((globalThis as {countedRuns?: number}).countedRuns).toBe(1)
})

test('without deferral the package runs as the bundle loads', async () => {
  const {runsAtLoad, use} = await load([])
  expect(runsAtLoad).toBe(1)
  expect(use()).toBe(42)
})
