import fs from 'node:fs'
import path from 'node:path'

/** A licence or notice file of a package, as it is in the package. */
export interface LicenseFile {
  name: string
  text: string
}

/** An npm package whose code is in a bundle. */
export interface BundledPackage {
  name: string
  version: string
  /** The SPDX expression of its package.json (`UNKNOWN` when it declares none). */
  license: string
  /** Its LICENSE, LICENCE, COPYING and NOTICE files (any case, any extension), sorted by name; none for some packages. */
  licenseFiles: LicenseFile[]
  /** package.json's author, for a package without a licence file (the copyright holder, then). */
  author?: string
}

interface PackageJson {
  name?: string
  version?: string
  license?: string | {type?: string}
  licenses?: {type?: string}[]
  author?: string | {name?: string}
}

/** `.../node_modules/@scope/name/dist/x.js` -> `.../node_modules/@scope/name`: the package a bundled file is part of. */
const PACKAGE_DIR = /^((?:.*\/)?node_modules\/(?:@[^/]+\/)?[^/]+)\//

/** LICENSE, LICENCE.md, LICENSE-MIT.txt, COPYING, NOTICE, ... but not a module such as license-checker.js. */
const LICENSE_FILE = /^(?:licen[cs]e|copying|notice)(?:[-_.][\w.-]*)?$/i
const CODE_FILE = /\.(?:[cm]?[jt]sx?|json|map)$/i

/**
 * The npm packages whose files esbuild put into a bundle, from its metafile's `inputs` (paths relative to
 * `workingDir`), by name and version, sorted so that the notices are the same on every build. Files
 * outside node_modules (our workspace packages, esbuild's virtual modules) are ours and not listed.
 */
export function bundledPackages(inputs: Iterable<string>, workingDir: string): BundledPackage[] {
  const dirs = new Set<string>()
  for (const input of inputs) {
    const match = PACKAGE_DIR.exec(input)
    if (match) dirs.add(path.resolve(workingDir, match[1]!))
  }
  const packages = new Map<string, BundledPackage>()
  for (const dir of [...dirs].sort()) {
    const found = readPackage(dir)
    packages.set(`${found.name}@${found.version}`, packages.get(`${found.name}@${found.version}`) ?? found)
  }
  return [...packages.values()].sort(byNameThenVersion)
}

function readPackage(dir: string): BundledPackage {
  const pjson = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as PackageJson
  if (pjson.name === undefined || pjson.version === undefined) throw new Error(`${dir}/package.json has no name or version`)
  const licenseFiles = fs.readdirSync(dir, {withFileTypes: true})
    .filter((entry) => entry.isFile() && LICENSE_FILE.test(entry.name) && !CODE_FILE.test(entry.name))
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({name, text: fs.readFileSync(path.join(dir, name), 'utf8')}))
  const author = typeof pjson.author === 'string' ? pjson.author : pjson.author?.name
  return {name: pjson.name, version: pjson.version, license: declaredLicense(pjson), licenseFiles, ...(author ? {author} : {})}
}

/** `license` as SPDX, or the deprecated `{type}` and `licenses: [{type}]` forms (several: the user's choice). */
function declaredLicense({license, licenses}: PackageJson): string {
  if (typeof license === 'string') return license
  if (license?.type) return license.type
  const types = (licenses ?? []).map(({type}) => type).filter((type) => type !== undefined)
  if (types.length === 0) return 'UNKNOWN'
  return types.length === 1 ? types[0]! : `(${types.join(' OR ')})`
}

/** Names in code unit order, versions in numeric order (9.0.1 before 10.0.1). */
function byNameThenVersion(a: BundledPackage, b: BundledPackage): number {
  if (a.name !== b.name) return a.name < b.name ? -1 : 1
  return a.version.localeCompare(b.version, 'en', {numeric: true})
}
