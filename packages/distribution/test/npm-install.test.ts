import {execFile} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {promisify} from 'node:util'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {startLocalNpmRegistry} from './support/local-npm-registry.js'
import type {LocalNpmRegistry} from './support/local-npm-registry.js'

// `npm install -g` of the packed packages, as a user would from the registry:
// `pnpm pack` rewrites workspace:^ to versions, a local registry serves our
// unpublished @kubeline/* packages, everything else comes from the npm registry.
const run = promisify(execFile)
const packagesDir = path.resolve(import.meta.dirname, '../..')
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kubeline-npm-'))
const PLUGINS = [
  {dir: 'plugin-quota', file: 'quota_report', kubectlName: 'quota-report'},
  {dir: 'plugin-netpol', file: 'netpol_test', kubectlName: 'netpol-test'},
  {dir: 'plugin-rollout', file: 'rollout_canary', kubectlName: 'rollout-canary'},
  {dir: 'plugin-cron', file: 'cron_trigger', kubectlName: 'cron-trigger'},
]
const pnpm = path.resolve(packagesDir, '../node_modules/.bin/pnpm')
/** Our Node (the machine's default may be too old), kubectl and the system; no other kubectl plugins. */
const basePath = [path.dirname(process.execPath), '/usr/bin', '/bin'].join(path.delimiter)

let registry: LocalNpmRegistry
const tarballs = new Map<string, string>()

async function pnpmPack(dir: string): Promise<string> {
  const {stdout} = await run(pnpm, ['pack', '--pack-destination', tmp], {cwd: path.join(packagesDir, dir)})
  return path.resolve(path.join(packagesDir, dir), stdout.trim().split('\n').at(-1) ?? '')
}

/** npm install -g into its own prefix; returns the prefix's bin directory. */
async function installGlobally(tarball: string): Promise<string> {
  const prefix = fs.mkdtempSync(path.join(tmp, 'prefix-'))
  await run('npm', ['install', '--global', '--prefix', prefix, `--@kubeline:registry=${registry.url}`, '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', tarball], {
    env: {...process.env, npm_config_update_notifier: 'false'},
  })
  return path.join(prefix, 'bin')
}

/** TMPDIR: the code caches of the installed (temporary) bundles are kept in tmp and removed with it, not in the user's. */
function withPath(binDir: string) {
  return {env: {...process.env, PATH: `${binDir}${path.delimiter}${basePath}`, KUBECONFIG: path.join(tmp, 'no-kubeconfig'), TMPDIR: tmp}}
}

beforeAll(async () => {
  for (const dir of ['core', ...PLUGINS.map((plugin) => plugin.dir), 'kubeline']) tarballs.set(dir, await pnpmPack(dir))
  registry = await startLocalNpmRegistry([...tarballs.values()])
}, 600_000)
afterAll(async () => {
  await registry?.close()
  fs.rmSync(tmp, {recursive: true, force: true})
})

