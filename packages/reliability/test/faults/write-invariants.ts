import type {KubeObject} from '@kubeline/core'
import type {PluginRun} from '@kubeline/sandbox/e2e'
import {expect} from 'vitest'
import type {CommandRow, WriteInvariant} from '../commands/command-rows.js'
import {STACK_FRAME} from '../support/scenario-cluster.js'
import type {ScenarioCluster} from '../support/scenario-cluster.js'
import {CANARY_IMAGE, NS, STABLE_IMAGE, STABLE_REPLICAS} from '../commands/workloads.js'

const DEPLOYMENTS = {group: 'apps', resource: 'deployments'}
const JOBS = {group: 'batch', resource: 'jobs'}
const SERVICES = {group: '', resource: 'services'}

/** Watches a run for an invariant and checks it (and the convergence it promises) afterwards. */
export interface InvariantProbe {
  verify(run: PluginRun, row: CommandRow): Promise<void>
}

/** Started before the faulted run, so that it sees every intermediate state of the cluster. */
export function probeInvariant(invariant: WriteInvariant, cluster: ScenarioCluster): InvariantProbe {
  switch (invariant) {
    case 'one-job-per-trigger':
      return oneJobPerTrigger(cluster)
    case 'stable-keeps-replicas':
      return stableKeepsReplicas(cluster)
    case 'bluegreen-converges':
      return blueGreenConverges(cluster)
  }
}

/** cron-trigger: a retried create never makes a second Job; a failed one made at most one. */
function oneJobPerTrigger(cluster: ScenarioCluster): InvariantProbe {
  return {
    async verify(run, row) {
      const jobs = cluster.sandbox.store.list(JOBS, NS)
      if (run.code === row.code) expect(jobs).toHaveLength(1)
      else expect(jobs.length).toBeLessThanOrEqual(1)
    },
  }
}

/**
 * rollout-canary: the stable Deployment never asks for 0 replicas while the faulted command
 * runs, and afterwards the documented next command converges: `abort` restores the stable
 * Deployment (its replicas and image) and removes the canary, or the release already ended.
 */
function stableKeepsReplicas(cluster: ScenarioCluster): InvariantProbe {
  const watching = watchStableReplicas(cluster)
  return {
    async verify() {
      watching.stopAndCheck()
      cluster.sandbox.faults.clear()
      const status = await cluster.run('kubectl-rollout_canary', ['status', 'web', '-o', 'json'])
      const phase = status.code === 2 ? 'none' : (JSON.parse(status.stdout) as {phase: string}).phase
      if (phase !== 'none' && phase !== 'Healthy' && phase !== 'Aborted') {
        const abort = await cluster.run('kubectl-rollout_canary', ['abort', 'web'])
        expect(abort.stderr).not.toMatch(/^error:/m)
        expect(abort.code).toBe(3)
      }
      const stable = cluster.sandbox.store.get(DEPLOYMENTS, NS, 'web')
      expect(replicasOf(stable)).toBe(STABLE_REPLICAS)
      expect(imageOf(stable)).toBe(phase === 'Healthy' ? CANARY_IMAGE : STABLE_IMAGE)
      expect(cluster.sandbox.store.get(DEPLOYMENTS, NS, 'web-canary')).toBeUndefined()
    },
  }
}

/**
 * rollout-canary bluegreen: the stable Deployment never asks for 0 replicas while the faulted command runs,
 * and afterwards `bluegreen finish` converges: one Deployment at its replicas with the image of the side the
 * release records as active, no green Deployment, the Service on its own selector again.
 */
function blueGreenConverges(cluster: ScenarioCluster): InvariantProbe {
  const watching = watchStableReplicas(cluster)
  const served = watchServedSide(cluster)
  return {
    async verify() {
      watching.stopAndCheck()
      // The recorded side is what finish completes (it moves the Service there first); with no release
      // recorded (finished, or never started) the side the Service last served.
      const lastServed = served.stop()
      const recorded = recordedSide(cluster.sandbox.store.get(DEPLOYMENTS, NS, 'web'))
      const greenServes = (recorded ?? lastServed) === 'green'
      cluster.sandbox.faults.clear()
      const finish = await cluster.run('kubectl-rollout_canary', ['bluegreen', 'finish', 'web', '--scale-down-delay', '0s'])
      expect(finish.stderr).not.toMatch(STACK_FRAME)
      // 2: no release recorded (the faulted start never got to record one).
      expect([0, 2], finish.stderr).toContain(finish.code)
      const stable = cluster.sandbox.store.get(DEPLOYMENTS, NS, 'web')
      expect(replicasOf(stable)).toBe(STABLE_REPLICAS)
      expect(imageOf(stable)).toBe(greenServes ? CANARY_IMAGE : STABLE_IMAGE)
      expect(cluster.sandbox.store.get(DEPLOYMENTS, NS, 'web-green')).toBeUndefined()
      expect(selectorOf(cluster.sandbox.store.get(SERVICES, NS, 'web'))).toEqual({app: 'web'})
    },
  }
}

/**
 * The side the Service `web` last sent traffic to: green while its selector has the green track, blue
 * while it is pinned to blue's pod-template-hash; its own selector again (a finished release) changes nothing.
 */
function watchServedSide(cluster: ScenarioCluster): {stop(): 'blue' | 'green'} {
  const sideOf = (selector: Record<string, string>) =>
    selector['kubeline.dev/track'] === 'green' ? 'green' : selector['pod-template-hash'] !== undefined ? 'blue' : undefined
  let side: 'blue' | 'green' = sideOf(selectorOf(cluster.sandbox.store.get(SERVICES, NS, 'web'))) ?? 'blue'
  const stop = cluster.sandbox.store.onChange(({event}) => {
    if (event.key.resource === 'services' && event.object.metadata.name === 'web') side = sideOf(selectorOf(event.object)) ?? side
  })
  return {
    stop() {
      stop()
      return side
    },
  }
}

/** Every replica count the stable Deployment `web` asks for from now on; none may be 0. */
function watchStableReplicas(cluster: ScenarioCluster): {stopAndCheck(): void} {
  const stableReplicas: number[] = []
  const stop = cluster.sandbox.store.onChange(({event}) => {
    if (event.key.resource === 'deployments' && event.object.metadata.name === 'web') stableReplicas.push(replicasOf(event.object))
  })
  return {
    stopAndCheck() {
      stop()
      expect(Math.min(...stableReplicas, STABLE_REPLICAS)).toBeGreaterThan(0)
    },
  }
}

const recordedSide = (stable: KubeObject | undefined): 'blue' | 'green' | undefined => {
  const record = stable?.metadata.annotations?.['kubeline.dev/bluegreen']
  return record === undefined ? undefined : (JSON.parse(record) as {active: 'blue' | 'green'}).active
}

const selectorOf = (service: KubeObject | undefined): Record<string, string> => (service?.spec as {selector?: Record<string, string>} | undefined)?.selector ?? {}

const replicasOf = (object: KubeObject | undefined): number => (object?.spec as {replicas: number}).replicas

const imageOf = (object: KubeObject | undefined): string | undefined =>
  (object?.spec as {template: {spec: {containers: {image: string}[]}}}).template.spec.containers[0]?.image
