import {readFileSync} from 'node:fs'
import {directInvocation, eachDirectFlag, oclifParsedFlags} from '@kubeline/core'
import type {DirectRunConfig, FlagManifest} from '@kubeline/core'
import {describe, expect, test} from 'vitest'
import List from './commands/list.js'
import {directRuns} from './direct.js'

const readJson = (file: string): unknown => JSON.parse(readFileSync(new URL(`../${file}`, import.meta.url), 'utf8'))
const config = (readJson('package.json') as {kubeline: {directRun: DirectRunConfig}}).kubeline.directRun
const manifest = readJson('oclif.manifest.json') as FlagManifest

describe('cron-trigger commands run directly (without oclif)', () => {
  test('package.json names the direct runs src/direct.ts has', () => {
    expect(Object.keys(directRuns).sort()).toEqual(Object.keys(config).sort())
  })

  test.each([
    ['-n', 'payments', '-o', 'json'],
    ['-A', '-l', 'tier=batch', '--no-headers', '-o', 'wide'],
    ['--controller-time-zone', 'Europe/Berlin', '--context=prod', '-o', 'name'],
    ...eachDirectFlag(manifest.commands.list?.flags ?? {}, config.list ?? []),
  ])('list %j: the flags oclif parses', async (...argv: string[]) => {
    const invocation = directInvocation(['list', ...argv], manifest, config, false)
    expect(invocation?.command).toBe('list')
    expect(invocation?.flags).toStrictEqual(await oclifParsedFlags(List, argv))
  })
})
