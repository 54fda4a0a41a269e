import {RESOURCES} from '@kubeline/core'
import type {KubeObject} from '@kubeline/core'
import {describe, expect, test} from 'vitest'
import {deployment, settledDeployment} from '../fixtures/deployments.js'
import {imagesOf, replicasOf, useRolloutE2e, watchedDuring} from '../fixtures/rollout-e2e.js'
import {ingress, service} from '../fixtures/traffic-objects.js'

const e2e = useRolloutE2e()
const IMAGE = 'web=registry.example.com/web:2'

async function shop(prefix: string): Promise<string> {
  const ns = await e2e.cluster().createNamespace(prefix)
  await e2e.cluster().apply([deployment('web', {replicas: 4}), service('web'), service('cdn'), ingress('shop', 'web')], ns)
  await settledDeployment(e2e.cluster().client, 'web', ns)
  return ns
}

const find = async (type: typeof RESOURCES.ingresses | typeof RESOURCES.services, name: string, ns: string): Promise<KubeObject | undefined> =>
  await e2e.cluster().client.find(type, name, {namespace: ns})
const annotationsOf = (object: KubeObject | undefined): Record<string, string> | undefined => object?.metadata.annotations
const selectorOf = (object: KubeObject | undefined): Record<string, string> => (object?.spec as {selector: Record<string, string>}).selector

/** Every canary-weight the canary Ingress shows while `during` runs, and whether it was then deleted. */
async function canaryWeightsDuring(ns: string, during: () => Promise<void>): Promise<{weights: string[]; deleted: boolean}> {
  const events = await watchedDuring(e2e, RESOURCES.ingresses, 'shop-canary', ns, during)
  const kept = events.filter((event) => event.type !== 'DELETED')
  return {weights: kept.map((event) => annotationsOf(event.object)?.['nginx.ingress.kubernetes.io/canary-weight'] ?? ''), deleted: kept.length < events.length}
}

