import {readFileSync} from 'node:fs'
import {SINGLE_COMMAND, SINGLE_COMMAND_ID, directInvocation, eachDirectFlag, oclifParsedFlags} from '@kubeline/core'
import type {DirectRunConfig, FlagManifest} from '@kubeline/core'
import {describe, expect, test} from 'vitest'
import QuotaReport from './commands/report.js'
import {directRuns} from './direct.js'

const readJson = (file: string): unknown => JSON.parse(readFileSync(new URL(`../${file}`, import.meta.url), 'utf8'))
const config = (readJson('package.json') as {kubeline: {directRun: DirectRunConfig}}).kubeline.directRun
const manifest = readJson('oclif.manifest.json') as FlagManifest
const accepted = config[SINGLE_COMMAND] ?? []

const flags = manifest.commands[SINGLE_COMMAND_ID]?.flags ?? {}

describe('quota-report run directly (without oclif)', () => {
  test('package.json names the direct runs src/direct.ts has', () => {
    expect(Object.keys(directRuns).sort()).toEqual(Object.keys(config).sort())
  })

  test.each([
    ['-n', 'payments', '-o', 'json'],
    ['-A', '-l', 'team,env in (prod)', '--no-headers', '-o', 'wide'],
    ['--context', 'prod-eu', '--context=prod-us', '-n', 'payments', '--fail-on-missing'],
    ['--all-contexts', '-A', '-o', 'yaml', '--request-timeout=5s'],
    ['-f', 'quota.yaml', '-f', 'deploy/', '--offline', '-o', 'markdown'],
    ['--kubeconfig', '/tmp/kc', '--cluster', 'c', '--user', 'u', '--insecure-skip-tls-verify', '--debug'],
    ...eachDirectFlag(flags, accepted),
  ])('%j: the flags oclif parses', async (...argv: string[]) => {
    const invocation = directInvocation(argv, manifest, config, true)
    expect(invocation?.command).toBe(SINGLE_COMMAND)
    expect(invocation?.flags).toStrictEqual(await oclifParsedFlags(QuotaReport, argv))
  })
})
