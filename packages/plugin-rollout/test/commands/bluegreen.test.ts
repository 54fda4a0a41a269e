import {RESOURCES} from '@kubeline/core'
import type {KubeObject} from '@kubeline/core'
import {describe, expect, test} from 'vitest'
import {deployment, settledDeployment} from '../fixtures/deployments.js'
import {imagesOf, replicasOf, useRolloutE2e} from '../fixtures/rollout-e2e.js'
import {service} from '../fixtures/traffic-objects.js'

const e2e = useRolloutE2e()
const IMAGE = 'web=registry.example.com/web:2'

async function shop(prefix: string): Promise<string> {
  const ns = await e2e.cluster().createNamespace(prefix)
  await e2e.cluster().apply([deployment('web', {replicas: 3}), service('web'), service('cdn')], ns)
  await settledDeployment(e2e.cluster().client, 'web', ns)
  return ns
}

async function started(prefix: string): Promise<string> {
  const ns = await shop(prefix)
  const run = await e2e.rollout(['bluegreen', 'start', 'web', '-n', ns, '--image', IMAGE, '--service', 'web', '--preview-service', 'web-preview'])
  expect(run.code).toBe(0)
  return ns
}

const findService = async (name: string, ns: string): Promise<KubeObject | undefined> => await e2e.cluster().client.find(RESOURCES.services, name, {namespace: ns})
const selectorOf = (object: KubeObject | undefined): Record<string, string> | undefined => (object?.spec as {selector?: Record<string, string>} | undefined)?.selector
const GREEN = {app: 'web', 'kubeline.dev/track': 'green'}

