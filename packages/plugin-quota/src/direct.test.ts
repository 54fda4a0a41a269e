import {readFileSync} from 'node:fs'
import {Parser} from '@oclif/core'
import {SINGLE_COMMAND, directInvocation} from '@kubeline/core'
import type {DirectRunConfig, FlagManifest} from '@kubeline/core'
import {describe, expect, test} from 'vitest'
import QuotaReport from './commands/report.js'
import {directRuns} from './direct.js'

const readJson = (file: string): unknown => JSON.parse(readFileSync(new URL(`../${file}`, import.meta.url), 'utf8'))
const config = (readJson('package.json') as {kubeline: {directRun: DirectRunConfig}}).kubeline.directRun
const manifest = readJson('oclif.manifest.json') as FlagManifest
const accepted = config[SINGLE_COMMAND] ?? []

async function oclifFlags(argv: string[]): Promise<Record<string, unknown>> {
  const parsed = await Parser.parse(argv, {flags: {...QuotaReport.baseFlags, ...QuotaReport.flags}, args: {}, strict: true})
  return parsed.flags
}

/** Each accepted flag alone, as the user would type it. */
const eachFlag = accepted.map((name) => {
  const flag = manifest.commands['Symbol(SINGLE_COMMAND_CLI)']?.flags[name]
  if (flag === undefined) throw new Error(`package.json's directRun names "${name}", which quota-report does not have`)
  const needed = (flag.dependsOn ?? []).flatMap((other) => [`--${other}`, 'quota.yaml'])
  return flag.type === 'boolean' ? [`--${name}`, ...needed] : [`--${name}`, `${name}-value`, ...needed]
})

describe('quota-report run directly (without oclif)', () => {
  test('package.json names the direct runs src/direct.ts has', () => {
    expect(Object.keys(directRuns).sort()).toEqual(Object.keys(config).sort())
  })

  test.each([
    [],
    ['-n', 'payments', '-o', 'json'],
    ['-A', '-l', 'team,env in (prod)', '--no-headers', '-o', 'wide'],
    ['--context', 'prod-eu', '--context=prod-us', '-n', 'payments', '--fail-on-missing'],
    ['--all-contexts', '-A', '-o', 'yaml', '--request-timeout=5s'],
    ['-f', 'quota.yaml', '-f', 'deploy/', '--offline', '-o', 'markdown'],
    ['--kubeconfig', '/tmp/kc', '--cluster', 'c', '--user', 'u', '--insecure-skip-tls-verify', '--debug'],
    ...eachFlag,
  ])('%j: the flags oclif parses', async (...argv: string[]) => {
    const invocation = directInvocation(argv, manifest, config, true)
    expect(invocation?.command).toBe(SINGLE_COMMAND)
    expect(invocation?.flags).toStrictEqual(await oclifFlags(argv))
  })
})
