import {mkdtemp, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import type {PluginRun} from '@kubeline/sandbox/e2e'
import {describe, expect, test} from 'vitest'
import type {TestContext} from 'vitest'
import {COMMAND_ROWS} from '../commands/command-rows.js'
import type {CommandRow} from '../commands/command-rows.js'
import {runSetup, STACK_FRAME, startScenarioCluster} from '../support/scenario-cluster.js'
import type {ScenarioCluster} from '../support/scenario-cluster.js'
import {CANARY_CONTEXTS, canarySecrets, canaryUsers, leakPatterns, writeCanaryKubeconfig} from './canary-kubeconfig.js'
import {AUTH_KIND_CASES} from './auth-kind-cases.js'

const secrets = canarySecrets()
const leaks = leakPatterns(secrets)

interface CanaryCluster extends ScenarioCluster {
  /** Runs as a context of the canary kubeconfig; every output is checked for leaks. */
  runAs(context: string, row: Pick<CommandRow, 'binary' | 'args'>, debug: boolean): Promise<PluginRun>
}

async function canaryCluster(test: TestContext, row: CommandRow): Promise<CanaryCluster> {
  const cluster = await startScenarioCluster(test, row.objects, canaryUsers(secrets))
  await runSetup(cluster, row)
  const directory = await mkdtemp(join(tmpdir(), 'reliability-canary-'))
  test.onTestFinished(() => rm(directory, {recursive: true, force: true}))
  const kubeconfig = await writeCanaryKubeconfig(cluster.sandbox, secrets, directory)
  return {
    ...cluster,
    async runAs(context, {binary, args}, debug) {
      const run = await cluster.run(binary, [...args, '--context', context, ...(debug ? ['--debug'] : [])], {kubeconfig})
      expectNoLeak(run)
      if (!debug) expect(run.stderr).not.toMatch(STACK_FRAME)
      return run
    },
  }
}

function expectNoLeak(run: PluginRun): void {
  const output = run.stdout + run.stderr
  for (const secret of leaks) expect(output.includes(secret), `leaked ${secret}:\n${output}`).toBe(false)
}

describe.concurrent('no credential appears in any output', () => {
  test.for(COMMAND_ROWS)('$name: allowed with --debug, 403, 401 with --debug', async (row, context) => {
    const cluster = await canaryCluster(context, row)
    const forbidden = await cluster.runAs(CANARY_CONTEXTS.forbidden, row, false)
    expect(forbidden.stderr).toMatch(/^error: .*forbidden/m)
    expect(forbidden.code).toBe(1)
    const revoked = await cluster.runAs(CANARY_CONTEXTS.revoked, row, true)
    expect(revoked.stderr).toMatch(/^error: .*Unauthorized/m)
    expect(revoked.code).toBe(1)
    const allowed = await cluster.runAs(CANARY_CONTEXTS.allowed, row, true)
    expect(allowed.stderr).toMatch(/^debug: GET https:\/\//m)
    expect(allowed.code).toBe(row.code)
  })

  test.for(AUTH_KIND_CASES)('$name', async ({row, context: kubeContext, debug, codes}, context) => {
    const cluster = await canaryCluster(context, row)
    const run = await cluster.runAs(kubeContext, row, debug)
    expect(codes).toContain(run.code)
  })
})