describe('rollout-canary bluegreen', () => {
  test('start: full-size green beside blue, the Service pinned to blue, a preview Service on green', async () => {
    const ns = await shop('bg-start')
    const run = await e2e.rollout(['bluegreen', 'start', 'web', '-n', ns, '--image', IMAGE, '--service', 'web', '--preview-service', 'web-preview', '-o', 'json'])
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toMatchObject({
      kind: 'RolloutBlueGreenStatus',
      inProgress: true,
      active: 'blue',
      service: 'web',
      previewService: 'web-preview',
      blue: {name: 'web', replicas: 3, images: ['registry.example.com/web:1']},
      green: {name: 'web-green', replicas: 3, available: 3, images: ['registry.example.com/web:2']},
    })
    expect(selectorOf(await findService('web', ns))).toEqual({app: 'web', 'pod-template-hash': expect.any(String)})
    expect(selectorOf(await findService('web-preview', ns))).toEqual(GREEN)
    const again = await e2e.rollout(['bluegreen', 'start', 'web', '-n', ns, '--image', IMAGE, '--service', 'web', '--preview-service', 'web-preview'])
    expect(again.code).toBe(0)
    const other = await e2e.rollout(['bluegreen', 'start', 'web', '-n', ns, '--image', 'web=registry.example.com/web:3', '--service', 'web'])
    expect(other.code).toBe(2)
    expect(other.stderr).toContain('Deployment web already has a blue/green release (green web-green, blue serves)')
  })

  test('switch moves the Service to green in one patch; rollback moves it back', async () => {
    const ns = await started('bg-switch')
    const sandbox = e2e.cluster().sandbox
    sandbox?.requests.clear()
    const run = await e2e.rollout(['bluegreen', 'switch', 'web', '-n', ns])
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('deployment.apps/web: green serves')
    expect(selectorOf(await findService('web', ns))).toEqual(GREEN)
    if (sandbox) expect(sandbox.requests.count({verb: 'patch', resource: 'services', namespace: ns})).toBe(1)
    const back = await e2e.rollout(['bluegreen', 'rollback', 'web', '-n', ns])
    expect(back.code).toBe(0)
    expect(selectorOf(await findService('web', ns))).toEqual({app: 'web', 'pod-template-hash': expect.any(String)})
  })

  test('finish after a switch: the stable Deployment takes the green template, the Service its own selector, green goes', async () => {
    const ns = await started('bg-finish')
    expect((await e2e.rollout(['bluegreen', 'switch', 'web', '-n', ns])).code).toBe(0)
    const run = await e2e.rollout(['bluegreen', 'finish', 'web', '-n', ns, '--scale-down-delay', '0', '-o', 'json'])
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toMatchObject({inProgress: false, active: 'green', blue: {name: 'web', replicas: 3, images: ['registry.example.com/web:2']}})
    const stable = await e2e.read('web', ns)
    expect([replicasOf(stable), imagesOf(stable)]).toEqual([3, ['registry.example.com/web:2']])
    expect((stable?.spec as {template: {metadata: {labels: Record<string, string>}}}).template.metadata.labels).toEqual({app: 'web'})
    expect(stable?.metadata.annotations?.['kubeline.dev/bluegreen']).toBeUndefined()
    expect(selectorOf(await findService('web', ns))).toEqual({app: 'web'})
    expect(await e2e.read('web-green', ns)).toBeUndefined()
    expect(await findService('web-preview', ns)).toBeUndefined()
  })

  test('finish while blue serves: green is removed, blue untouched', async () => {
    const ns = await started('bg-keep-blue')
    const run = await e2e.rollout(['bluegreen', 'finish', 'web', '-n', ns])
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('blue/green release finished')
    expect(imagesOf(await e2e.read('web', ns))).toEqual(['registry.example.com/web:1'])
    expect(await e2e.read('web-green', ns)).toBeUndefined()
    expect(selectorOf(await findService('web', ns))).toEqual({app: 'web'})
  })

  test('finish waits for --scale-down-delay after the switch (exit 1 at --timeout, nothing retired)', async () => {
    const ns = await started('bg-delay')
    expect((await e2e.rollout(['bluegreen', 'switch', 'web', '-n', ns])).code).toBe(0)
    const run = await e2e.rollout(['bluegreen', 'finish', 'web', '-n', ns, '--scale-down-delay', '1h', '--timeout', '2s'])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('timed out after 2s: scale-down delay: green serves')
    expect(imagesOf(await e2e.read('web', ns))).toEqual(['registry.example.com/web:1'])
    expect(replicasOf(await e2e.read('web-green', ns))).toBe(3)
  })

  // The canary would get no traffic (the Service is pinned to blue) and its promotion would leave the Service on no pod.
  test('a canary start during a blue/green release is refused (exit 2) and writes nothing', async () => {
    const ns = await started('bg-then-canary')
    const before = (await e2e.read('web', ns))?.metadata.annotations
    const run = await e2e.rollout(['start', 'web', '-n', ns, '--image', 'web=registry.example.com/web:3'])
    expect(run.stderr).toContain('Deployment web has a blue/green release under way')
    expect(run.code).toBe(2)
    expect((await e2e.read('web', ns))?.metadata.annotations).toEqual(before)
    expect(await e2e.read('web-canary', ns)).toBeUndefined()
  })

  // retry recreates the canary as start does: the same reasons to refuse it.
  test('retry of an aborted canary release during a blue/green release is refused (exit 2) and writes nothing', async () => {
    const ns = await shop('bg-then-retry')
    expect((await e2e.rollout(['start', 'web', '-n', ns, '--image', 'web=registry.example.com/web:3', '--steps', '50'])).code).toBe(0)
    expect((await e2e.rollout(['abort', 'web', '-n', ns])).code).toBe(3)
    expect((await e2e.rollout(['bluegreen', 'start', 'web', '-n', ns, '--image', IMAGE, '--service', 'web'])).code).toBe(0)
    const before = (await e2e.read('web', ns))?.metadata.annotations
    const run = await e2e.rollout(['retry', 'web', '-n', ns])
    expect(run.stderr).toContain('Deployment web has a blue/green release under way')
    expect(run.code).toBe(2)
    expect((await e2e.read('web', ns))?.metadata.annotations).toEqual(before)
    expect(await e2e.read('web-canary', ns)).toBeUndefined()
  })

  // finish would copy the green template into a Deployment that never rolls it out (waiting until --timeout).
  test('start on a paused Deployment is refused (exit 2) and writes nothing', async () => {
    const ns = await shop('bg-paused')
    await e2e.cluster().client.patch(RESOURCES.deployments, 'web', {spec: {paused: true}}, {namespace: ns})
    const run = await e2e.rollout(['bluegreen', 'start', 'web', '-n', ns, '--image', IMAGE, '--service', 'web', '--timeout', '20s'])
    expect(run.stderr).toContain('Deployment web is paused (spec.paused)')
    expect(run.code).toBe(2)
    expect(Object.keys((await e2e.read('web', ns))?.metadata.annotations ?? {}).filter((key) => key.startsWith('kubeline.dev/'))).toEqual([])
    expect(selectorOf(await findService('web', ns))).toEqual({app: 'web'})
    expect(await e2e.read('web-green', ns)).toBeUndefined()
  })

  test.each([
    {name: 'unknown Service', args: ['start', 'web', '--image', IMAGE, '--service', 'nope'], message: 'services "nope" not found'},
    {name: 'Service not in front of the Deployment', args: ['start', 'web', '--image', IMAGE, '--service', 'cdn'], message: 'Service cdn does not select the pods of Deployment web'},
    {name: 'preview Service name taken', args: ['start', 'web', '--image', IMAGE, '--service', 'web', '--preview-service', 'cdn'], message: 'Service cdn already exists'},
    {name: 'switch without a release', args: ['switch', 'web'], message: 'Deployment web has no blue/green release'},
    {name: 'bad --scale-down-delay', args: ['finish', 'web', '--scale-down-delay', 'soon'], message: '--scale-down-delay'},
  ])('bad input ($name) exits 2 and writes nothing', async ({args, message}) => {
    const ns = await shop('bg-bad')
    const before = [await e2e.read('web', ns), await findService('web', ns)].map((object) => object?.metadata.resourceVersion)
    const run = await e2e.rollout(['bluegreen', ...args, '-n', ns])
    expect(run.stderr).toContain(message)
    expect(run.code).toBe(2)
    expect([await e2e.read('web', ns), await findService('web', ns)].map((object) => object?.metadata.resourceVersion)).toEqual(before)
    expect(await e2e.read('web-green', ns)).toBeUndefined()
  })
})
