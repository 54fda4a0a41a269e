/**
 * What a plugin's bin/run.js does before anything else. Kept free of imports
 * beyond node: builtins so that it costs nothing at start-up.
 */
import type * as Oclif from '@oclif/core'
import module from 'node:module'
import path from 'node:path'
import {printCachedHelp} from './help-cache.js'

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
  // `kubectl-<plugin> __complete WORDS...`, asked by the completion scripts and kubectl_complete-<plugin>: no oclif.
  if (argv[0]?.startsWith('__complete')) {
    const {completePlugin} = await import('./completion/complete-main.js')
    return await completePlugin(binUrl, argv)
  }
  // Help as oclif rendered it at build time: about half the start-up, oclif's import, saved.
  if (printCachedHelp(binUrl, argv, {env: process.env, stdoutIsTTY: Boolean(process.stdout.isTTY)})) return
  const {execute} = await importOclif()
  await execute({dir: binUrl, args: argv})
}

/** oclif, set up for a bundle. */
async function importOclif() {
  // oclif's own engines check loads semver (about 20 ms) at import; checkNodeVersion has done that job.
  process.env.OCLIF_DISABLE_ENGINE_WARNING = 'true'
  // `.default` is oclif's module.exports (CommonJS), the one shape Node and the bundle agree on.
  const oclif = (await import('@oclif/core')).default
  delete process.env.OCLIF_DISABLE_ENGINE_WARNING
  // Never look for TypeScript sources (NODE_ENV=test or development would): the bundle is what runs.
  oclif.settings.enableAutoTranspile = false
  return oclif
}

/** A plugin bundled into one file (`pnpm package`): its package.json and the modules oclif would import by path. */
export interface StandalonePlugin {
  /** Directory that stands in for the package root (the executable's or script's own). */
  root: string
  pjson: Oclif.Interfaces.PJSON
  /** Module namespaces by the path oclif would import, relative to the package root (`./dist/bundle/commands.js`). */
  modules: Record<string, object>
}

/**
 * Start a plugin that has no files beside it: a single-file bundle or a Node single executable
 * application, where import() and require() reach only Node's builtins. oclif's module loader is
 * served from the modules bundled in; oclif builds its command manifest from them in memory.
 */
export async function startStandalone(plugin: StandalonePlugin): Promise<void> {
  checkNodeVersion()
  enableCompileCache()
  const oclif = await importOclif()
  const modules = new Map(Object.entries(plugin.modules).map(([target, module]) => [path.resolve(plugin.root, target), module]))
  const bundled = (modulePath: string): object => {
    const module = modules.get(path.resolve(plugin.root, modulePath))
    if (!module) throw new Error(`${modulePath} is not part of this single-file build`)
    return module
  }
  const loader = oclif.ModuleLoader as {load: unknown; loadWithData: unknown}
  loader.load = async (_config: unknown, modulePath: string) => bundled(modulePath)
  loader.loadWithData = async (_config: unknown, modulePath: string) => ({isESM: true, filePath: modulePath, module: bundled(modulePath)})
  const loadOptions = {root: plugin.root, pjson: plugin.pjson}
  if (process.argv[2]?.startsWith('__complete')) {
    // No oclif.manifest.json beside a single file: complete from the commands oclif loads in memory.
    const {completeWithManifest} = await import('./completion/complete-main.js')
    const config = await oclif.Config.load(loadOptions)
    return await completeWithManifest({commands: Object.fromEntries(config.commands.map((command) => [command.id, command]))}, process.argv.slice(2))
  }
  await oclif.execute({loadOptions})
}
