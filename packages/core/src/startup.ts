/**
 * What a plugin's bin/run.js does after startFront (start-front.ts, which runs the direct runs): completion,
 * help without oclif, then oclif; and the starts of the single-file forms. Kept free of imports beyond
 * node: builtins so that it costs nothing at start-up.
 */
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {importOclif, oclifUserFiles, runBundledPlugin, withoutOclifEngineCheck} from './bundled-start.js'
import type {BundledPlugin} from './bundled-start.js'
import {userCacheDir} from './cache-file.js'
import {MAX_HELP_ARGV, cachedHelp, parseHelpCache, readHelpCache, storedHelpArgv} from './help-cache.js'
import type {HelpCache} from './help-cache.js'
import {mayRememberHelp, readRememberedHelp, recordHelp, rememberedHelpFile} from './remembered-help.js'
import {exitOnClosedStdout} from './output/closed-stdout.js'
import {ranDirectly} from './direct-run/direct-start.js'
import type {DirectScript} from './direct-run/direct-start.js'
import type {FlagManifest} from './direct-run/direct-invocation.js'
import {checkNodeVersion, enableCompileCache, pluginLoadOptions} from './start-front.js'

// `@kubeline/core/startup` is also what other bins (the sandbox's) start with.
export {checkNodeVersion, enableCompileCache, pluginLoadOptions}

/**
 * A command line without a direct run, and completion (bin/complete.js): the plugin's small first ES
 * module chunk, so the compile cache is on before oclif and the commands are parsed.
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
  const helpFile = new URL('../dist/help.json', binUrl)
  const help = argv.length > MAX_HELP_ARGV ? undefined : helpWithoutOclif(readHelpCache(helpFile), fileURLToPath(helpFile), argv)
  if (help === 'printed') return
  const loadOptions = pluginLoadOptions(binUrl)
  const main = new URL('../dist/bundle/main.cjs', binUrl)
  if (fs.existsSync(main)) {
    // Loaded here, not with this chunk: --help and completion need none of it.
    const {requireWithCodeCache} = await import('./code-cache.js')
    // main.cjs evaluates oclif's index as it loads (the command modules import it).
    const bundle = (await withoutOclifEngineCheck(() => requireWithCodeCache(fileURLToPath(main), {cacheDir: userCacheDir()}))) as MainBundle
    return await runMainBundle(bundle, loadOptions, argv, help)
  }
  const {execute} = await importOclif()
  await execute({loadOptions, args: argv})
  help?.save(await oclifUserFiles(loadOptions))
}

/**
 * Help without oclif, which is about half the start-up: the page the build stored, or else one oclif
 * rendered for this terminal in an earlier run. When neither is there for a help argv, the recorder that
 * keeps what oclif prints now. `build` is the file that changes with each build (the stored help's).
 */
function helpWithoutOclif(stored: HelpCache | undefined, build: string, argv: readonly string[]): 'printed' | ReturnType<typeof recordHelp> | undefined {
  const terminal = {env: process.env, stdoutIsTTY: Boolean(process.stdout.isTTY)}
  const page = stored && cachedHelp(stored, argv, terminal)
  if (page !== undefined) return printed(page)
  if (!mayRememberHelp(stored, argv, process.env)) return undefined
  const cacheDir = userCacheDir()
  if (cacheDir === undefined) return undefined
  const screen = {...terminal, stderrIsTTY: Boolean(process.stderr.isTTY), columns: process.stdout.isTTY ? process.stdout.columns : undefined}
  // `-h` and `--help` print one page: remembered once for both.
  const file = rememberedHelpFile(cacheDir, build, storedHelpArgv(stored, argv), screen)
  const remembered = readRememberedHelp(file)
  return remembered === undefined ? recordHelp(file, cacheDir) : printed(remembered)
}

function printed(page: string): 'printed' {
  process.stdout.write(page)
  return 'printed'
}

