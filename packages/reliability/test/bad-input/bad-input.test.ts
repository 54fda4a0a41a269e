import type {Sandbox} from '@kubeline/sandbox'
import {startSandbox} from '@kubeline/sandbox'
import {runPlugin} from '@kubeline/sandbox/e2e'
import type {PluginBinary, PluginRun} from '@kubeline/sandbox/e2e'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {CRON_OBJECTS, NETPOL_OBJECTS, NS, QUOTA_OBJECTS, ROLLOUT_OBJECTS} from '../commands/workloads.js'
import {KILL_AFTER_MS, STACK_FRAME, writeRequestCount} from '../support/scenario-cluster.js'
import {FLAG_INPUTS} from './flag-inputs.js'
import {byKnownBug} from '../support/known-bugs.js'
import type {ManifestInput} from './manifest-inputs.js'
import {MANIFEST_READERS, manifestCases} from './manifest-readers.js'
import type {ManifestReader} from './manifest-readers.js'

/** A refusal must fit in this heap: an input must not blow memory up. */
const HEAP_LIMIT_MB = 256

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await startSandbox({objects: [...QUOTA_OBJECTS, ...NETPOL_OBJECTS, ...ROLLOUT_OBJECTS, ...CRON_OBJECTS]})
})
afterAll(async () => {
  // No refused input wrote anything, whichever command read it.
  expect(writeRequestCount(sandbox)).toBe(0)
  await sandbox?.stop()
})

async function runBounded(binary: PluginBinary, args: string[], stdin?: string): Promise<PluginRun & {ms: number}> {
  const started = performance.now()
  const run = await runPlugin(binary, [...args, '-n', NS], {
    kubeconfig: sandbox.kubeconfigPath,
    env: {NODE_OPTIONS: `--max-old-space-size=${HEAP_LIMIT_MB}`},
    timeoutMs: KILL_AFTER_MS,
    ...(stdin === undefined ? {} : {stdin}),
  })
  return {...run, ms: performance.now() - started}
}

/** Exit 2 within the bounds, with one error line that says what and why, no stack trace, nothing written. */
function expectRefused(run: PluginRun & {ms: number}, mentions: string | RegExp): void {
  expect(run.stderr).not.toMatch(STACK_FRAME)
  expect(run.stderr).toMatch(/^error: /m)
  if (typeof mentions === 'string') expect(run.stderr).toContain(mentions)
  else expect(run.stderr).toMatch(mentions)
  expect(run.code).toBe(2)
  expect(run.ms).toBeLessThan(KILL_AFTER_MS)
  expect(writeRequestCount(sandbox)).toBe(0)
}

async function refusesManifest({reader, input}: {reader: ManifestReader; input: ManifestInput}): Promise<void> {
  const run = await runBounded(reader.binary, reader.args(input.path()), input.stdin)
  expectRefused(run, input.named)
  expect(run.stderr).toMatch(input.problem)
}

describe.concurrent('malformed and hostile manifests are refused', () => {
  const {passing, knownBugs} = byKnownBug(manifestCases(MANIFEST_READERS))
  test.for(passing)('$name', refusesManifest)
  test.fails.for(knownBugs)('$name (known bug, see support/known-bugs.ts)', refusesManifest)
})

describe.concurrent('malformed flags and arguments are refused', () => {
  test.for(FLAG_INPUTS)('$name', async ({binary, args, mentions}) => {
    expectRefused(await runBounded(binary, args), mentions)
  })
})
