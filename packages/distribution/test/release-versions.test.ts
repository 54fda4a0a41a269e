import fs from 'node:fs'
import path from 'node:path'
import {expect, test} from 'vitest'

// docs/versioning.md: one version for every published package, and a changelog entry for it.
const root = path.resolve(import.meta.dirname, '../../..')
interface PackageJson {
  name: string
  version: string
  private?: boolean
  dependencies?: Record<string, string>
}
const published = fs
  .readdirSync(path.join(root, 'packages'))
  .map((dir) => JSON.parse(fs.readFileSync(path.join(root, 'packages', dir, 'package.json'), 'utf8')) as PackageJson)
  .filter((pkg) => pkg.private !== true)
const version = published.find((pkg) => pkg.name === '@kubeline/core')?.version

test('the published packages are core, the four plugins and the meta package', () => {
  expect(published.map((pkg) => pkg.name).sort()).toEqual(['@kubeline/core', '@kubeline/plugin-cron', '@kubeline/plugin-netpol', '@kubeline/plugin-quota', '@kubeline/plugin-rollout', 'kubeline'])
})

test('they share one version', () => {
  expect(published.map((pkg) => [pkg.name, pkg.version])).toEqual(published.map((pkg) => [pkg.name, version]))
})

test('they depend on each other through workspace:^, which publishing turns into ^<version>', () => {
  const internal = published.flatMap((pkg) => Object.entries(pkg.dependencies ?? {}).filter(([name]) => name.startsWith('@kubeline/')))
  expect(internal.length).toBeGreaterThan(0)
  expect(internal.filter(([, range]) => range !== 'workspace:^')).toEqual([])
})

test('CHANGELOG.md has an Unreleased section and an entry for the current version', () => {
  const headings = fs.readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8').split('\n').filter((line) => line.startsWith('## '))
  expect(headings[0]).toBe('## [Unreleased]')
  expect(headings.some((heading) => heading.startsWith(`## [${version}]`))).toBe(true)
})
