import {RESOURCES} from '@kubeline/core'
import {describe, expect, test} from 'vitest'
import {deployment, settledDeployment} from '../fixtures/deployments.js'
import {replicasOf, useRolloutE2e} from '../fixtures/rollout-e2e.js'
import {hpa, ingress, service} from '../fixtures/traffic-objects.js'

const e2e = useRolloutE2e()
const IMAGE = 'web=registry.example.com/web:2'

async function autoscaled(prefix: string): Promise<string> {
  const ns = await e2e.cluster().createNamespace(prefix)
  await e2e.cluster().apply([deployment('web', {replicas: 4}), hpa('web', 'web', 2, 8), service('web'), ingress('shop', 'web')], ns)
  await settledDeployment(e2e.cluster().client, 'web', ns)
  return ns
}

async function boundsOf(ns: string): Promise<{minReplicas: number; maxReplicas: number}> {
  const object = await e2e.cluster().client.get(RESOURCES.horizontalpodautoscalers, 'web', {namespace: ns})
  const {minReplicas, maxReplicas} = object.spec as {minReplicas: number; maxReplicas: number}
  return {minReplicas, maxReplicas}
}

describe('rollout-canary and a HorizontalPodAutoscaler on the stable Deployment', () => {
  test('replica mode refuses an autoscaled Deployment (exit 2), explains why, and writes nothing', async () => {
    const ns = await autoscaled('hpa-refuse')
    const before = await e2e.read('web', ns)
    const run = await e2e.rollout(['start', 'web', '-n', ns, '--image', IMAGE])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('Deployment web is scaled by HorizontalPodAutoscaler web (2-8 replicas): a replica-mode release moves')
    expect(run.stderr).toContain('--hpa adjust')
    expect((await e2e.read('web', ns))?.metadata.resourceVersion).toBe(before?.metadata.resourceVersion)
    expect(await e2e.read('web-canary', ns)).toBeUndefined()
  })

  test('--hpa adjust scales the bounds with the stable share, and abort restores them', async () => {
    const ns = await autoscaled('hpa-abort')
    const run = await e2e.rollout(['start', 'web', '-n', ns, '--image', IMAGE, '--hpa', 'adjust', '--steps', '50'])
    expect(run.code).toBe(0)
    expect(replicasOf(await e2e.read('web', ns))).toBe(2)
    expect(await boundsOf(ns)).toEqual({minReplicas: 1, maxReplicas: 4})
    expect((await e2e.rollout(['abort', 'web', '-n', ns])).code).toBe(3)
    expect(await boundsOf(ns)).toEqual({minReplicas: 2, maxReplicas: 8})
    expect(replicasOf(await e2e.read('web', ns))).toBe(4)
  })

  test('--hpa adjust: promotion restores the original bounds', async () => {
    const ns = await autoscaled('hpa-promote')
    expect((await e2e.rollout(['start', 'web', '-n', ns, '--image', IMAGE, '--hpa', 'adjust', '--steps', '25'])).code).toBe(0)
    expect(await boundsOf(ns)).toEqual({minReplicas: 2, maxReplicas: 6})
    expect((await e2e.rollout(['promote', 'web', '-n', ns, '--full'])).code).toBe(0)
    expect(await boundsOf(ns)).toEqual({minReplicas: 2, maxReplicas: 8})
    expect(await e2e.read('web-canary', ns)).toBeUndefined()
  })

  test('a router mode keeps the stable Deployment at its replicas: the HPA is left alone', async () => {
    const ns = await autoscaled('hpa-router')
    const run = await e2e.rollout(['start', 'web', '-n', ns, '--image', IMAGE, '--traffic', 'nginx', '--ingress', 'shop', '--steps', '50'])
    expect(run.code).toBe(0)
    expect(await boundsOf(ns)).toEqual({minReplicas: 2, maxReplicas: 8})
    expect(replicasOf(await e2e.read('web', ns))).toBe(4)
  })

  test('a bad --hpa exits 2', async () => {
    const ns = await autoscaled('hpa-bad')
    const run = await e2e.rollout(['start', 'web', '-n', ns, '--image', IMAGE, '--hpa', 'ignore'])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('invalid --hpa "ignore": expected one of refuse, adjust')
    expect(await e2e.read('web-canary', ns)).toBeUndefined()
  })
})
