import {RESOURCES} from '@kubeline/core'
import type {KubeObject} from '@kubeline/core'
import {runPlugin} from '@kubeline/sandbox/e2e'
import {describe, expect, test} from 'vitest'
import {deployment, settledDeployment} from '../fixtures/deployments.js'
import {fakeGatewayController} from '../fixtures/fake-gateway-controller.js'
import {imagesOf, replicasOf, useRolloutE2e, watchedDuring} from '../fixtures/rollout-e2e.js'
import {httpRoute, service} from '../fixtures/traffic-objects.js'

const e2e = useRolloutE2e()
const IMAGE = 'web=registry.example.com/web:2'
const GATEWAY = ['--traffic', 'gateway', '--httproute', 'shop']

interface BackendRef {
  name: string
  port?: number
  weight?: number
}

async function shop(prefix: string, options: {controller?: boolean} = {}): Promise<{ns: string; stop: () => Promise<void>}> {
  const ns = await e2e.cluster().createNamespace(prefix)
  await e2e.cluster().apply([deployment('web', {replicas: 4}), service('web'), service('cdn'), httpRoute('shop', 'web'), httpRoute('static', 'cdn')], ns)
  await settledDeployment(e2e.cluster().client, 'web', ns)
  const controller = options.controller === false ? undefined : fakeGatewayController(e2e.cluster().client, ns, 'shop')
  return {ns, stop: async () => controller?.stop()}
}

const refsOf = (route: KubeObject | undefined): BackendRef[] => (route?.spec as {rules: {backendRefs: BackendRef[]}[]}).rules[0]?.backendRefs ?? []
const route = async (ns: string): Promise<KubeObject> => await e2e.cluster().client.get(RESOURCES.httproutes, 'shop', {namespace: ns})
const findService = async (name: string, ns: string): Promise<KubeObject | undefined> => await e2e.cluster().client.find(RESOURCES.services, name, {namespace: ns})
const selectorOf = (object: KubeObject | undefined): Record<string, string> => (object?.spec as {selector: Record<string, string>}).selector

/** Patches of the route itself, not of its status (the fake controller's); sandbox only. */
const routeSpecPatches = (ns: string): number | undefined =>
  e2e.cluster().sandbox?.requests.entries({verb: 'patch', resource: 'httproutes', namespace: ns, name: 'shop'}).filter((request) => request.subresource === undefined).length

/** The backendRefs of the route's first rule after each change while `during` runs. */
async function refsDuring(ns: string, during: () => Promise<void>): Promise<BackendRef[][]> {
  return (await watchedDuring(e2e, RESOURCES.httproutes, 'shop', ns, during)).map((event) => refsOf(event.object))
}