const read = async (tarball: string, file: string) => (await run('tar', ['-xzOf', tarball, `package/${file}`])).stdout
/** The tarball's file names, without npm's `package/` prefix. */
const list = async (tarball: string) => (await run('tar', ['-tzf', tarball])).stdout.trim().split('\n').map((file) => file.replace(/^package\//, ''))
const PUBLISHED = ['core', ...PLUGINS.map((plugin) => plugin.dir), 'kubeline']

describe('packed tarballs', () => {
  test.each(PUBLISHED)('%s: workspace dependencies rewritten, nothing but what runs', async (dir) => {
    const tarball = tarballs.get(dir) ?? ''
    const manifest = JSON.parse(await read(tarball, 'package.json')) as {dependencies: Record<string, string>}
    expect(Object.values(manifest.dependencies).filter((range) => range.startsWith('workspace:'))).toEqual([])
    const files = await list(tarball)
    const topLevel = new Set(files.map((file) => file.split('/')[0]))
    expect([...topLevel].filter((entry) => !['bin', 'dist', 'oclif.manifest.json', 'package.json', 'README.md', 'LICENSE'].includes(entry ?? ''))).toEqual([])
    expect(files.filter((file) => /\.test\.|\/src\/|tsbuildinfo|test-support|\.map$/.test(file))).toEqual([])
  })

  test.each(PUBLISHED)('%s: ships the repository\'s LICENSE, copied in for packing only', async (dir) => {
    expect(await read(tarballs.get(dir) ?? '', 'LICENSE')).toBe(fs.readFileSync(path.join(packagesDir, '../LICENSE'), 'utf8'))
    expect(fs.existsSync(path.join(packagesDir, dir, 'LICENSE'))).toBe(false)
  })

  // tsc's commands/, services/ and render/ are bundled into dist/bundle; only the library entry (exports ".") needs them unbundled, and it is domain only.
  test.each(PLUGINS)('$dir: dist holds the bundle, the help cache and the library entry, nothing else', async ({dir}) => {
    const distEntries = new Set((await list(tarballs.get(dir) ?? '')).filter((file) => file.startsWith('dist/')).map((file) => file.split('/')[1]))
    expect([...distEntries].sort()).toEqual(['bundle', 'domain', 'help.json', 'index.d.ts', 'index.js'])
  })

  test.each(PLUGINS)('$dir: bin maps kubectl-$file and kubectl_complete-$file to files it ships', async ({dir, file}) => {
    const tarball = tarballs.get(dir) ?? ''
    const {bin} = JSON.parse(await read(tarball, 'package.json')) as {bin: Record<string, string>}
    expect(Object.keys(bin).sort()).toEqual([`kubectl-${file}`, `kubectl_complete-${file}`])
    for (const target of Object.values(bin)) expect(await read(tarball, path.posix.normalize(target))).toMatch(/^#!\/usr\/bin\/env node\n/)
  })
})

// One plugin alone (each plugin's bins are checked above), then all four through the meta package.
describe('npm install -g @kubeline/plugin-cron', () => {
  let bin: string
  beforeAll(async () => {
    bin = await installGlobally(tarballs.get('plugin-cron') ?? '')
  }, 600_000)

  test('puts kubectl-cron_trigger and kubectl_complete-cron_trigger on PATH, and no other file', () => {
    expect(fs.readdirSync(bin).sort()).toEqual(['kubectl-cron_trigger', 'kubectl_complete-cron_trigger'])
  })

  test('kubectl plugin list shows it; kubectl cron-trigger --version runs it', async () => {
    const {stdout} = await run('kubectl', ['plugin', 'list'], withPath(bin))
    expect(stdout).toContain(path.join(bin, 'kubectl-cron_trigger'))
    const {stdout: version} = await run('kubectl', ['cron-trigger', '--version'], withPath(bin))
    expect(version).toMatch(/^@kubeline\/plugin-cron\/\d+\.\d+\.\d+ /)
  })

  test('the library entry (exports ".") imports and runs from the installed package', async () => {
    const entry = path.join(bin, '../lib/node_modules/@kubeline/plugin-cron/dist/index.js')
    const script = `const {nextRuns} = await import(${JSON.stringify(entry)}); console.log(nextRuns('0 9 * * 1', {from: new Date('2026-01-01T00:00:00Z'), count: 1, timeZone: 'UTC'})[0].toISOString())`
    const {stdout} = await run(process.execPath, ['--input-type=module', '-e', script])
    expect(stdout).toBe('2026-01-05T09:00:00.000Z\n')
  })

  test('kubectl_complete-cron_trigger answers kubectl\'s TAB request; kubectl relays it', async () => {
    const {stdout} = await run('kubectl_complete-cron_trigger', ['va'], withPath(bin))
    expect(stdout).toMatch(/^validate\t.*\n:4\n$/)
    const {stdout: relayed} = await run('kubectl', ['__complete', 'cron-trigger', 'now', '-o', 'y'], withPath(bin))
    expect(relayed).toBe('yaml\n:4\n')
  })
})

describe('npm install -g kubeline (the meta package)', () => {
  let bin: string
  beforeAll(async () => {
    bin = await installGlobally(tarballs.get('kubeline') ?? '')
  }, 600_000)

  test('puts all four plugins and their completers on PATH; kubectl lists the plugins', async () => {
    expect(fs.readdirSync(bin).sort()).toEqual(PLUGINS.flatMap(({file}) => [`kubectl-${file}`, `kubectl_complete-${file}`]).sort())
    const {stdout} = await run('kubectl', ['plugin', 'list', '--name-only'], withPath(bin))
    expect(stdout.trim().split('\n').filter((line) => line.startsWith('kubectl-')).sort()).toEqual(PLUGINS.map(({file}) => `kubectl-${file}`).sort())
  })

  test.each(PLUGINS)('kubectl $kubectlName --version and kubectl_complete-$file run', async ({dir, file, kubectlName}) => {
    const {stdout} = await run('kubectl', [kubectlName, '--version'], withPath(bin))
    expect(stdout).toMatch(new RegExp(`^@kubeline/${dir}/`))
    const {stdout: completion} = await run(`kubectl_complete-${file}`, ['--kubecon'], withPath(bin))
    expect(completion).toMatch(/^--kubeconfig\t.*\n:4\n$/)
  })
})
