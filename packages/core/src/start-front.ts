/**
 * The first code a plugin's bin/run.js runs, as CommonJS (dist/bundle/start.cjs, scripts/bundle.js): a
 * command with a direct run (direct-run/) runs from here; anything else goes on to startPlugin, in the ES
 * module start chunk. An ES module start pays for linking its graph and for the facade of each builtin it
 * imports (node:fs's reads its lazy streams), a few ms that a direct run from CommonJS does not pay.
 * Imports node: builtins and direct-run only: it runs at start-up.
 */
import type * as Oclif from '@oclif/core'
import fs from 'node:fs'
import module from 'node:module'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {packageDirectRuns, ranDirectly} from './direct-run/direct-start.js'
import {exitOnClosedStdout} from './output/closed-stdout.js'
import type * as Startup from './startup.js'

const MIN_MAJOR = 22
const MIN_MINOR = 20

/** bin/run.js: the direct run of argv if there is one, else startPlugin (help, completion, oclif). */
export async function startFront(binUrl: string, argv: string[] = process.argv.slice(2)): Promise<void> {
  checkNodeVersion()
  enableCompileCache()
  exitOnClosedStdout()
  if (await ranDirectly(packageDirectRuns(pluginLoadOptions(binUrl)), argv)) return
  const {startPlugin} = (await import(new URL('../dist/bundle/run.js', binUrl).href)) as typeof Startup
  await startPlugin(binUrl, argv)
}

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
 * The package root and package.json oclif would find from bin/run.js, given: oclif then skips its walk up
 * the directories and its search for an oclif rc file (our package.json has an `oclif` key, so it would
 * use that) and reads only the manifest.
 */
export function pluginLoadOptions(binUrl: string): {root: string; pjson: Oclif.Interfaces.PJSON} {
  const root = path.dirname(path.dirname(fileURLToPath(binUrl)))
  return {root, pjson: JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as Oclif.Interfaces.PJSON}
}
