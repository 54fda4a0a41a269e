import {spawn} from 'node:child_process'
import {RESOURCES} from '@kubeline/core'
import type {KubeObject} from '@kubeline/core'
import {pluginEntry} from '@kubeline/sandbox/e2e'
import {describe, expect, test} from 'vitest'
import {deployment, settledDeployment} from '../fixtures/deployments.js'
import {imagesOf, replicasOf, useRolloutE2e} from '../fixtures/rollout-e2e.js'

const e2e = useRolloutE2e()

const REPLICAS = 4
/** The Deployment default (25% of 4 pods). */
const MAX_UNAVAILABLE = 1
const STEP_INDEX = 'kubeline.dev/rollout-step-index'
const OLD_IMAGE = 'registry.example.com/web:1'
const NEW_IMAGE = 'registry.example.com/web:2'

interface CapacityWatch {
  /** Resolves once the watch has listed the namespace: from then on it sees every change. */
  listed: Promise<void>
  /** Every breach of the capacity rules seen so far, one line each. */
  breaches: string[]
  /** The most canary pods seen available at once: proves the watch saw the release. */
  canaryPeak: () => number
  /** Resolves once the stable Deployment's state annotation records this step index. */
  stepReached: (index: number) => Promise<void>
  stop: () => void
}

const availableOf = (object: KubeObject | undefined): number => (object?.status as {availableReplicas?: number} | undefined)?.availableReplicas ?? 0

/**
 * Watches every Deployment change in the namespace and checks, after each, that stable + canary keep at
 * least N - maxUnavailable available pods and that stable never goes to 0 replicas.
 */
function watchCapacity(namespace: string): CapacityWatch {
  const controller = new AbortController()
  const latest = new Map<string, KubeObject>()
  const breaches: string[] = []
  let canaryPeak = 0
  const waiters: {index: number; resolve: () => void}[] = []
  let listedNow = (): void => undefined
  const listed = new Promise<void>((resolve) => (listedNow = resolve))
  const check = (): void => {
    const stable = latest.get('web')
    const canaryAvailable = availableOf(latest.get('web-canary'))
    canaryPeak = Math.max(canaryPeak, canaryAvailable)
    const available = availableOf(stable) + canaryAvailable
    if (available < REPLICAS - MAX_UNAVAILABLE) breaches.push(`available ${available} at stable rv ${stable?.metadata.resourceVersion}`)
    if (replicasOf(stable) === 0) breaches.push(`stable at 0 replicas (rv ${stable?.metadata.resourceVersion})`)
    const index = Number(stable?.metadata.annotations?.[STEP_INDEX] ?? -1)
    for (const waiter of waiters.filter((candidate) => index >= candidate.index)) {
      waiters.splice(waiters.indexOf(waiter), 1)
      waiter.resolve()
    }
  }
  void (async () => {
    const events = e2e.cluster().client.watch(RESOURCES.deployments, {namespace, signal: controller.signal})
    for await (const event of events) {
      if (event.type === 'DELETED') latest.delete(event.object.metadata.name ?? '')
      else latest.set(event.object.metadata.name ?? '', event.object)
      check()
      listedNow()
    }
  })().catch((error: unknown) => {
    if (!controller.signal.aborted) breaches.push(`watch failed: ${String(error)}`)
    listedNow() // a watch that failed before listing is a breach, not a hang
  })
  return {
    listed,
    breaches,
    canaryPeak: () => canaryPeak,
    stepReached: async (index) => await new Promise<void>((resolve) => waiters.push({index, resolve})),
    stop: () => controller.abort(),
  }
}

/** `start --wait` in its own process, SIGKILLed once the recorded step index reaches `killAt`. */
async function startKilledAt(namespace: string, watch: CapacityWatch, killAt: number): Promise<number | null> {
  const args = ['start', 'web', '-n', namespace, '--image', `web=${NEW_IMAGE}`, '--steps', '25,50', '--pause', '0', '--wait']
  const driver = spawn(process.execPath, [pluginEntry('kubectl-rollout_canary'), ...args], {
    env: {...process.env, KUBECONFIG: e2e.cluster().kubeconfigPath, NO_COLOR: '1'},
    stdio: 'ignore',
  })
  const closed = new Promise<NodeJS.Signals | null>((resolve) => driver.on('close', (_code, signal) => resolve(signal)))
  await Promise.race([watch.stepReached(killAt), closed])
  driver.kill('SIGKILL')
  return await closed.then((signal) => (signal === 'SIGKILL' ? 9 : null))
}

async function releaseKilledAt(name: string, killAt: number): Promise<{ns: string; watch: CapacityWatch}> {
  const ns = await e2e.cluster().createNamespace(name)
  await e2e.cluster().apply([deployment('web', {replicas: REPLICAS})], ns)
  await settledDeployment(e2e.cluster().client, 'web', ns)
  const watch = watchCapacity(ns)
  await watch.listed
  // The driver must die mid-release, not after finishing on its own.
  expect(await startKilledAt(ns, watch, killAt)).toBe(9)
  expect((await e2e.read('web', ns))?.metadata.annotations?.['kubeline.dev/rollout-phase']).toMatch(/^(Progressing|Promoting)$/)
  return {ns, watch}
}

describe('rollout-canary: a driver SIGKILLed at a step boundary (steps 25,50,100, 4 replicas)', () => {
  test.each([
    {boundary: 'step 1 (25%) recorded', killAt: 0},
    {boundary: 'step 2 (50%) recorded', killAt: 1},
    {boundary: 'step 3 (promotion) recorded', killAt: 2},
  ])('killed once $boundary: resume --wait --force converges to Healthy with capacity kept', async ({killAt}) => {
    const {ns, watch} = await releaseKilledAt('kill-resume', killAt)
    const run = await e2e.rollout(['resume', 'web', '-n', ns, '--wait', '--force'])
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('Healthy (step 3 of 3)')
    const stable = await settledDeployment(e2e.cluster().client, 'web', ns)
    watch.stop()
    expect(imagesOf(stable)).toEqual([NEW_IMAGE])
    expect(replicasOf(stable)).toBe(REPLICAS)
    expect(stable.metadata.annotations?.['kubeline.dev/rollout-lock-holder']).toBeUndefined()
    expect(await e2e.read('web-canary', ns)).toBeUndefined()
    expect(watch.breaches).toEqual([])
    expect(watch.canaryPeak()).toBeGreaterThan(0)
  })

  test('killed once step 2 (50%) is recorded, then abort --force: stable back at 4 with the old image, canary gone', async () => {
    const {ns, watch} = await releaseKilledAt('kill-abort', 1)
    const run = await e2e.rollout(['abort', 'web', '-n', ns, '--force'])
    expect(run.code).toBe(3) // Aborted, as documented
    expect(run.stdout).toContain('deployment.apps/web: Aborted')
    const stable = await settledDeployment(e2e.cluster().client, 'web', ns)
    watch.stop()
    expect(imagesOf(stable)).toEqual([OLD_IMAGE])
    expect(replicasOf(stable)).toBe(REPLICAS)
    expect(stable.metadata.annotations?.['kubeline.dev/rollout-phase']).toBe('Aborted')
    expect(await e2e.read('web-canary', ns)).toBeUndefined()
    expect(watch.breaches).toEqual([])
    expect(watch.canaryPeak()).toBeGreaterThan(0)
  })
})