/** Run the command in main.cjs; then keep the help oclif printed, when `help` is recording it. */
async function runMainBundle(bundle: MainBundle, loadOptions: Pick<BundledPlugin, 'root' | 'pjson'>, argv: string[], help: ReturnType<typeof recordHelp> | undefined): Promise<void> {
  await bundle.runBundledPlugin({...loadOptions, modules: bundle.modules}, argv)
  help?.save(await bundle.oclifUserFiles(loadOptions))
}

/** What dist/bundle/main.cjs exports (scripts/bundle.js): the plugin's oclif modules and the functions that run them. */
interface MainBundle {
  modules: BundledPlugin['modules']
  runBundledPlugin: typeof runBundledPlugin
  oclifUserFiles: typeof oclifUserFiles
}

/**
 * The assets of a plugin's single executable application (scripts/package.js); besides these, each package
 * main.cjs imports with import() is an asset named by its specifier there (`./lazy/kubernetes-client-node.js`).
 */
export const SEA_ASSETS = {main: 'main.cjs', help: 'help.json', pjson: 'package.json', direct: 'direct.cjs', manifest: 'oclif.manifest.json'} as const

/**
 * A plugin as a Node single executable application (`pnpm package`): help is printed as from the npm
 * package, before any bundle is compiled, and main.cjs and the packages it imports run from the assets,
 * each with a code cache made after a run. The directory of the executable stands in for the package root.
 */
export async function startSea(argv: string[] = process.argv.slice(2)): Promise<void> {
  exitOnClosedStdout()
  const sea = process.getBuiltinModule('node:sea')
  const stored = argv.length > MAX_HELP_ARGV || argv[0]?.startsWith('__complete') ? undefined : parseHelpCache(sea.getAsset(SEA_ASSETS.help, 'utf8'))
  const help = stored && helpWithoutOclif(stored, process.execPath, argv)
  if (help === 'printed') return
  const {runWithCodeCache} = await import('./code-cache.js')
  const root = path.dirname(process.execPath)
  const cacheDir = userCacheDir()
  const runAsset = (key: string): unknown =>
    runWithCodeCache(Buffer.from(sea.getAsset(key)), path.join(root, `${path.basename(process.execPath)}-${path.basename(key)}`), {cacheDir, importFromBundle})
  // Run once each, as import() would.
  const imported = new Map<string, unknown>()
  const importFromBundle = async (specifier: string): Promise<unknown> => {
    if (!imported.has(specifier)) imported.set(specifier, runAsset(specifier))
    return imported.get(specifier)
  }
  const loadOptions = {root, pjson: JSON.parse(sea.getAsset(SEA_ASSETS.pjson, 'utf8')) as BundledPlugin['pjson']}
  const hasAsset = (key: string) => sea.getAssetKeys().includes(key)
  const direct = {
    pjson: loadOptions.pjson,
    manifest: () => (hasAsset(SEA_ASSETS.manifest) ? (JSON.parse(sea.getAsset(SEA_ASSETS.manifest, 'utf8')) as FlagManifest) : undefined),
    script: async () => (hasAsset(SEA_ASSETS.direct) ? (runAsset(SEA_ASSETS.direct) as DirectScript) : undefined),
  }
  if (help === undefined && (await ranDirectly(direct, argv))) return
  // main.cjs evaluates oclif's index as it loads, as on the npm package's path.
  const bundle = (await withoutOclifEngineCheck(() => runAsset(SEA_ASSETS.main))) as MainBundle
  await runMainBundle(bundle, loadOptions, argv, help)
}

/** A plugin bundled into one file (`pnpm package`): the directory of the file stands in for its root. */
export type StandalonePlugin = BundledPlugin

/**
 * Start a plugin that has no files beside it, the portable single file (`pnpm package`): all of it in
 * one bundle, where import() and require() reach only Node's builtins.
 */
export async function startStandalone(plugin: StandalonePlugin): Promise<void> {
  checkNodeVersion()
  enableCompileCache()
  exitOnClosedStdout()
  await runBundledPlugin(plugin, process.argv.slice(2))
}
