import {mapWithConcurrency} from '@kubeline/core'
import type {LiveResult, ProbeResult, Reachability} from '../domain/live-probe.js'
import {liveResult, needsRetry, probeStatus} from '../domain/live-probe.js'
import type {ProbeAttempt} from '../domain/probe-output.js'
import type {ProbeTarget} from '../domain/probe-target.js'
import {probeTargetText} from '../domain/probe-target.js'
import type {Prober, ProbeSource} from './prober.js'
import {ProbeRunError} from './prober.js'

/** Source pods probed at the same time (the upstream conformance tests run 3 workers). */
const PROBE_WORKERS = 4

/** A connection to probe, or why it cannot be (`problem`): an address as source, a pod that is not running. */
export interface PlannedProbe {
  from: string
  to: string
  source?: ProbeSource
  target: ProbeTarget
  expected: Reachability
  problem?: string
}

/**
 * Probes every planned connection, one round per source pod, then once more for the connections
 * whose first attempt disagreed with the policies or failed (policy enforcement is eventually
 * consistent; upstream's ValidateOrFail retries once too). Results are in the order planned.
 */
export async function probeConnections(prober: Prober, planned: readonly PlannedProbe[]): Promise<ProbeResult[]> {
  const first = await probeRound(prober, planned)
  const lives = planned.map((_, index) => liveResult(first[index] ?? new Error('no result'), 1))
  const retry = planned.flatMap((probe, index) => (probe.problem === undefined && needsRetry(probe.expected, lives[index] as LiveResult) ? [index] : []))
  const second = await probeRound(prober, retry.map((index) => planned[index] as PlannedProbe))
  retry.forEach((index, position) => {
    lives[index] = liveResult(second[position] ?? new Error('no result'), 2)
  })
  return planned.map((probe, index) => {
    const live = lives[index] as LiveResult
    const {from, to, target, expected} = probe
    return {from, to, address: target.address, port: target.port, protocol: target.protocol, expected, live, status: probeStatus(expected, live)}
  })
}

/** One attempt at each planned connection; an attempt or the Error that kept it from running, by index. */
async function probeRound(prober: Prober, planned: readonly PlannedProbe[]): Promise<(ProbeAttempt | Error)[]> {
  const outcomes: (ProbeAttempt | Error)[] = planned.map((probe) => new Error(probe.problem ?? 'no result'))
  const bySource = new Map<string, {source: ProbeSource; indexes: number[]}>()
  planned.forEach((probe, index) => {
    if (probe.problem !== undefined || probe.source === undefined) return
    const key = `${probe.source.namespace}/${probe.source.name}`
    const group = bySource.get(key) ?? {source: probe.source, indexes: []}
    group.indexes.push(index)
    bySource.set(key, group)
  })
  await mapWithConcurrency([...bySource.values()], PROBE_WORKERS, async ({source, indexes}) => {
    const targets = uniqueTargets(indexes.map((index) => (planned[index] as PlannedProbe).target))
    const attempts = await attemptsOrError(prober, source, targets)
    for (const index of indexes) {
      const text = probeTargetText((planned[index] as PlannedProbe).target)
      outcomes[index] = attempts instanceof Error ? attempts : (attempts.get(text) ?? new Error(`the probe printed no result for ${text}`))
    }
  })
  return outcomes
}

async function attemptsOrError(prober: Prober, source: ProbeSource, targets: ProbeTarget[]): Promise<Map<string, ProbeAttempt> | Error> {
  try {
    return await prober.probe(source, targets)
  } catch (err) {
    if (err instanceof ProbeRunError) return err
    throw err
  }
}

function uniqueTargets(targets: readonly ProbeTarget[]): ProbeTarget[] {
  return [...new Map(targets.map((target) => [probeTargetText(target), target])).values()]
}
