import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {namespaceWithWeb} from '../fixtures/namespace-with-web.js'
import {startMetricsEndpoint, startPrometheus} from '../fixtures/prometheus-server.js'
import type {MetricsEndpoint, PrometheusServer} from '../fixtures/prometheus-server.js'
import {imagesOf, replicasOf, useRolloutE2e} from '../fixtures/rollout-e2e.js'

const e2e = useRolloutE2e()
let metrics: MetricsEndpoint | undefined
let prometheus: PrometheusServer | undefined

beforeAll(async () => {
  metrics = await startMetricsEndpoint()
  metrics.set('canary_success_ratio', 0.995)
  metrics.set('canary_error_ratio', 0.4)
  prometheus = await startPrometheus(metrics.target)
}, 60_000)

afterAll(async () => {
  await prometheus?.stop()
  await metrics?.stop()
})

async function gatedRelease(prefix: string, gate: string[]) {
  const ns = await namespaceWithWeb(e2e, prefix)
  const url = prometheus?.url ?? ''
  const run = await e2e.rollout(['start', 'web', '-n', ns, '--image', 'web=registry.example.com/web:2', '--steps', '25,50', '--pause', '0', '--wait', '-o', 'json', '--prometheus', url, '--interval', '1s', ...gate])
  return {ns, run}
}

describe('rollout-canary analysis against a real Prometheus', () => {
  test('a good metric passes every gate and the release promotes', async () => {
    const {ns, run} = await gatedRelease('prom-good', ['--query', 'canary_success_ratio', '--min', '0.99'])
    expect(run.code).toBe(0)
    expect(run.stderr).toContain('analysis: passed: prometheus canary_success_ratio: 0.995 within min 0.99')
    const status = JSON.parse(run.stdout)
    expect(status).toMatchObject({phase: 'Healthy', analysisFailures: 0, analysis: {last: {step: 1, passed: true, results: [{gate: 'prometheus canary_success_ratio', passed: true, value: 0.995}]}}})
    expect(imagesOf(await e2e.read('web', ns))).toEqual(['registry.example.com/web:2'])
    expect(await e2e.read('web-canary', ns)).toBeUndefined()
  })

  test('a bad metric fails --failure-limit times: aborted, exit 3, stable back at 4 with the old image, canary removed', async () => {
    const {ns, run} = await gatedRelease('prom-bad', ['--query', 'canary_error_ratio', '--max', '0.05', '--failure-limit', '2'])
    expect(run.code).toBe(3)
    expect(run.stderr).toContain('aborting: analysis failed (2/2): prometheus canary_error_ratio: 0.4 > max 0.05')
    expect(JSON.parse(run.stdout)).toMatchObject({phase: 'Aborted', step: 1, desiredWeight: 0, analysisFailures: 2, analysis: {failureLimit: 2, last: {passed: false, results: [{value: 0.4, reason: '0.4 > max 0.05'}]}}})
    const stable = await e2e.read('web', ns)
    expect(replicasOf(stable)).toBe(4)
    expect(imagesOf(stable)).toEqual(['registry.example.com/web:1'])
    expect(await e2e.read('web-canary', ns)).toBeUndefined()
    const status = await e2e.rollout(['status', 'web', '-n', ns])
    expect(status.code).toBe(3)
    expect(status.stdout).toContain('FAIL  prometheus canary_error_ratio: 0.4 > max 0.05')
  })

  test.each([
    {name: 'an empty result (no such series)', query: 'canary_metric_that_does_not_exist', reason: 'no values found'},
    {name: 'NaN', query: 'canary_success_ratio / 0 - canary_success_ratio / 0', reason: 'no values found (NaN)'},
    {name: 'a query error', query: 'sum(', reason: 'query failed: bad_data'},
  ])('$name fails the gate (Flagger semantics)', async ({query, reason}) => {
    const {run} = await gatedRelease('prom-empty', ['--query', query, '--min', '0'])
    expect(run.code).toBe(3)
    expect(run.stderr).toContain(`aborting: analysis failed (1/1): prometheus ${query}: ${reason}`)
  })
})
