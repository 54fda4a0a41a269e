import type {KubeObject} from '@kubeline/core'
import {startSandbox} from '@kubeline/sandbox'
import type {Sandbox, SandboxUser} from '@kubeline/sandbox'
import {runPlugin} from '@kubeline/sandbox/e2e'
import type {PluginBinary, PluginRun} from '@kubeline/sandbox/e2e'
import {expect} from 'vitest'
import type {TestContext} from 'vitest'
import type {CommandRow} from '../commands/command-rows.js'
import {NS} from '../commands/workloads.js'

/** Every process is killed after this long: a hang fails the test instead of stalling the suite. */
export const KILL_AFTER_MS = 60_000

export interface ScenarioCluster {
  sandbox: Sandbox
  /** Runs a plugin in the scenario namespace against this sandbox (or another kubeconfig). */
  run(binary: PluginBinary, args: string[], options?: {kubeconfig?: string; env?: Record<string, string>; stdin?: string; timeoutMs?: number}): Promise<PluginRun>
}

/**
 * A sandbox of its own for one test, stopped when the test ends (the test's own hook:
 * concurrent tests must not use the global one). Faults are global to a sandbox, so
 * scenarios that run side by side must not share one. Objects are loaded directly (no API
 * requests), so the request log holds only what the plugins did.
 */
export async function startScenarioCluster(test: TestContext, objects: KubeObject[], users: SandboxUser[] = []): Promise<ScenarioCluster> {
  const sandbox = await startSandbox({objects, users})
  test.onTestFinished(() => sandbox.stop())
  await podsRunning(sandbox, objects)
  return {
    sandbox,
    run: (binary, args, {kubeconfig, timeoutMs, ...options} = {}) =>
      runPlugin(binary, [...args, '-n', NS], {kubeconfig: kubeconfig ?? sandbox.kubeconfigPath, timeoutMs: timeoutMs ?? KILL_AFTER_MS, ...options}),
  }
}

/** The row's setup runs, each ending with its expected exit code. */
export async function runSetup(cluster: ScenarioCluster, row: CommandRow): Promise<void> {
  for (const {args, code} of row.setup ?? []) {
    const setup = await cluster.run(row.binary, args)
    expect(setup.code, `setup ${args.join(' ')}: ${setup.stderr}`).toBe(code)
  }
}

const POLL_MS = 50

/** Waits (through the store, not the API: the request log stays the plugin's) until the given pods run. */
async function podsRunning(sandbox: Sandbox, objects: readonly KubeObject[]): Promise<void> {
  const pods = objects.filter((object) => object.apiVersion === 'v1' && object.kind === 'Pod')
  const running = () =>
    pods.every((pod) => (sandbox.store.get({group: '', resource: 'pods'}, pod.metadata.namespace, pod.metadata.name ?? '') as {status?: {phase?: string}} | undefined)?.status?.phase === 'Running')
  for (let waited = 0; !running(); waited += POLL_MS) {
    if (waited > KILL_AFTER_MS) throw new Error('the scenario pods did not start')
    await new Promise((resolve) => setTimeout(resolve, POLL_MS))
  }
}

const WRITE_VERBS = ['create', 'update', 'patch', 'delete', 'deletecollection']

/** Requests that could have changed the cluster. */
export function writeRequestCount(sandbox: Sandbox): number {
  return WRITE_VERBS.reduce((sum, verb) => sum + sandbox.requests.count({verb}), 0)
}

/** A Node stack frame ("    at fn (file:1:2)"): never shown without --debug. */
export const STACK_FRAME = /^\s+at .+[:(]/m
