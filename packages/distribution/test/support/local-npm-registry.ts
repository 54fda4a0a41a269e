import {execFileSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import type {AddressInfo} from 'node:net'
import path from 'node:path'

export interface LocalNpmRegistry {
  /** For `--@kubeline:registry=<url>`. */
  url: string
  close: () => Promise<void>
}

/**
 * The npm registry protocol for a few packed tarballs (GET /<name> -> packument,
 * GET /tarballs/<file> -> the tarball), so that `npm install -g` resolves our
 * unpublished @kubeline/* dependencies as it would from the real registry.
 */
export async function startLocalNpmRegistry(tarballs: readonly string[]): Promise<LocalNpmRegistry> {
  const packuments = new Map<string, object>()
  const server = http.createServer((request, response) => {
    const name = decodeURIComponent((request.url ?? '/').slice(1))
    const tarball = tarballs.find((file) => name === `tarballs/${path.basename(file)}`)
    const body = tarball ? fs.readFileSync(tarball) : packuments.get(name)
    if (body === undefined) response.writeHead(404).end('{}')
    else response.writeHead(200, {'content-type': tarball ? 'application/octet-stream' : 'application/json'}).end(tarball ? body : JSON.stringify(body))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
  for (const file of tarballs) {
    const manifest = JSON.parse(execFileSync('tar', ['-xzOf', file, 'package/package.json'], {encoding: 'utf8'})) as {name: string; version: string}
    const bytes = fs.readFileSync(file)
    const dist = {
      tarball: `${url}tarballs/${path.basename(file)}`,
      shasum: createHash('sha1').update(bytes).digest('hex'),
      integrity: `sha512-${createHash('sha512').update(bytes).digest('base64')}`,
    }
    packuments.set(manifest.name, {name: manifest.name, 'dist-tags': {latest: manifest.version}, versions: {[manifest.version]: {...manifest, dist}}})
  }
  return {url, close: () => new Promise((resolve) => server.close(() => resolve()))}
}
