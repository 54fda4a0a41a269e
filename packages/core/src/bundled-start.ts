/**
 * oclif run over command modules bundled in, rather than imported by oclif from their files: the
 * single-file and SEA builds (`pnpm package`), and a plugin's dist/bundle/main.cjs (scripts/bundle.js).
 */
import type * as Oclif from '@oclif/core'
import path from 'node:path'

/** A plugin's package.json and the modules oclif would import by path. */
export interface BundledPlugin {
  /** The package root (its oclif.manifest.json is used when there is one), or the directory standing in for it. */
  root: string
  pjson: Oclif.Interfaces.PJSON
  /** Module namespaces by the path oclif would import, relative to the package root (`./dist/bundle/commands.js`). */
  modules: Record<string, object>
}

/** What `import('@oclif/core')` gives as `default`: oclif's module.exports. */
type OclifExports = (typeof Oclif)['default']

/**
 * Evaluate oclif's index (through `load`) without its own engines check, which loads semver (about
 * 4 ms); checkNodeVersion has done that job. The variable is as it was before, afterwards.
 */
export async function withoutOclifEngineCheck<T>(load: () => T | Promise<T>): Promise<T> {
  const before = process.env.OCLIF_DISABLE_ENGINE_WARNING
  process.env.OCLIF_DISABLE_ENGINE_WARNING = 'true'
  try {
    return await load()
  } finally {
    if (before === undefined) delete process.env.OCLIF_DISABLE_ENGINE_WARNING
    else process.env.OCLIF_DISABLE_ENGINE_WARNING = before
  }
}

/** oclif, set up for a bundle. */
export async function importOclif(): Promise<OclifExports> {
  // `.default` is oclif's module.exports (CommonJS), the one shape Node and the bundle agree on.
  const oclif = (await withoutOclifEngineCheck(() => import('@oclif/core'))).default
  // Never look for TypeScript sources (NODE_ENV=test or development would): the bundle is what runs.
  oclif.settings.enableAutoTranspile = false
  return oclif
}

/**
 * Run oclif on `argv` with its module loader served from the modules bundled in. Without an
 * oclif.manifest.json under the root, oclif builds its command manifest from them in memory.
 */
export async function runBundledPlugin(plugin: BundledPlugin, argv: string[]): Promise<void> {
  const oclif = await importOclif()
  const modules = new Map(Object.entries(plugin.modules).map(([target, module]) => [path.resolve(plugin.root, target), module]))
  const bundled = (modulePath: string): object => {
    const module = modules.get(path.resolve(plugin.root, modulePath))
    if (!module) throw new Error(`${modulePath} is not part of this bundle`)
    return module
  }
  const loader = oclif.ModuleLoader as {load: unknown; loadWithData: unknown}
  loader.load = async (_config: unknown, modulePath: string) => bundled(modulePath)
  loader.loadWithData = async (_config: unknown, modulePath: string) => ({isESM: true, filePath: modulePath, module: bundled(modulePath)})
  const loadOptions = {root: plugin.root, pjson: plugin.pjson}
  if (argv[0]?.startsWith('__complete')) {
    // No oclif.manifest.json beside a single file: complete from the commands oclif loads in memory.
    const {completeWithManifest} = await import('./completion/complete-main.js')
    const config = await oclif.Config.load(loadOptions)
    return await completeWithManifest({commands: Object.fromEntries(config.commands.map((command) => [command.id, command]))}, argv)
  }
  await oclif.execute({loadOptions, args: argv})
}

/**
 * The user's files that change how oclif renders help: the theme (oclif's configDir) and the package.json
 * of user plugins (its dataDir). Remembered help (remembered-help.ts) is stale when either changes.
 */
export async function oclifUserFiles(loadOptions: Pick<BundledPlugin, 'root' | 'pjson'>): Promise<string[]> {
  const oclif = await importOclif()
  const config = await oclif.Config.load(loadOptions)
  return [path.join(config.configDir, 'theme.json'), path.join(config.dataDir, 'package.json')]
}
