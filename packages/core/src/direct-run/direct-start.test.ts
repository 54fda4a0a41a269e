import type {Interfaces} from '@oclif/core'
import {describe, expect, test, vi} from 'vitest'
import {SINGLE_COMMAND_ID} from '../command/plugin-manifest.js'
import {ranDirectly} from './direct-start.js'
import type {DirectRunSource, DirectScript} from './direct-start.js'

const pjson = (directRun?: Record<string, string[]>) =>
  ({name: 'p', version: '1', oclif: {commands: {strategy: 'single', target: './c.js'}}, ...(directRun && {kubeline: {directRun}})}) as unknown as Interfaces.PJSON
const manifest = {commands: {[SINGLE_COMMAND_ID]: {flags: {namespace: {name: 'namespace', type: 'option' as const, char: 'n'}}}}}

function source(overrides: Partial<DirectRunSource> = {}) {
  const run = vi.fn(async () => 0)
  const runDirect = vi.fn(async () => undefined) as unknown as DirectScript['runDirect']
  const script = vi.fn(async (): Promise<DirectScript> => ({directRuns: {'.': run}, runDirect}))
  return {source: {pjson: pjson({'.': ['namespace']}), manifest: () => manifest, script, ...overrides}, run, runDirect, script}
}

describe('ranDirectly', () => {
  test('runs the command with the flags oclif would parse', async () => {
    const {source: plugin, run, runDirect} = source()
    expect(await ranDirectly(plugin, ['-n', 'a'], {})).toBe(true)
    expect(runDirect).toHaveBeenCalledWith(run, {namespace: 'a'})
  })

  test.each([
    {name: 'KUBELINE_NO_DIRECT_RUN=1', argv: ['-n', 'a'], env: {KUBELINE_NO_DIRECT_RUN: '1'}, overrides: {}},
    {name: 'no directRun in package.json', argv: ['-n', 'a'], env: {}, overrides: {pjson: pjson()}},
    {name: 'no manifest', argv: ['-n', 'a'], env: {}, overrides: {manifest: () => undefined}},
    {name: 'no direct.cjs', argv: ['-n', 'a'], env: {}, overrides: {script: async () => undefined}},
    {name: 'a direct.cjs without that run', argv: ['-n', 'a'], env: {}, overrides: {script: async () => ({directRuns: {}, runDirect: vi.fn()}) as unknown as DirectScript}},
    {name: 'a flag the run does not take', argv: ['--help'], env: {}, overrides: {}},
  ])('$name: left to oclif', async ({argv, env, overrides}) => {
    const {source: plugin, runDirect} = source(overrides)
    expect(await ranDirectly(plugin, argv, env)).toBe(false)
    expect(runDirect).not.toHaveBeenCalled()
  })

  test('direct.cjs is not loaded for a command line that goes to oclif', async () => {
    const {source: plugin, script} = source()
    await ranDirectly(plugin, ['--bogus'], {})
    expect(script).not.toHaveBeenCalled()
  })
})
