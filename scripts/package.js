// `pnpm package`: standalone forms of each plugin, for people without the npm package.
//   dist-packages/node/kubectl-<name>        one CommonJS file with everything in it; runs on Node >= 22.20 anywhere
//   dist-packages/linux-x64/kubectl-<name>   a Node single executable application (SEA) for this machine's platform
// Each is archived (.tar.gz, and .zip for the portable file) into dist-packages/ with
// sha256sums.txt and manifest.json ({plugin, version, file, platform, os, arch, bin, sha256, bytes}),
// from which the krew manifests are generated. Run `npm run build` first (the root script does).
import {build} from 'esbuild'
import {createHash} from 'node:crypto'
import {execFileSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {ESM_REQUIRE, STARTUP_SOURCE, oclifModules, sharedBuildOptions} from './bundle.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const out = path.join(root, 'dist-packages')
const PLUGINS = ['plugin-quota', 'plugin-netpol', 'plugin-rollout', 'plugin-cron']
// The sentinel Node's SEA loader looks for (nodejs.org/api/single-executable-applications.html).
const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2'
const KREW_ARCH = {x64: 'amd64', arm64: 'arm64'}

/**
 * The entry of a standalone build: the package's oclif modules and package.json, compiled in.
 * The directory of the file (or of the SEA executable) stands in for the package root.
 */
function standaloneEntry(pkg, format) {
  const modules = oclifModules(pkg.oclif)
  const imports = modules.map(({source}, i) => `import * as module${i} from ${JSON.stringify(`./${source}`)}`)
  const table = modules.map(({target}, i) => `${JSON.stringify(target)}: module${i}`)
  const pjson = {name: pkg.name, version: pkg.version, type: pkg.type, oclif: pkg.oclif}
  const rootDir = format === 'esm' ? `path.dirname(fileURLToPath(import.meta.url))` : `path.dirname(process.execPath)`
  return [
    `import path from 'node:path'`,
    `import {fileURLToPath} from 'node:url'`,
    `import {startStandalone} from ${JSON.stringify(STARTUP_SOURCE)}`,
    ...imports,
    `startStandalone({root: ${rootDir}, pjson: ${JSON.stringify(pjson)}, modules: {${table.join(', ')}}})`,
  ].join('\n')
}

/**
 * ESM for the portable file: Node (>= 22.7) runs an extensionless ESM file whatever package.json
 * is above it. CommonJS for the SEA, whose main script cannot be ESM on Node 24.
 */
async function singleFile(packageDir, pkg, file, format) {
  await build({
    ...sharedBuildOptions(),
    legalComments: 'none',
    stdin: {contents: standaloneEntry(pkg, format), resolveDir: packageDir, sourcefile: 'standalone-entry.js', loader: 'js'},
    absWorkingDir: packageDir,
    outfile: file,
    format,
    banner: {js: format === 'esm' ? `#!/usr/bin/env node\n${ESM_REQUIRE}` : ''},
  })
  fs.chmodSync(file, 0o755)
}

/** Node >= 22 SEA: a copy of this node binary with the bundle injected (postject; `node --build-sea` is Node 25.5+). */
function seaExecutable(bundleFile, file, work) {
  const blob = path.join(work, 'sea.blob')
  const config = path.join(work, 'sea-config.json')
  fs.writeFileSync(config, JSON.stringify({main: bundleFile, output: blob, disableExperimentalSEAWarning: true, useCodeCache: true}))
  execFileSync(process.execPath, ['--experimental-sea-config', config], {stdio: 'inherit'})
  fs.copyFileSync(process.execPath, file)
  fs.chmodSync(file, 0o755)
  execFileSync(path.join(root, 'node_modules/.bin/postject'), [file, 'NODE_SEA_BLOB', blob, '--sentinel-fuse', SEA_FUSE], {stdio: 'pipe'}) // its warnings about ELF note sections are noise
}

/** Reproducible archives: sorted names, fixed times and owners, no gzip timestamp. */
function tarGz(archive, dir, name) {
  execFileSync('sh', ['-c', 'tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$1" -cf - "$2" | gzip -9n > "$3"', 'tar', dir, name, archive])
}

function zip(archive, dir, name) {
  try {
    execFileSync('zip', ['-X', '-q', '-j', archive, path.join(dir, name)])
    return true
  } catch {
    return false // no zip tool on this machine: the .tar.gz is enough
  }
}

function sha256(file) {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex')
}

fs.rmSync(out, {recursive: true, force: true})
fs.mkdirSync(out, {recursive: true})
const work = fs.mkdtempSync(path.join(out, '.work-'))
const entries = []
try {
  for (const plugin of PLUGINS) {
    const packageDir = path.join(root, 'packages', plugin)
    const pkg = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'))
    const bin = Object.keys(pkg.bin)[0]
    const portable = path.join(out, 'node')
    const native = path.join(out, `${process.platform}-${process.arch}`)
    fs.mkdirSync(portable, {recursive: true})
    fs.mkdirSync(native, {recursive: true})

    const bundleFile = path.join(portable, bin)
    await singleFile(packageDir, pkg, bundleFile, 'esm')
    const seaMain = path.join(work, `${bin}.cjs`)
    await singleFile(packageDir, pkg, seaMain, 'cjs')
    seaExecutable(seaMain, path.join(native, bin), work)

    const base = `${bin}-v${pkg.version}`
    const archives = [
      {file: `${base}-node.tar.gz`, make: (f) => tarGz(f, portable, bin), platform: 'node', os: 'any', arch: 'any'},
      {file: `${base}-node.zip`, make: (f) => zip(f, portable, bin), platform: 'node', os: 'any', arch: 'any'},
      {file: `${base}-${process.platform}-${KREW_ARCH[process.arch] ?? process.arch}.tar.gz`, make: (f) => tarGz(f, native, bin),
        platform: `${process.platform}-${KREW_ARCH[process.arch] ?? process.arch}`, os: process.platform, arch: KREW_ARCH[process.arch] ?? process.arch},
    ]
    for (const {file, make, ...target} of archives) {
      const archive = path.join(out, file)
      if (make(archive) === false) continue
      entries.push({plugin: pkg.name, version: pkg.version, file, ...target, bin, sha256: sha256(archive), bytes: fs.statSync(archive).size})
    }
    process.stdout.write(`packaged ${pkg.name}\n`)
  }
} finally {
  fs.rmSync(work, {recursive: true, force: true})
}
fs.writeFileSync(path.join(out, 'sha256sums.txt'), entries.map((e) => `${e.sha256}  ${e.file}\n`).join(''))
fs.writeFileSync(path.join(out, 'manifest.json'), JSON.stringify(entries, null, 2) + '\n')
for (const e of entries) process.stdout.write(`${e.file.padEnd(48)} ${(e.bytes / 1e6).toFixed(1).padStart(6)} MB  ${e.sha256}\n`)
