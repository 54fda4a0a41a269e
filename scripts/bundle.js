// Bundles one plugin package for start-up speed: `node ../../scripts/bundle.js` from the
// package directory (its build script runs it after tsc, before `oclif manifest`).
//
// Output: dist/bundle/, ESM with code splitting. bin/run.js imports dist/bundle/run.js, a small
// chunk that turns on the compile cache and then imports oclif; oclif imports the command module
// named in package.json (oclif.commands.target, which points into dist/bundle/), and each heavy
// dependency (client-node, listr2) stays a chunk of its own that loads only when used.
// See docs/performance.md.
import {build} from 'esbuild'
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const BUNDLE_DIR = 'dist/bundle'
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** `./dist/bundle/commands.js` -> `src/commands.ts`: every bundled module has its source at the same place under src/. */
function sourceOf(target) {
  const relative = path.posix.relative(BUNDLE_DIR, path.posix.normalize(target))
  if (relative.startsWith('..')) throw new Error(`oclif target ${target} is not under ./${BUNDLE_DIR}/`)
  return path.join('src', relative.replace(/\.js$/, '.ts'))
}

/** The modules oclif imports by path (the command target and any hooks), each with its source. */
export function oclifModules(oclif) {
  const hooks = Object.values(oclif.hooks ?? {}).flat().map((hook) => (typeof hook === 'string' ? hook : hook.target))
  return [oclif.commands.target, ...hooks].map((target) => ({target, source: sourceOf(target)}))
}

/**
 * node:http and node:https through require(), not import: an ESM import of a builtin builds a facade
 * that reads every export, and node:http's lazy WebSocket getters then load Node's own undici (~20 ms).
 */
const httpViaRequire = {
  name: 'http-via-require',
  setup(build) {
    build.onResolve({filter: /^(node:)?https?$/}, ({path: name, kind, namespace}) =>
      kind === 'import-statement' && namespace !== 'builtin' ? {path: name, namespace: 'builtin'} : undefined)
    build.onLoad({filter: /.*/, namespace: 'builtin'}, ({path: name}) => ({contents: `module.exports = require(${JSON.stringify(name)})`, loader: 'js'}))
  },
}

/** What every kubeline bundle shares: sources of the workspace packages, Node builtins, no TypeScript. */
export function sharedBuildOptions() {
  return {
    bundle: true,
    platform: 'node',
    target: 'node22.20',
    conditions: ['kubeline-source'],
    minify: true,
    keepNames: true,
    legalComments: 'linked',
    metafile: true,
    logLevel: 'warning',
    // oclif's TypeScript support (off: startPlugin sets enableAutoTranspile false) would pull in 4 MB of typescript.
    external: ['typescript', 'ts-node', 'tsx'],
    plugins: [httpViaRequire],
  }
}

/** oclif and other CommonJS dependencies call require() for builtins; an ESM bundle has no require. */
export const ESM_REQUIRE = "import {createRequire as __kubelineRequire} from 'node:module';const require=__kubelineRequire(import.meta.url);"

export const STARTUP_SOURCE = path.join(root, 'packages/core/src/startup.ts')

export async function bundlePlugin(packageDir) {
  const pkg = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'))
  const outdir = path.join(packageDir, BUNDLE_DIR)
  // Built beside, then swapped in, so that a plugin running meanwhile (another build's tests) never sees half a bundle.
  const staging = `${outdir}.${process.pid}`
  const oclifEntries = oclifModules(pkg.oclif).map(({target, source}) => ({in: source, out: path.posix.relative(BUNDLE_DIR, target).replace(/\.js$/, '')}))
  const result = await build({
    ...sharedBuildOptions(),
    absWorkingDir: packageDir,
    entryPoints: [{in: STARTUP_SOURCE, out: 'run'}, ...oclifEntries],
    outdir: staging,
    splitting: true,
    format: 'esm',
    chunkNames: 'chunks/[name]-[hash]',
    banner: {js: ESM_REQUIRE},
  })
  const previous = `${staging}.old`
  if (fs.existsSync(outdir)) fs.renameSync(outdir, previous)
  fs.renameSync(staging, outdir)
  fs.rmSync(previous, {recursive: true, force: true})
  return result
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await bundlePlugin(path.resolve(process.argv[2] ?? '.'))
  const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0)
  process.stdout.write(`bundled ${path.basename(path.resolve(process.argv[2] ?? '.'))}: ${Object.keys(result.metafile.outputs).length} files, ${(bytes / 1024).toFixed(0)} KiB\n`)
}
