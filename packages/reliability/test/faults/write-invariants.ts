import type {KubeObject} from '@kubeline/core'
import type {PluginRun} from '@kubeline/sandbox/e2e'
import {expect} from 'vitest'
import type {CommandRow, WriteInvariant} from '../commands/command-rows.js'
import type {ScenarioCluster} from '../support/scenario-cluster.js'
import {CANARY_IMAGE, NS, STABLE_IMAGE, STABLE_REPLICAS} from '../commands/workloads.js'

const DEPLOYMENTS = {group: 'apps', resource: 'deployments'}
const JOBS = {group: 'batch', resource: 'jobs'}

/** Watches a run for an invariant and checks it (and the convergence it promises) afterwards. */
export interface InvariantProbe {
  verify(run: PluginRun, row: CommandRow): Promise<void>
}

/** Started before the faulted run, so that it sees every intermediate state of the cluster. */
export function probeInvariant(invariant: WriteInvariant, cluster: ScenarioCluster): InvariantProbe {
  return invariant === 'one-job-per-trigger' ? oneJobPerTrigger(cluster) : stableKeepsReplicas(cluster)
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
  const stableReplicas: number[] = []
  const stop = cluster.sandbox.store.onChange(({event}) => {
    if (event.key.resource === 'deployments' && event.object.metadata.name === 'web') stableReplicas.push(replicasOf(event.object))
  })
  return {
    async verify() {
      stop()
      expect(Math.min(...stableReplicas, STABLE_REPLICAS)).toBeGreaterThan(0)
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

const replicasOf = (object: KubeObject | undefined): number => (object?.spec as {replicas: number}).replicas

const imageOf = (object: KubeObject | undefined): string | undefined =>
  (object?.spec as {template: {spec: {containers: {image: string}[]}}}).template.spec.containers[0]?.image
