/**
 * Runs a CommonJS bundle with a V8 code cache made after a run, not at compile time. Node's own compile
 * cache (module.enableCompileCache) is written when a module is compiled, so it holds only the top-level
 * code: every function a command calls is compiled again at each start. A cache made when the process
 * exits holds every function the run compiled. Imports node: builtins only: it runs at start-up.
 */
import fs from 'node:fs'
import {hash} from 'node:crypto'
import {createRequire} from 'node:module'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import vm from 'node:vm'
import {isTemporary, readOrUndefined, writeAtomically} from './cache-file.js'

/** The name, inside the bundle, of the function that stands for `import()` (see scripts/bundle.js). */
export const BUNDLE_IMPORT = '__kubelineImport'

export interface CodeCacheOptions {
  /** Where caches are kept; undefined: no cache (the bundle still runs). */
  cacheDir: string | undefined
  /** When to write a missing or rejected cache: at the process's exit, once everything the run needs is compiled. */
  saveAtExit?: (save: () => void) => void
  /** What `__kubelineImport(specifier)` does; by default it imports the ES module at `specifier` relative to the bundle. */
  importFromBundle?: (specifier: string) => Promise<unknown>
}

/**
 * The `module.exports` of a CommonJS bundle, run with the cache of this exact file and Node (V8 checks
 * its version and flags and rejects a cache that does not fit, but of the source only its length; the
 * file's hash in the cache's name keeps a rebuilt bundle from meeting the old cache). A missing or
 * rejected cache is written when the process exits. `__kubelineImport(specifier)` in the bundle imports
 * an ES module relative to the bundle: a script run by node:vm cannot use import() without
 * --experimental-vm-modules.
 */
export function requireWithCodeCache(file: string, options: CodeCacheOptions): unknown {
  return runWithCodeCache(fs.readFileSync(file), file, options)
}

/**
 * requireWithCodeCache for a bundle given as bytes, e.g. an asset of a single executable application;
 * `file` is where it stands: its name in stack traces and caches, and what its require() and
 * `__kubelineImport` resolve from.
 */
export function runWithCodeCache(bytes: Buffer, file: string, options: CodeCacheOptions): unknown {
  const {cacheDir, saveAtExit = (save) => process.once('exit', save)} = options
  const source = bytes.toString('utf8')
  // One cache per bundle path; its name changes with the bundle's content and the Node that runs it.
  // Hashed with node:crypto, which the bundle's TLS loads anyway (node:zlib's crc32 would load zlib for it alone).
  const prefix = `${path.basename(file)}-${shortHash(file)}-`
  const cacheFile = cacheDir && path.join(cacheDir, `${prefix}${shortHash(bytes)}-${bytes.length}-${process.version}-${process.arch}`)
  const cachedData = cacheFile ? readOrUndefined(cacheFile) : undefined
  const wrapper = `(function (exports, require, module, __filename, __dirname, ${BUNDLE_IMPORT}) {${source}\n})`
  const script = new vm.Script(wrapper, {filename: file, cachedData})
  if (cacheDir && cacheFile && (cachedData === undefined || script.cachedDataRejected)) {
    saveAtExit(() => replaceCache(cacheDir, prefix, cacheFile, script.createCachedData()))
  }
  const module = {exports: {}}
  const importFromBundle = options.importFromBundle ?? ((specifier: string): Promise<unknown> => import(new URL(specifier, pathToFileURL(file)).href))
  const run = script.runInThisContext() as (...args: unknown[]) => void
  run.call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file), importFromBundle)
  return module.exports
}

function shortHash(data: string | Buffer): string {
  return hash('sha256', data).slice(0, 16)
}

/**
 * Write the cache and remove the ones of earlier builds of the same bundle. Another process may be
 * reading the cache: it sees the old file or the new one, never half of one.
 */
function replaceCache(cacheDir: string, prefix: string, file: string, data: Buffer): void {
  if (!writeAtomically(file, data)) return
  try {
    for (const name of fs.readdirSync(cacheDir)) {
      if (name.startsWith(prefix) && !isTemporary(name) && path.join(cacheDir, name) !== file) fs.rmSync(path.join(cacheDir, name), {force: true})
    }
  } catch {
    // Another process pruned first: nothing is lost.
  }
}