describe('rollout-canary --traffic gateway', () => {
  test('start: canary backendRef added, weights set in one patch per step, accepted by the Gateway', async () => {
    const {ns, stop} = await shop('gw-start')
    const sandbox = e2e.cluster().sandbox
    sandbox?.requests.clear()
    const run = await e2e.rollout(['start', 'web', '-n', ns, '--image', IMAGE, ...GATEWAY, '--steps', '25,50', '-o', 'json'])
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toMatchObject({phase: 'Paused', step: 1, desiredWeight: 25, actualWeight: 25, traffic: 'gateway', stable: {replicas: 4}, canary: {replicas: 1}})
    expect(refsOf(await route(ns))).toEqual([{name: 'web', port: 80, weight: 75}, {name: 'web-canary', port: 80, weight: 25}])
    expect(selectorOf(await findService('web-canary', ns))).toEqual({app: 'web', 'kubeline.dev/track': 'canary'})
    expect(selectorOf(await findService('web', ns))).toEqual({app: 'web', 'pod-template-hash': expect.any(String)})
    // The canary backendRef at weight 0, then the step's weights: one patch each, nothing on the other route.
    if (sandbox) {
      expect(routeSpecPatches(ns)).toBe(2)
      expect(sandbox.requests.count({verb: 'patch', resource: 'httproutes', namespace: ns, name: 'static'})).toBe(0)
      sandbox.requests.clear()
    }
    const step = await e2e.rollout(['resume', 'web', '-n', ns, '-o', 'json'])
    expect(JSON.parse(step.stdout)).toMatchObject({phase: 'Paused', step: 2, desiredWeight: 50, canary: {replicas: 2}})
    expect(refsOf(await route(ns))).toEqual([{name: 'web', port: 80, weight: 50}, {name: 'web-canary', port: 80, weight: 50}])
    if (sandbox) expect(routeSpecPatches(ns)).toBe(1)
    // list shows the weight on the route, read with one list request of HTTPRoutes.
    sandbox?.requests.clear()
    const list = await e2e.rollout(['list', '-n', ns, '-o', 'json'])
    expect(JSON.parse(list.stdout)).toMatchObject({items: [{name: 'web', status: {desiredWeight: 50, actualWeight: 50}}]})
    if (sandbox) expect([sandbox.requests.count({verb: 'list', resource: 'httproutes', namespace: ns}), sandbox.requests.count({verb: 'get', resource: 'httproutes'})]).toEqual([1, 0])
    await stop()
  })

  test('resume --wait promotes: route back to the stable Service only, canary Service removed, stable Service unpinned', async () => {
    const {ns, stop} = await shop('gw-resume')
    expect((await e2e.rollout(['start', 'web', '-n', ns, '--image', IMAGE, ...GATEWAY, '--steps', '50'])).code).toBe(0)
    const end = await e2e.rollout(['resume', 'web', '-n', ns, '--wait'])
    expect(end.code).toBe(0)
    expect(end.stdout).toContain('Healthy (step 2 of 2)')
    expect(refsOf(await route(ns))).toEqual([{name: 'web', port: 80, weight: 100}])
    expect(await findService('web-canary', ns)).toBeUndefined()
    expect(selectorOf(await findService('web', ns))).toEqual({app: 'web'})
    const stable = await e2e.read('web', ns)
    expect([replicasOf(stable), imagesOf(stable)]).toEqual([4, ['registry.example.com/web:2']])
    expect(await e2e.read('web-canary', ns)).toBeUndefined()
    await stop()
  })

  test('abort: canary weight 0 first, then the canary backendRef and Service removed; exit 3', async () => {
    const {ns, stop} = await shop('gw-abort')
    expect((await e2e.rollout(['start', 'web', '-n', ns, '--image', IMAGE, ...GATEWAY, '--steps', '50'])).code).toBe(0)
    let run = {code: -1, stdout: '', stderr: ''}
    const seen = await refsDuring(ns, async () => {
      run = await e2e.rollout(['abort', 'web', '-n', ns])
    })
    expect(run.code).toBe(3)
    const canaryWeights = seen.map((refs) => refs.find((ref) => ref.name === 'web-canary')?.weight ?? 'removed')
    expect(canaryWeights.filter((weight, index) => weight !== canaryWeights[index - 1])).toEqual([50, 0, 'removed'])
    expect(refsOf(await route(ns))).toEqual([{name: 'web', port: 80, weight: 100}])
    expect(await findService('web-canary', ns)).toBeUndefined()
    expect(await e2e.read('web-canary', ns)).toBeUndefined()
    expect(imagesOf(await e2e.read('web', ns))).toEqual(['registry.example.com/web:1'])
    await stop()
  })

  test('no Gateway controller reports status: the step waits for acceptance until --timeout (exit 1)', async () => {
    const {ns} = await shop('gw-nostatus', {controller: false})
    const run = await e2e.rollout(['start', 'web', '-n', ns, '--image', IMAGE, ...GATEWAY, '--steps', '50', '--timeout', '8s'])
    expect(run.code).toBe(1)
    // 8 s: the canary's pod must be ready first (about 1 s on a loaded machine) for the wait to reach the router.
    expect(run.stderr).toContain('timed out after 8s: waiting for the router to accept weight 50%')
    expect(refsOf(await route(ns))).toEqual([{name: 'web', port: 80, weight: 50}, {name: 'web-canary', port: 80, weight: 50}])
  })

  test('a driver killed while it waits for the Gateway: resume --wait converges once a controller reports', async () => {
    const {ns} = await shop('gw-kill', {controller: false})
    const args = ['start', 'web', '-n', ns, '--image', IMAGE, ...GATEWAY, '--steps', '50', '--pause', '0', '--wait']
    // Without a controller the driver waits at the step's weight for good: killed there (SIGKILL, 128 + 9).
    const killed = await runPlugin('kubectl-rollout_canary', args, {kubeconfig: e2e.cluster().kubeconfigPath, timeoutMs: 8000})
    expect(killed.code).toBe(137)
    expect(refsOf(await route(ns))).toEqual([{name: 'web', port: 80, weight: 50}, {name: 'web-canary', port: 80, weight: 50}])
    const controller = fakeGatewayController(e2e.cluster().client, ns, 'shop')
    const run = await e2e.rollout(['resume', 'web', '-n', ns, '--wait'])
    await controller.stop()
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('Healthy (step 2 of 2)')
    expect(refsOf(await route(ns))).toEqual([{name: 'web', port: 80, weight: 100}])
    expect(await findService('web-canary', ns)).toBeUndefined()
    expect(selectorOf(await findService('web', ns))).toEqual({app: 'web'})
  })

  test('--route-status ignore: no controller needed; the write counts as applied', async () => {
    const {ns} = await shop('gw-ignore', {controller: false})
    const run = await e2e.rollout(['start', 'web', '-n', ns, '--image', IMAGE, ...GATEWAY, '--route-status', 'ignore', '--steps', '50', '--pause', '0', '--wait'])
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('Healthy')
    expect(refsOf(await route(ns))).toEqual([{name: 'web', port: 80, weight: 100}])
  })

  test.each([
    {name: 'unknown HTTPRoute', args: ['--traffic', 'gateway', '--httproute', 'nope'], message: 'httproutes.gateway.networking.k8s.io "nope" not found'},
    {name: 'route not to the stable pods', args: ['--traffic', 'gateway', '--httproute', 'static'], message: 'HTTPRoute static routes to no Service that selects the pods of Deployment web (its Services: cdn)'},
    {name: 'gateway without --httproute', args: ['--traffic', 'gateway'], message: '--traffic gateway needs --httproute NAME'},
    {name: 'bad --route-status', args: [...GATEWAY, '--route-status', 'maybe'], message: 'invalid --route-status "maybe": expected one of wait, ignore'},
    {name: '--httproute with nginx', args: ['--traffic', 'nginx', '--ingress', 'x', '--httproute', 'shop'], message: '--httproute is only for --traffic gateway'},
  ])('bad input ($name) exits 2 and writes nothing', async ({args, message}) => {
    const {ns, stop} = await shop('gw-bad', {controller: false})
    const before = [await e2e.read('web', ns), await route(ns)]
    const run = await e2e.rollout(['start', 'web', '-n', ns, '--image', IMAGE, ...args])
    expect(run.stderr).toContain(message)
    expect(run.code).toBe(2)
    expect([(await e2e.read('web', ns))?.metadata.resourceVersion, (await route(ns)).metadata.resourceVersion]).toEqual(before.map((object) => object?.metadata.resourceVersion))
    expect(await findService('web-canary', ns)).toBeUndefined()
    await stop()
  })
})
