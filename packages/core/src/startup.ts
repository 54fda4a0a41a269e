/**
 * What a plugin's bin/run.js does before anything else. Kept free of imports
 * beyond node: builtins so that it costs nothing at start-up.
 */
import type * as Oclif from '@oclif/core'
import fs from 'node:fs'
import module from 'node:module'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {importOclif, runBundledPlugin, withoutOclifEngineCheck} from './bundled-start.js'
import type {BundledPlugin} from './bundled-start.js'
import {printCachedHelp} from './help-cache.js'
import {exitOnClosedStdout} from './output/closed-stdout.js'

const MIN_MAJOR = 22
const MIN_MINOR = 20

/** Exit 1 with a clear message on a Node.js older than the one the stack needs. */
export function checkNodeVersion(): void {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number)
  if (major > MIN_MAJOR || (major === MIN_MAJOR && minor >= MIN_MINOR)) return
  const bin = path.basename(process.argv[1] ?? 'kubectl plugin')
  process.stderr.write(
    `error: ${bin} needs Node.js >= ${MIN_MAJOR}.${MIN_MINOR}, but this is Node.js ${process.version}.\n` +
      `Install a current Node.js, or run it through the repository's launcher (bin/) which uses the project's own Node.\n`,
  )
  process.exit(1)
}

/** Node's on-disk compile cache roughly halves the parse time of our bundles on a warm start. */
export function enableCompileCache(): void {
  if (process.env.NODE_DISABLE_COMPILE_CACHE) return
  module.enableCompileCache?.()
}

/**
 * Everything a plugin's bin/run.js does: bundled as the plugin's small first chunk, so the
 * compile cache is on before oclif and the commands are parsed.
 */
export async function startPlugin(binUrl: string, argv: string[] = process.argv.slice(2)): Promise<void> {
  checkNodeVersion()
  enableCompileCache()
  exitOnClosedStdout()
  // `kubectl-<plugin> __complete WORDS...`, asked by the completion scripts and kubectl_complete-<plugin>: no oclif.
  if (argv[0]?.startsWith('__complete')) {
    const {completePlugin} = await import('./completion/complete-main.js')
    return await completePlugin(binUrl, argv)
  }
  // Help as oclif rendered it at build time: about half the start-up, oclif's import, saved.
  if (printCachedHelp(binUrl, argv, {env: process.env, stdoutIsTTY: Boolean(process.stdout.isTTY)})) return
  const main = new URL('../dist/bundle/main.cjs', binUrl)
  if (fs.existsSync(main)) {
    // Loaded here, not with this chunk: --help and completion need none of it.
    const {requireWithCodeCache, userCacheDir} = await import('./code-cache.js')
    // main.cjs evaluates oclif's index as it loads (the command modules import it).
    const {modules, runBundledPlugin: run} = (await withoutOclifEngineCheck(() => requireWithCodeCache(fileURLToPath(main), {cacheDir: userCacheDir()}))) as MainBundle
    return await run({...pluginLoadOptions(binUrl), modules}, argv)
  }
  const {execute} = await importOclif()
  await execute({loadOptions: pluginLoadOptions(binUrl), args: argv})
}

/** What dist/bundle/main.cjs exports (scripts/bundle.js): the plugin's oclif modules and the function that runs them. */
interface MainBundle {
  modules: BundledPlugin['modules']
  runBundledPlugin: typeof runBundledPlugin
}

/**
 * The package root and package.json oclif would find from bin/run.js, given: oclif then skips its walk up
 * the directories and its search for an oclif rc file (our package.json has an `oclif` key, so it would
 * use that) and reads only the manifest.
 */
export function pluginLoadOptions(binUrl: string): {root: string; pjson: Oclif.Interfaces.PJSON} {
  const root = path.dirname(path.dirname(fileURLToPath(binUrl)))
  return {root, pjson: JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as Oclif.Interfaces.PJSON}
}

/** A plugin bundled into one file (`pnpm package`): the directory of the file or executable stands in for its root. */
export type StandalonePlugin = BundledPlugin

/**
 * Start a plugin that has no files beside it: a single-file bundle or a Node single executable
 * application, where import() and require() reach only Node's builtins.
 */
export async function startStandalone(plugin: StandalonePlugin): Promise<void> {
  checkNodeVersion()
  enableCompileCache()
  exitOnClosedStdout()
  await runBundledPlugin(plugin, process.argv.slice(2))
}
