import {describe, expect, test} from 'vitest'
import {TRACK_LABEL} from './canary-deployment.js'
import {parsePause, parseSteps} from './canary-steps.js'
import {abortRelease, resumeRelease, startRelease} from './release-commands.js'
import type {ReleaseState, TrafficMode} from './release-state.js'
import type {Deployment} from './rollout-objects.js'
import {drive, minimumAvailable, readState, simCluster, writeState} from './test-support/cluster-simulator.js'
import type {DriveOptions, SimCluster} from './test-support/cluster-simulator.js'
import {deployment, T0} from './test-support/release-fixtures.js'

const NEXT = {metadata: {labels: {app: 'web'}}, spec: {containers: [{name: 'web', image: 'web:2'}]}}

interface Scenario {
  replicas: number
  steps?: string
  pause?: string
  traffic?: TrafficMode
  strategy?: Deployment['spec']['strategy']
  analysis?: ReleaseState['analysis']
}

function startCluster({replicas, steps = '10,50,100', pause = '1m', traffic = 'replicas', strategy, analysis}: Scenario): SimCluster {
  const stable = deployment('web', replicas, replicas, strategy ? {strategy} : {})
  const state = startRelease({
    stable, existing: undefined, template: NEXT, serviceSelector: {app: 'web'}, steps: parseSteps(steps), pause: parsePause(pause),
    traffic, ...(analysis ? {analysis} : {}), now: T0, actor: 'alice',
  })
  return simCluster(stable, state, T0)
}

function expectPromoted(cluster: SimCluster, replicas: number): void {
  expect(readState(cluster).phase).toBe('Healthy')
  expect(cluster.canary).toBeUndefined()
  expect(cluster.stable.spec.replicas).toBe(replicas)
  expect(cluster.stable.spec.template.spec?.containers?.[0]?.image).toBe('web:2')
  expect(cluster.stable.spec.template.metadata?.labels?.[TRACK_LABEL]).toBeUndefined()
  expect(cluster.weight).toBe(0)
}

function expectRolledBack(cluster: SimCluster, replicas: number): void {
  expect(readState(cluster).phase).toBe('Aborted')
  expect(cluster.canary).toBeUndefined()
  expect(cluster.stable.spec.replicas).toBe(replicas)
  expect(cluster.stable.spec.template.spec?.containers?.[0]?.image).toBe('web:1')
  expect(cluster.weight).toBe(0)
}

function expectSafe(cluster: SimCluster, replicas: number): void {
  expect(Math.min(...cluster.stableSpecs)).toBeGreaterThan(0)
  const floor = minimumAvailable(cluster, replicas)
  for (const {canary, stable} of cluster.availability) expect(canary + stable).toBeGreaterThanOrEqual(floor)
}

const scenarios: (Scenario & {name: string})[] = [
  {name: 'replicas, 10 pods, surge 1', replicas: 10},
  {name: 'replicas, 10 pods, default 25%/25%', replicas: 10, strategy: {}},
  {name: 'replicas, 3 pods, no surge', replicas: 3, strategy: {rollingUpdate: {maxSurge: 0, maxUnavailable: 1}}, steps: '25,50,75'},
  {name: 'replicas, 1 pod', replicas: 1, steps: '50'},
  {name: 'replicas, 7 pods, Recreate', replicas: 7, strategy: {type: 'Recreate'}, steps: '10,20,40,80'},
  {name: 'nginx, 4 pods', replicas: 4, traffic: 'nginx', steps: '0,10,50'},
  {name: 'gateway, 5 pods', replicas: 5, traffic: 'gateway'},
  {name: 'gated by analysis', replicas: 6, analysis: {failureLimit: 2, intervalMs: 30_000}},
]

describe('a release driven to the end', () => {
  test.each(scenarios)('$name: promoted, stable never at 0, capacity kept', (scenario) => {
    const cluster = startCluster(scenario)
    expect(drive(cluster)).toBe('Healthy')
    expectPromoted(cluster, scenario.replicas)
    expectSafe(cluster, scenario.replicas)
  })

  test('visits each step split: 10 pods at 10 %, 50 %', () => {
    const cluster = startCluster({replicas: 10})
    const seen: string[] = []
    const original = cluster.availability.push.bind(cluster.availability)
    cluster.availability.push = (...items) => {
      for (const item of items) seen.push(`${item.canary}/${item.stable}`)
      return original(...items)
    }
    drive(cluster)
    expect(seen).toContain('1/9')
    expect(seen).toContain('5/5')
  })
})

describe('a crash at any round, then resume', () => {
  const rounds = (scenario: Scenario, options: DriveOptions = {}): number => {
    let count = 0
    for (; ; count++) {
      if (drive(startCluster(scenario), {...options, crashAtRound: count}) !== 'crashed') return count
    }
  }
  for (const scenario of scenarios) {
    const total = rounds(scenario)
    test.each(Array.from({length: total}, (_, round) => round))(`${scenario.name}: crash in round %i converges`, (round) => {
      const cluster = startCluster(scenario)
      expect(drive(cluster, {crashAtRound: round})).toBe('crashed')
      expect(drive(cluster, {actor: 'bob'})).toBe('Healthy')
      expectPromoted(cluster, scenario.replicas)
      expectSafe(cluster, scenario.replicas)
    })
  }
})

describe('failures roll back', () => {
  test.each(scenarios.filter((scenario) => !scenario.analysis))('$name: analysis failing twice aborts', (scenario) => {
    const cluster = startCluster({...scenario, analysis: {failureLimit: 2, intervalMs: 10_000}})
    expect(drive(cluster, {analysis: () => ({passed: false, reason: 'no values found'})})).toBe('Aborted')
    expectRolledBack(cluster, scenario.replicas)
    expectSafe(cluster, scenario.replicas)
    expect(readState(cluster)).toMatchObject({analysisFailures: 2, message: 'analysis failed (2/2): no values found'})
  })

  test.each(scenarios.filter((scenario) => scenario.replicas > 1))('$name: a canary that never gets ready aborts', (scenario) => {
    const cluster = startCluster(scenario)
    expect(drive(cluster, {canaryNeverReady: true})).toBe('Aborted')
    expectRolledBack(cluster, scenario.replicas)
    expect(readState(cluster).message).toBe('canary web-canary exceeded its progress deadline')
  })

  test('abort by a user mid-way, with a crash in every abort round, converges', () => {
    for (let round = 0; round < 20; round++) {
      const cluster = startCluster({replicas: 10, pause: 'manual'})
      expect(drive(cluster)).toBe('paused')
      writeState(cluster, abortRelease(readState(cluster), 'bad smell', {now: cluster.now, actor: 'carol'}))
      const first = drive(cluster, {crashAtRound: round})
      if (first !== 'crashed') expect(first).toBe('Aborted')
      expect(drive(cluster)).toBe('Aborted')
      expectRolledBack(cluster, 10)
      expectSafe(cluster, 10)
    }
  })
})

describe('manual pauses', () => {
  test('stop the driver at each step until resume', () => {
    const cluster = startCluster({replicas: 4, pause: 'manual', steps: '25,50'})
    const paused: number[] = []
    let result = drive(cluster)
    while (result === 'paused') {
      const state = readState(cluster)
      expect(state.phase).toBe('Paused')
      paused.push(state.desiredWeight)
      writeState(cluster, resumeRelease(state, {now: cluster.now, actor: 'dave'}))
      result = drive(cluster)
    }
    expect(result).toBe('Healthy')
    expect(paused).toEqual([25, 50])
    expect(readState(cluster).lastChange.what).toBe('promoted')
  })
})
