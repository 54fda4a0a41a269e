// fs.promises rather than node:fs/promises: Node loads it at the first use, and most runs read no manifest (2 ms of start-up).
import fs from 'node:fs'
import type {Stats} from 'node:fs'
import {extname, join} from 'node:path'
import {UsageError} from '../errors/kubeline-error.js'
import {decodeUtf8} from './decode-utf8.js'
import {throwInvalidManifest} from './invalid-manifest.js'
import {STDIN_FILE} from './manifest-source.js'
import type {SourcedObject} from './manifest-source.js'
import {parseManifests} from './parse-manifests.js'
import type {ParseManifestsOptions} from './parse-manifests.js'

export interface ReadManifestsOptions extends ParseManifestsOptions {
  /** Read for the path `-`; defaults to `process.stdin`. */
  stdin?: NodeJS.ReadableStream
  /** Cap on the bytes read over all inputs together; defaults to 64 MiB. */
  maxBytes?: number
}

export const DEFAULT_MAX_MANIFEST_BYTES = 64 * 1024 * 1024

const MANIFEST_EXTENSIONS = new Set(['.yaml', '.yml', '.json'])

const EMPTY_INPUT_FIX =
  'Pass at least one manifest with apiVersion and kind; with -f - pipe it in, e.g. `kustomize build overlays/prod | … -f -`.'

/**
 * Reads `-f` inputs as kubectl does: files, directories (recursively: `.yaml`,
 * `.yml` and `.json` files in name order, hidden files and directories
 * skipped) and `-` for stdin (once). Finding no object at all is an error, as
 * `kubectl apply` says "no objects passed to apply".
 */
export async function readManifests(paths: string[], options: ReadManifestsOptions = {}): Promise<SourcedObject[]> {
  if (paths.length === 0) throw new UsageError('INVALID_MANIFEST', 'no manifests given', {fix: 'Pass -f <file|directory|->.'})
  if (paths.filter((path) => path === '-').length > 1) {
    throw new UsageError('INVALID_MANIFEST', 'stdin ("-") can be read only once; pass -f - a single time')
  }
  const budget = byteBudget(options.maxBytes ?? DEFAULT_MAX_MANIFEST_BYTES)
  const objects: SourcedObject[] = []
  for (const path of paths) {
    if (path === '-') {
      const bytes = await readStream(options.stdin ?? process.stdin, budget)
      objects.push(...parseManifests(decodeUtf8(bytes, STDIN_FILE), STDIN_FILE, options))
      continue
    }
    for (const file of await manifestFiles(path)) {
      objects.push(...parseManifests(decodeUtf8(await readFileWithin(file, budget), file), file, options))
    }
  }
  if (objects.length === 0) {
    const inputs = paths.map((path) => (path === '-' ? STDIN_FILE : path)).join(', ')
    throwInvalidManifest(inputs, 'no objects found: the input is empty or holds only empty documents', EMPTY_INPUT_FIX)
  }
  return objects
}

/** Counts bytes over all inputs; throws once the cap is crossed so a huge input is not read to the end. */
function byteBudget(maxBytes: number): (file: string, bytes: number) => void {
  let used = 0
  return (file, bytes) => {
    used += bytes
    if (used > maxBytes) {
      throwInvalidManifest(file, `manifests larger than the ${formatBytes(maxBytes)} limit`, 'Split the input into smaller files.')
    }
  }
}

async function manifestFiles(path: string): Promise<string[]> {
  const stats = await statPath(path)
  if (!stats.isDirectory()) return [path]
  const files = await directoryManifestFiles(path, new Set())
  if (files.length === 0) throwInvalidManifest(path, 'no .yaml, .yml or .json files in this directory')
  return files
}

async function directoryManifestFiles(directory: string, visited: Set<string>): Promise<string[]> {
  const real = await fs.promises.realpath(directory)
  if (visited.has(real)) return [] // a symlink loop
  visited.add(real)
  const names = (await fs.promises.readdir(directory)).filter((name) => !name.startsWith('.')).sort()
  const files: string[] = []
  for (const name of names) {
    const entry = join(directory, name)
    const stats = await fs.promises.stat(entry).catch(() => undefined) // a dangling symlink is not a manifest
    if (stats?.isDirectory()) files.push(...(await directoryManifestFiles(entry, visited)))
    else if (stats?.isFile() && MANIFEST_EXTENSIONS.has(extname(name).toLowerCase())) files.push(entry)
  }
  return files
}

async function readFileWithin(file: string, charge: (file: string, bytes: number) => void): Promise<Uint8Array> {
  const {size} = await statPath(file)
  charge(file, size)
  const bytes = await fs.promises.readFile(file).catch((error: unknown) => throwReadError(file, error))
  charge(file, bytes.length - size) // FIFOs such as `-f <(kustomize build)` report size 0
  return bytes
}

async function readStream(stream: NodeJS.ReadableStream, charge: (file: string, bytes: number) => void): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk
    charge(STDIN_FILE, bytes.length)
    chunks.push(bytes)
  }
  return Buffer.concat(chunks)
}

async function statPath(path: string): Promise<Stats> {
  return fs.promises.stat(path).catch((error: unknown) => throwReadError(path, error))
}

function throwReadError(path: string, error: unknown): never {
  const code = (error as NodeJS.ErrnoException).code
  if ((code === 'ENOENT' || code === 'ENOTDIR') && /^https?:\/\//.test(path)) {
    throw new UsageError('INVALID_MANIFEST', `-f "${path}": URLs are not read, only files, directories and - (stdin)`, {fix: `Download it first and pass the file, or pipe it in: curl -fsSL '${path}' | <this command> -f -`})
  }
  if (code === 'ENOENT' || code === 'ENOTDIR') throw new UsageError('INVALID_MANIFEST', `the path "${path}" does not exist`)
  if (code === 'EACCES' || code === 'EPERM') throwInvalidManifest(path, 'permission denied')
  throwInvalidManifest(path, `cannot read: ${error instanceof Error ? error.message : String(error)}`)
}

function formatBytes(bytes: number): string {
  const mebibytes = bytes / (1024 * 1024)
  return Number.isInteger(mebibytes) ? `${mebibytes} MiB` : `${bytes} bytes`
}
