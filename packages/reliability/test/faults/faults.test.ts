import {describe, expect, test} from 'vitest'
import type {TestContext} from 'vitest'
import {COMMAND_ROWS} from '../commands/command-rows.js'
import type {CommandRow} from '../commands/command-rows.js'
import {byKnownBug} from '../support/known-bugs.js'
import {STACK_FRAME, runSetup, startScenarioCluster, writeRequestCount} from '../support/scenario-cluster.js'
import type {ScenarioCluster} from '../support/scenario-cluster.js'
import {faultCaseNames, faultCases} from './fault-scenarios.js'
import type {FaultScenario} from './fault-scenarios.js'
import {probeInvariant} from './write-invariants.js'

async function clusterFor(test: TestContext, row: CommandRow): Promise<ScenarioCluster> {
  const cluster = await startScenarioCluster(test, row.objects)
  await runSetup(cluster, row)
  return cluster
}

async function runUnderFault({row, scenario}: {row: CommandRow; scenario: FaultScenario}, context: TestContext): Promise<void> {
  const cluster = await clusterFor(context, row)
  const injected = scenario.rules(row).map((rule) => cluster.sandbox.faults.add(rule))
  const probe = row.invariant && scenario.hitsWrites ? probeInvariant(row.invariant, cluster) : undefined
  const writesBefore = writeRequestCount(cluster.sandbox)
  const run = await cluster.run(row.binary, [...row.args, ...(scenario.extraArgs ?? [])])
  expect(run.stderr).not.toMatch(STACK_FRAME)
  if (scenario.outcome.survives) {
    expect(run.stderr).not.toMatch(/^error:/m)
    expect(run.code).toBe(row.code)
  } else {
    expect(run.stderr).toMatch(scenario.outcome.stderr)
    expect(run.code).toBe(1)
    if (scenario.outcome.nothingWritten) expect(writeRequestCount(cluster.sandbox)).toBe(writesBefore)
  }
  await probe?.verify(run, row)
  // A fault that hit no request proves nothing.
  expect(injected.reduce((hits, rule) => hits + rule.hits, 0)).toBeGreaterThan(0)
}

describe.concurrent('every command, under faults', () => {
  const {passing, knownBugs} = byKnownBug(faultCaseNames(faultCases(COMMAND_ROWS)))
  test.for(passing)('$name', runUnderFault)
  test.fails.for(knownBugs)('$name (known bug, see support/known-bugs.ts)', runUnderFault)
})