describe('rollout-canary --traffic nginx', () => {
  test('start: canary Service on canary pods, canary Ingress at the step weight, canary at ceil(N*w), stable kept at N', async () => {
    const ns = await shop('nginx-start')
    const sandbox = e2e.cluster().sandbox
    sandbox?.requests.clear()
    const run = await e2e.rollout(['start', 'web', '-n', ns, '--image', IMAGE, '--traffic', 'nginx', '--ingress', 'shop', '--steps', '30,60', '-o', 'json'])
    expect(run.stderr).toContain('release started, steps 30,60,100')
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toMatchObject({phase: 'Paused', step: 1, desiredWeight: 30, actualWeight: 30, traffic: 'nginx', stable: {replicas: 4}, canary: {replicas: 2}})
    const canaryIngress = await find(RESOURCES.ingresses, 'shop-canary', ns)
    expect(annotationsOf(canaryIngress)).toEqual({'nginx.ingress.kubernetes.io/canary': 'true', 'nginx.ingress.kubernetes.io/canary-weight': '30'})
    expect((canaryIngress?.spec as {rules: unknown[]}).rules).toEqual([
      {host: 'shop.example.com', http: {paths: [{path: '/', pathType: 'Prefix', backend: {service: {name: 'web-canary', port: {number: 80}}}}]}},
    ])
    expect(selectorOf(await find(RESOURCES.services, 'web-canary', ns))).toEqual({app: 'web', 'kubeline.dev/track': 'canary'})
    // The stable Service is pinned to the stable pods, so that the canary pods get only the canary Ingress's share.
    expect(selectorOf(await find(RESOURCES.services, 'web', ns))).toEqual({app: 'web', 'pod-template-hash': expect.any(String)})
    expect(replicasOf(await e2e.read('web', ns))).toBe(4)
    if (sandbox) {
      expect(sandbox.requests.count({verb: 'patch', resource: 'ingresses', namespace: ns})).toBe(1)
      // One write per object for the weight change: the canary's replicas, then the canary Ingress's weight.
      expect(sandbox.requests.count({verb: 'patch', resource: 'deployments', namespace: ns, name: 'web-canary'})).toBe(1)
      expect(sandbox.requests.count({verb: 'create', resource: 'ingresses', namespace: ns})).toBe(1)
      expect(sandbox.requests.count({verb: 'create', resource: 'services', namespace: ns})).toBe(1)
      // Waiting is watching, not polling: a handful of reads of the stable Deployment, not one per 100 ms.
      expect(sandbox.requests.count({verb: 'get', resource: 'deployments', namespace: ns, name: 'web'})).toBeLessThan(15)
    }
  })

  test('status --watch and list show the routed weight (the canary Ingress), not the replica ratio; list reads Ingresses in one request', async () => {
    const ns = await shop('nginx-observe')
    expect((await e2e.rollout(['start', 'web', '-n', ns, '--image', IMAGE, '--traffic', 'nginx', '--ingress', 'shop', '--steps', '30,60'])).code).toBe(0)
    const watched = await e2e.rollout(['status', 'web', '-n', ns, '--watch', '--until', 'paused', '-o', 'json'])
    expect(watched.code).toBe(0)
    expect(JSON.parse(watched.stdout)).toMatchObject({phase: 'Paused', desiredWeight: 30, actualWeight: 30})
    expect(watched.stderr).toMatch(/^Paused: step 1 of 3, weight 30% \(actual 30%\)/m)
    const sandbox = e2e.cluster().sandbox
    sandbox?.requests.clear()
    const list = await e2e.rollout(['list', '-n', ns])
    expect(list.code).toBe(0)
    expect(list.stdout).toMatch(/^web\s+Paused\s+1\/3\s+30%\/30%\s+web-canary$/m)
    if (sandbox) {
      expect(sandbox.requests.count({verb: 'list', resource: 'ingresses', namespace: ns})).toBe(1)
      expect(sandbox.requests.count({verb: 'get', resource: 'ingresses'})).toBe(0)
      expect(sandbox.requests.count({verb: 'list', resource: 'httproutes'})).toBe(0)
    }
  })

  test('resume steps the weight; resume --wait promotes and removes the canary Ingress and Service', async () => {
    const ns = await shop('nginx-resume')
    expect((await e2e.rollout(['start', 'web', '-n', ns, '--image', IMAGE, '--traffic', 'nginx', '--ingress', 'shop', '--steps', '25,50'])).code).toBe(0)
    const step = await e2e.rollout(['resume', 'web', '-n', ns, '-o', 'json'])
    expect(step.code).toBe(0)
    expect(JSON.parse(step.stdout)).toMatchObject({phase: 'Paused', step: 2, desiredWeight: 50, stable: {replicas: 4}, canary: {replicas: 2}})
    expect(annotationsOf(await find(RESOURCES.ingresses, 'shop-canary', ns))?.['nginx.ingress.kubernetes.io/canary-weight']).toBe('50')
    const end = await e2e.rollout(['resume', 'web', '-n', ns, '--wait'])
    expect(end.code).toBe(0)
    expect(end.stdout).toContain('Healthy (step 3 of 3)')
    const stable = await e2e.read('web', ns)
    expect([replicasOf(stable), imagesOf(stable)]).toEqual([4, ['registry.example.com/web:2']])
    expect(await e2e.read('web-canary', ns)).toBeUndefined()
    expect(await find(RESOURCES.ingresses, 'shop-canary', ns)).toBeUndefined()
    expect(await find(RESOURCES.services, 'web-canary', ns)).toBeUndefined()
    expect(selectorOf(await find(RESOURCES.services, 'web', ns))).toEqual({app: 'web'})
    expect(annotationsOf(await find(RESOURCES.ingresses, 'shop', ns))).toEqual({'nginx.ingress.kubernetes.io/proxy-body-size': '8m'})
  })

  test('promote --full: stable takes the new template, then the canary objects go', async () => {
    const ns = await shop('nginx-promote')
    expect((await e2e.rollout(['start', 'web', '-n', ns, '--image', IMAGE, '--traffic', 'nginx', '--ingress', 'shop', '--steps', '10'])).code).toBe(0)
    const run = await e2e.rollout(['promote', 'web', '-n', ns, '--full'])
    expect(run.code).toBe(0)
    expect(imagesOf(await e2e.read('web', ns))).toEqual(['registry.example.com/web:2'])
    expect(await find(RESOURCES.ingresses, 'shop-canary', ns)).toBeUndefined()
    expect(await find(RESOURCES.services, 'web-canary', ns)).toBeUndefined()
    expect(selectorOf(await find(RESOURCES.services, 'web', ns))).toEqual({app: 'web'})
  })

  test('abort sets the canary weight to 0 first, then removes the canary Ingress and Service; exit 3', async () => {
    const ns = await shop('nginx-abort')
    expect((await e2e.rollout(['start', 'web', '-n', ns, '--image', IMAGE, '--traffic', 'nginx', '--ingress', 'shop', '--steps', '50'])).code).toBe(0)
    let run = {code: -1, stdout: '', stderr: ''}
    const seen = await canaryWeightsDuring(ns, async () => {
      run = await e2e.rollout(['abort', 'web', '-n', ns])
    })
    expect(run.code).toBe(3)
    expect(seen.weights.at(-1)).toBe('0')
    expect(seen.deleted).toBe(true)
    expect(await find(RESOURCES.services, 'web-canary', ns)).toBeUndefined()
    expect(await e2e.read('web-canary', ns)).toBeUndefined()
    const stable = await e2e.read('web', ns)
    expect([replicasOf(stable), imagesOf(stable)]).toEqual([4, ['registry.example.com/web:1']])
    expect(selectorOf(await find(RESOURCES.services, 'web', ns))).toEqual({app: 'web'})
  })

  test('--weight-total scales canary-weight to it', async () => {
    const ns = await shop('nginx-total')
    expect((await e2e.rollout(['start', 'web', '-n', ns, '--image', IMAGE, '--traffic', 'nginx', '--ingress', 'shop', '--weight-total', '1000', '--steps', '5'])).code).toBe(0)
    expect(annotationsOf(await find(RESOURCES.ingresses, 'shop-canary', ns))).toMatchObject({
      'nginx.ingress.kubernetes.io/canary-weight': '50',
      'nginx.ingress.kubernetes.io/canary-weight-total': '1000',
    })
    expect(replicasOf(await e2e.read('web-canary', ns))).toBe(1)
  })

  test.each([
    {name: 'unknown Ingress', args: ['--traffic', 'nginx', '--ingress', 'nope'], message: 'ingresses.networking.k8s.io "nope" not found'},
    {name: 'Ingress not routing to the stable pods', args: ['--traffic', 'nginx', '--ingress', 'other'], message: 'Ingress other routes to no Service that selects the pods of Deployment web (its Services: cdn)'},
    {name: 'nginx without --ingress', args: ['--traffic', 'nginx'], message: '--traffic nginx needs --ingress NAME'},
    {name: '--ingress in replica mode', args: ['--ingress', 'shop'], message: '--ingress is only for --traffic nginx'},
    {name: 'unknown traffic mode', args: ['--traffic', 'istio'], message: 'invalid --traffic "istio"'},
    {name: 'canary Ingress name taken', args: ['--traffic', 'nginx', '--ingress', 'taken'], message: 'Ingress taken-canary exists and was not made by kubectl rollout-canary'},
  ])('bad input ($name) exits 2 and writes nothing', async ({args, message}) => {
    const ns = await shop('nginx-bad')
    await e2e.cluster().apply([ingress('other', 'cdn'), ingress('taken', 'web'), ingress('taken-canary', 'web')], ns)
    const before = await e2e.read('web', ns)
    const run = await e2e.rollout(['start', 'web', '-n', ns, '--image', IMAGE, ...args])
    expect(run.stderr).toContain(message)
    expect(run.code).toBe(2)
    expect((await e2e.read('web', ns))?.metadata.resourceVersion).toBe(before?.metadata.resourceVersion)
    expect(await e2e.read('web-canary', ns)).toBeUndefined()
    expect(await find(RESOURCES.services, 'web-canary', ns)).toBeUndefined()
    expect(await find(RESOURCES.ingresses, 'shop-canary', ns)).toBeUndefined()
  })
})
