// Bundles one plugin package for start-up speed: `node ../../scripts/bundle.js` from the
// package directory (its build script runs it after tsc, before `oclif manifest`).
//
// Output, dist/bundle/:
// - start.cjs: what bin/run.js requires first (CommonJS): it turns on the compile cache and runs a
//   command line that has a direct run (direct.cjs, below); anything else goes on to run.js.
// - ESM with code splitting. run.js is a small chunk that prints stored help, answers completion, and
//   otherwise starts main.cjs. oclif.commands.target and
//   the hooks point at the command modules here (what `oclif manifest` reads, and what runs when
//   main.cjs is missing); each heavy dependency (client-node, listr2, ws) is a chunk of its own.
// - main.cjs: oclif and the plugin's command modules in one CommonJS file, which startup runs with a
//   V8 code cache made after a run (packages/core/src/code-cache.ts). The packages core imports with
//   import() stay out of it: each has an ES module entry under lazy/.
// See docs/performance.md.
import {build} from 'esbuild'
import fs from 'node:fs'
import {createRequire, isBuiltin} from 'node:module'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
// Built before any plugin (a dependency of each): the name main.cjs calls for import().
import {BUNDLE_IMPORT} from '../packages/core/dist/code-cache.js'

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
 * node:http, node:https and node:crypto through require(), not import: an ESM import of a builtin builds
 * a facade that reads every export, and node:http's lazy WebSocket getters then load Node's own undici
 * (~20 ms), node:crypto's lazy webcrypto getters its Web Crypto.
 */
