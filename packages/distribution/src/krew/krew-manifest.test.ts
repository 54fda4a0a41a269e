import {describe, expect, test} from 'vitest'
import {krewManifest, krewName, krewPlatformLabels} from './krew-manifest.js'
import type {PluginPackage, ReleaseArtifact, ReleaseSite} from './krew-manifest.js'
import {krewReviewProblems} from './krew-review-problems.js'

const cron: PluginPackage = {
  name: '@kubeline/plugin-cron',
  version: '1.2.3',
  description: 'kubectl cron-trigger: Run a CronJob now, wait for it, stream its logs',
  oclifBin: 'kubectl cron-trigger',
}
const site: ReleaseSite = {
  homepage: 'https://github.com/example/kubeline',
  downloadUrl: (file, version) => `https://github.com/example/kubeline/releases/download/v${version}/${file}`,
}
const sha = (digit: string) => digit.repeat(64)
const artifact = (file: string, platform: string, extra: Partial<ReleaseArtifact> = {}): ReleaseArtifact => ({plugin: '@kubeline/plugin-cron', version: '1.2.3', file, platform, sha256: sha('a'), ...extra})

test.each([
  ['linux-x64', {os: 'linux', arch: 'amd64'}],
  ['darwin-arm64', {os: 'darwin', arch: 'arm64'}],
  ['win32-x64', {os: 'windows', arch: 'amd64'}],
  ['linux/arm64', {os: 'linux', arch: 'arm64'}],
  ['linux_aarch64', {os: 'linux', arch: 'arm64'}],
  ['any', undefined],
  ['node', undefined],
  ['linux-riscv64', undefined],
])('krewPlatformLabels(%j)', (platform, labels) => {
  expect(krewPlatformLabels(platform)).toEqual(labels)
})

test('krewName is what follows kubectl', () => {
  expect(krewName('kubectl rollout-canary')).toBe('rollout-canary')
})

describe('krewManifest', () => {
  const artifacts = [
    artifact('kubectl-cron_trigger-1.2.3-linux-x64.tar.gz', 'linux-x64', {sha256: sha('1')}),
    artifact('kubectl-cron_trigger-1.2.3-win32-x64.zip', 'win32-x64', {sha256: sha('2')}),
    artifact('kubectl-cron_trigger-1.2.3.mjs', 'any'),
    artifact('kubectl-cron_trigger-1.2.3-any.tar.gz', 'any'),
    artifact('kubectl-quota_report-1.2.3-linux-x64.tar.gz', 'linux-x64', {plugin: '@kubeline/plugin-quota'}),
  ]
  const manifest = krewManifest(cron, artifacts, site)

  test('one platform per archive of the plugin that krew can place, with its sha256 and download URL', () => {
    expect(manifest.spec.platforms).toEqual([
      {
        selector: {matchLabels: {os: 'linux', arch: 'amd64'}},
        uri: 'https://github.com/example/kubeline/releases/download/v1.2.3/kubectl-cron_trigger-1.2.3-linux-x64.tar.gz',
        sha256: sha('1'),
        bin: 'kubectl-cron_trigger',
      },
      {
        selector: {matchLabels: {os: 'windows', arch: 'amd64'}},
        uri: 'https://github.com/example/kubeline/releases/download/v1.2.3/kubectl-cron_trigger-1.2.3-win32-x64.zip',
        sha256: sha('2'),
        bin: 'kubectl-cron_trigger.exe',
      },
    ])
  })

  test('name, v-version, texts; passes krew validation and the review rules', () => {
    expect(manifest.metadata.name).toBe('cron-trigger')
    expect(manifest.spec.version).toBe('v1.2.3')
    expect(manifest.spec.homepage).toBe(site.homepage)
    expect(manifest.spec.description).toBe('Run a CronJob now, wait for it, stream its logs')
    expect(manifest.spec.caveats).toContain("printf '#!/bin/sh\\nexec kubectl-cron_trigger __complete \"$@\"\\n' > ~/.krew/bin/kubectl_complete-cron_trigger")
    expect(krewReviewProblems('cron-trigger.yaml', manifest)).toEqual([])
  })

  test('the plugin may be named by package, krew name or binary in the artifact list', () => {
    const byName = (plugin: string) => krewManifest(cron, [artifact('a.tar.gz', 'linux-x64', {plugin})], site).spec.platforms.length
    expect(['@kubeline/plugin-cron', 'cron-trigger', 'kubectl-cron_trigger'].map(byName)).toEqual([1, 1, 1])
  })

  test.each([
    ['an archive of another version', [artifact('old.tar.gz', 'linux-x64', {version: '1.2.2'})], 'old.tar.gz is version 1.2.2, but @kubeline/plugin-cron is 1.2.3: run pnpm package again'],
    ['no archive krew can use', [artifact('x.mjs', 'linux-x64'), artifact('y.tar.gz', 'any')], 'no release archive of @kubeline/plugin-cron 1.2.3 for any os/arch in the artifact list'],
  ])('fails on %s', (_name, list, message) => {
    expect(() => krewManifest(cron, list, site)).toThrow(message)
  })

  test('a plugin without a short description fails', () => {
    expect(() => krewManifest({...cron, oclifBin: 'kubectl mystery'}, [artifact('a.tar.gz', 'linux-x64', {plugin: 'mystery'})], site)).toThrow('no krew short description for plugin "mystery"')
  })
})
