import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, test} from 'vitest'
import {parse} from 'yaml'
import type {KrewPlugin} from './krew-plugin.js'
import {krewReviewProblems} from './krew-review-problems.js'
import {writeKrewManifests} from './write-krew-manifests.js'

// The real plugin packages of this repository, with a made-up artifact list
// shaped like the one `pnpm package` writes.
const root = path.resolve(import.meta.dirname, '../../../..')
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kubeline-krew-'))
const PLUGINS = ['plugin-cron', 'plugin-netpol', 'plugin-quota', 'plugin-rollout']
const packageJson = (dir: string) => JSON.parse(fs.readFileSync(path.join(root, 'packages', dir, 'package.json'), 'utf8')) as {name: string; version: string}

function writeArtifactList(content: unknown): string {
  const file = path.join(fs.mkdtempSync(path.join(tmp, 'list-')), 'manifest.json')
  fs.writeFileSync(file, JSON.stringify(content))
  return file
}

const artifactList = writeArtifactList(
  PLUGINS.flatMap((dir) => {
    const {name, version} = packageJson(dir)
    return ['linux-x64', 'darwin-arm64', 'win32-x64'].map((platform, index) => ({
      plugin: name,
      version,
      file: `${dir}-${version}-${platform}.${platform.startsWith('win') ? 'zip' : 'tar.gz'}`,
      platform,
      sha256: String(index).repeat(64),
    }))
  }),
)
const site = {homepage: 'https://github.com/example/kubeline', releaseUrl: 'https://github.com/example/kubeline/releases/download/v{version}/{file}'}

describe('writeKrewManifests', () => {
  test('one valid <name>.yaml per plugin, named as kubectl users type it', async () => {
    const outDir = path.join(tmp, 'krew')
    const files = await writeKrewManifests({root, outDir, artifactList, ...site})
    expect(files.map((file) => path.basename(file)).sort()).toEqual(['cron-trigger.yaml', 'netpol-test.yaml', 'quota-report.yaml', 'rollout-canary.yaml'])
    for (const file of files) {
      const manifest = parse(fs.readFileSync(file, 'utf8')) as KrewPlugin
      expect(krewReviewProblems(path.basename(file), manifest)).toEqual([])
      expect(manifest.spec.platforms.map((platform) => platform.selector?.matchLabels)).toEqual([
        {os: 'linux', arch: 'amd64'},
        {os: 'darwin', arch: 'arm64'},
        {os: 'windows', arch: 'amd64'},
      ])
    }
    const cron = parse(fs.readFileSync(path.join(outDir, 'cron-trigger.yaml'), 'utf8')) as KrewPlugin
    const {version} = packageJson('plugin-cron')
    expect(cron.spec.version).toBe(`v${version}`)
    expect(cron.spec.platforms[0]?.uri).toBe(`https://github.com/example/kubeline/releases/download/v${version}/plugin-cron-${version}-linux-x64.tar.gz`)
  })

  test.each([
    ['a missing artifact list', path.join(tmp, 'none.json'), `${path.join(tmp, 'none.json')} not found: run \`pnpm package\` first`],
    ['an artifact list of the wrong shape', writeArtifactList([{plugin: 'x'}]), 'expected a list of {plugin, version, file, platform, sha256}'],
  ])('fails clearly on %s', async (_name, list, message) => {
    await expect(writeKrewManifests({root, outDir: path.join(tmp, 'unused'), artifactList: list, ...site})).rejects.toThrow(message)
  })

  test('without a repository in package.json nor options, says what to set', async () => {
    const bare = fs.mkdtempSync(path.join(tmp, 'root-'))
    fs.writeFileSync(path.join(bare, 'package.json'), '{"name": "x"}')
    await expect(writeKrewManifests({root: bare, artifactList})).rejects.toThrow('no release location: set "repository" in the root package.json, or pass --homepage and --release-url')
  })

  test('the repository URL gives the homepage and the GitHub release downloads', async () => {
    const repo = fs.mkdtempSync(path.join(tmp, 'root-'))
    for (const dir of PLUGINS) {
      fs.mkdirSync(path.join(repo, 'packages', dir), {recursive: true})
      fs.copyFileSync(path.join(root, 'packages', dir, 'package.json'), path.join(repo, 'packages', dir, 'package.json'))
    }
    fs.writeFileSync(path.join(repo, 'package.json'), JSON.stringify({repository: {type: 'git', url: 'git+https://github.com/acme/kubeline.git'}}))
    const [file] = await writeKrewManifests({root: repo, artifactList})
    const manifest = parse(fs.readFileSync(file ?? '', 'utf8')) as KrewPlugin
    expect(manifest.spec.homepage).toBe('https://github.com/acme/kubeline')
    expect(manifest.spec.platforms[0]?.uri).toMatch(/^https:\/\/github\.com\/acme\/kubeline\/releases\/download\/v[\d.]+\/plugin-cron-[\d.]+-linux-x64\.tar\.gz$/)
    expect(path.dirname(file ?? '')).toBe(path.join(repo, 'krew'))
  })
})