const httpViaRequire = {
  name: 'http-via-require',
  setup(build) {
    build.onResolve({filter: /^(node:)?(https?|crypto)$/}, ({path: name, kind, namespace}) =>
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

export const BUNDLED_START_SOURCE = path.join(root, 'packages/core/src/bundled-start.ts')

const START_FRONT_SOURCE = path.join(root, 'packages/core/src/start-front.ts')

const RUN_DIRECT_SOURCE = path.join(root, 'packages/core/src/direct-run/run-direct.ts')

/** Imported with import() by startup, but every command imports it anyway: main.cjs holds it. */
const IN_MAIN = new Set(['@oclif/core'])

/** The name a package imported with import() gets under dist/bundle/lazy/. */
const lazyName = (specifier) => specifier.replace(/^@/, '').replaceAll('/', '-')

/**
 * In main.cjs, a package imported with import() (client-node, listr2, ws: loaded only when used) stays
 * out of the bundle: it is imported from its own ES module under dist/bundle/lazy/, through the
 * function startup gives the bundle (code-cache.ts: a script run by node:vm has no import()).
 */
function lazyImports(found) {
  return {
    name: 'lazy-imports',
    setup(build) {
      // Ours only: a dependency's own import() (oclif's of wsl-utils) is bundled in as usual.
      build.onResolve({filter: /^[@a-z]/}, ({path: specifier, kind, importer, resolveDir}) => {
        if (kind !== 'dynamic-import' || isBuiltin(specifier) || IN_MAIN.has(specifier) || importer.includes(`${path.sep}node_modules${path.sep}`)) return undefined
        found.set(specifier, resolveDir)
        return {path: `./lazy/${lazyName(specifier)}.js`, external: true}
      })
    },
  }
}

/** The ES module of each lazily imported package (by specifier, the directory it is imported from): its exports, the default one included. */
function lazyEntries(lazies) {
  return {
    name: 'lazy-entries',
    setup(build) {
      build.onResolve({filter: /^kubeline-lazy:/}, ({path: name}) => ({path: name.slice('kubeline-lazy:'.length), namespace: 'kubeline-lazy'}))
      build.onLoad({filter: /.*/, namespace: 'kubeline-lazy'}, ({path: specifier}) => ({
        contents: `export * from ${JSON.stringify(specifier)}; import * as all from ${JSON.stringify(specifier)}; export default all.default`,
        resolveDir: lazies.get(specifier),
        loader: 'js',
      }))
    },
  }
}

/**
 * dist/bundle/main.cjs: startup's second stage for a command run (packages/core/src/bundled-start.ts),
 * oclif and the plugin's oclif modules in one CommonJS file, which startup runs with a V8 code cache
 * made after a run (code-cache.ts). `import("./lazy/...")` becomes a call of the function startup passes.
 */
async function mainBundle(packageDir, pkg, lazies) {
  const modules = oclifModules(pkg.oclif)
  const entry = [
    `export {oclifUserFiles, runBundledPlugin} from ${JSON.stringify(BUNDLED_START_SOURCE)}`,
    ...modules.map(({source}, i) => `import * as module${i} from ${JSON.stringify(`./${source}`)}`),
    `export const modules = {${modules.map(({target}, i) => `${JSON.stringify(target)}: module${i}`).join(', ')}}`,
  ].join('\n')
  return await scriptBundle(packageDir, entry, 'main.cjs', lazies)
}

/** Where a plugin's commands that run without oclif are (packages/core/src/direct-run). */
const DIRECT_SOURCE = 'src/direct.ts'

/**
 * dist/bundle/direct.cjs, for a plugin with a src/direct.ts: its direct runs and core's runner, without
 * oclif (the build fails if oclif got in: then a direct run would cost what a run through oclif costs).
 */
async function directBundle(packageDir, lazies) {
  const entry = [`export {runDirect} from ${JSON.stringify(RUN_DIRECT_SOURCE)}`, `export {directRuns} from ${JSON.stringify(`./${DIRECT_SOURCE}`)}`].join('\n')
  const bundle = await scriptBundle(packageDir, entry, 'direct.cjs', lazies, [deferredPackages(DEFERRED_IN_DIRECT)])
  const oclif = bundle.inputs.find((input) => input.includes('@oclif/core') || input.includes('@oclif+core'))
  if (oclif) throw new Error(`direct.cjs must not contain oclif, but ${oclif} got in: find the import that brings it (a module of @kubeline/core that imports @oclif/core)`)
  return bundle
}

/**
 * dist/bundle/start.cjs, what bin/run.js requires first (packages/core/src/start-front.ts): CommonJS, so
 * that a direct run starts without an ES module graph; nothing of oclif or yaml in it (the build fails).
 */
async function frontBundle(packageDir) {
  const bundle = await scriptBundle(packageDir, `export {startFront} from ${JSON.stringify(START_FRONT_SOURCE)}`, 'start.cjs', new Map())
  const heavy = bundle.inputs.find((input) => /node_modules/.test(input))
  if (heavy) throw new Error(`start.cjs must hold only core's start, but ${heavy} got in`)
  return bundle.text
}

/** Packages direct.cjs evaluates on first use: yaml serves only -o yaml, -f and a kubeconfig kubectl did not write. */
const DEFERRED_IN_DIRECT = ['yaml']

/**
 * Each of `packages` evaluated on first use rather than as the bundle loads: our imports of it get an
 * object whose getters require the package the first time one is read (esbuild reads an import at each
 * use). Its code stays in the bundle, but a run that never uses it neither evaluates nor compiles it,
 * so it is not in the code cache either. CommonJS bundles only (esbuild wraps each CommonJS module in a
 * function that runs at its first require).
 */
export function deferredPackages(packages) {
  return {
    name: 'deferred-packages',
    setup(build) {
      build.onResolve({filter: /^[@a-z]/}, ({path: specifier, kind, importer, resolveDir}) =>
        packages.includes(specifier) && kind === 'import-statement' && !importer.includes(`${path.sep}node_modules${path.sep}`)
          ? {path: specifier, namespace: 'kubeline-deferred', pluginData: {resolveDir}}
          : undefined)
      build.onLoad({filter: /.*/, namespace: 'kubeline-deferred'}, ({path: specifier, pluginData: {resolveDir}}) => {
        const names = Object.keys(createRequire(path.join(resolveDir, 'index.js'))(specifier))
        const contents = [
          'let loaded',
          `for (const name of ${JSON.stringify(names)}) {`,
          `  Object.defineProperty(exports, name, {enumerable: true, get: () => (loaded ??= require(${JSON.stringify(specifier)}))[name]})`,
          '}',
        ].join('\n')
        return {contents, resolveDir, loader: 'js'}
      })
    },
  }
}

/**
 * A CommonJS bundle that startup runs with a V8 code cache (code-cache.ts), in ASCII only; each package
 * imported with import() stays out of it (`lazies`) and is imported through the function startup passes.
 */
async function scriptBundle(packageDir, entry, name, lazies, plugins = []) {
  const options = sharedBuildOptions()
  const result = await build({
    ...options,
    legalComments: 'eof',
    stdin: {contents: entry, resolveDir: packageDir, sourcefile: name.replace(/\.cjs$/, '-entry.js'), loader: 'js'},
    absWorkingDir: packageDir,
    format: 'cjs',
    write: false,
    outfile: name,
    plugins: [...options.plugins, ...plugins, lazyImports(lazies)],
  })
  const text = result.outputFiles[0].text.replaceAll(/\bimport\((["'])\.\/lazy\//g, `${BUNDLE_IMPORT}($1./lazy/`)
  if (/\bimport\(\s*["']/.test(text)) throw new Error(`${name} has an import() of a literal left: a script run by node:vm cannot import`)
  // The files with code in the bundle (the metafile's inputs also list what tree shaking dropped).
  const inputs = Object.entries(Object.values(result.metafile.outputs)[0].inputs).flatMap(([file, {bytesInOutput}]) => (bytesInOutput > 0 ? [file] : []))
  return {text: asciiOnly(text), inputs}
}

/**
 * What a plugin's single executable application carries (scripts/package.js): main.cjs and direct.cjs (if
 * the plugin has direct runs) as for the npm package, and each package it imports with import() as a CommonJS bundle of its own, by the specifier
 * main.cjs gives `__kubelineImport` (`./lazy/kubernetes-client-node.js`), ASCII only; and every file
 * esbuild put into them, for the licences.
 */
export async function seaBundles(packageDir) {
  const pkg = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'))
  const lazies = new Map()
  const main = await mainBundle(packageDir, pkg, lazies)
  const direct = fs.existsSync(path.join(packageDir, DIRECT_SOURCE)) ? await directBundle(packageDir, lazies) : undefined
  const options = sharedBuildOptions()
  // Sorted: esbuild resolves in parallel, and the SEA blob lists the assets in this order.
  const built = await Promise.all([...lazies.keys()].sort().map(async (specifier) => {
    const result = await build({
      ...options,
      legalComments: 'eof',
      stdin: {contents: `export * from 'kubeline-lazy:${specifier}'; export {default} from 'kubeline-lazy:${specifier}'`, resolveDir: packageDir, loader: 'js'},
      absWorkingDir: packageDir,
      format: 'cjs',
      write: false,
      outfile: 'lazy.cjs',
      plugins: [...options.plugins, lazyEntries(lazies)],
      logOverride: {'import-is-undefined': 'silent'},
    })
    return {specifier: `./lazy/${lazyName(specifier)}.js`, text: asciiOnly(result.outputFiles[0].text), inputs: Object.keys(result.metafile.inputs)}
  }))
  return {
    main: main.text,
    direct: direct?.text,
    lazies: built.map(({specifier, text}) => ({specifier, text})),
    inputs: [...main.inputs, ...(direct?.inputs ?? []), ...built.flatMap(({inputs}) => inputs)],
  }
}

/**
 * The bundle in ASCII only: Node decodes it faster and V8 keeps it as a one-byte string (esbuild leaves
 * non-ASCII characters in regular expressions as they are, e.g. ansis's U+009B). `\uXXXX` stands for the
 * same UTF-16 code unit in a string, the cooked text of a template, a regular expression and an
 * identifier. After a backslash it would not (`\é` is an identity escape): refused rather than changed.
 */
export function asciiOnly(text) {
  // Every UTF-16 code unit above 0x7f (no `u` flag: a character outside the BMP is two units, each escaped).
  return text.replace(/\\?[\u0080-\uffff]/g, (match) => {
    if (match.startsWith('\\')) throw new Error(`a bundle has an escaped non-ASCII character (${JSON.stringify(match)}) that cannot be rewritten as \\u`)
    return `\\u${match.charCodeAt(0).toString(16).padStart(4, '0')}`
  })
}

export async function bundlePlugin(packageDir) {
  const pkg = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'))
  const outdir = path.join(packageDir, BUNDLE_DIR)
  // Built beside, then swapped in, so that a plugin running meanwhile (another build's tests) never sees half a bundle.
  const staging = `${outdir}.${process.pid}`
  const lazies = new Map()
  const {text: main} = await mainBundle(packageDir, pkg, lazies)
  const direct = fs.existsSync(path.join(packageDir, DIRECT_SOURCE)) ? await directBundle(packageDir, lazies) : undefined
  const oclifEntries = oclifModules(pkg.oclif).map(({target, source}) => ({in: source, out: path.posix.relative(BUNDLE_DIR, target).replace(/\.js$/, '')}))
  const lazyModules = [...lazies.keys()].map((specifier) => ({in: `kubeline-lazy:${specifier}`, out: `lazy/${lazyName(specifier)}`}))
  const options = sharedBuildOptions()
  const result = await build({
    ...options,
    absWorkingDir: packageDir,
    entryPoints: [{in: STARTUP_SOURCE, out: 'run'}, ...oclifEntries, ...lazyModules],
    outdir: staging,
    splitting: true,
    format: 'esm',
    chunkNames: 'chunks/[name]-[hash]',
    banner: {js: ESM_REQUIRE},
    plugins: [...options.plugins, lazyEntries(lazies)],
    // `all.default` of a package that has no default export is undefined, as import() would give.
    logOverride: {'import-is-undefined': 'silent'},
  })
  fs.writeFileSync(path.join(staging, 'main.cjs'), main)
  fs.writeFileSync(path.join(staging, 'start.cjs'), await frontBundle(packageDir))
  if (direct) fs.writeFileSync(path.join(staging, 'direct.cjs'), direct.text)
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
