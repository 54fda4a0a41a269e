import {describe, expect, test} from 'vitest'
import {deployment, settledDeployment} from '../fixtures/deployments.js'
import {imagesOf, replicasOf, useRolloutE2e} from '../fixtures/rollout-e2e.js'

const e2e = useRolloutE2e()

describe('rollout-canary start', () => {
  test('--wait drives through timed pauses to Healthy: stable runs the new image at its original replicas, canary gone', async () => {
    const ns = await e2e.cluster().createNamespace('start-wait')
    await e2e.cluster().apply([deployment('web', {replicas: 4})], ns)
    const run = await e2e.rollout(['start', 'web', '-n', ns, '--image', 'web=registry.example.com/web:2', '--steps', '25,50', '--pause', '1s', '--wait', '-o', 'json'])
    expect(run.stderr).toContain('release started, steps 25,50,100')
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toMatchObject({kind: 'RolloutCanaryStatus', phase: 'Healthy', step: 3, steps: 3, stable: {replicas: 4, images: ['registry.example.com/web:2']}})
    const stable = await e2e.read('web', ns)
    expect(imagesOf(stable)).toEqual(['registry.example.com/web:2'])
    expect(replicasOf(stable)).toBe(4)
    expect((stable?.spec as {template: {metadata: {labels: Record<string, string>}}}).template.metadata.labels).toEqual({app: 'web'})
    expect(await e2e.read('web-canary', ns)).toBeUndefined()
    expect(stable?.metadata.annotations?.['kubeline.dev/rollout-phase']).toBe('Healthy')
    expect(stable?.metadata.annotations?.['kubeline.dev/rollout-lock-holder']).toBeUndefined()
  })

  test('without --wait returns at the first step; status -o json shows it mid-release', async () => {
    const ns = await e2e.cluster().createNamespace('start-step')
    await e2e.cluster().apply([deployment('web', {replicas: 4})], ns)
    const run = await e2e.rollout(['start', 'web', '-n', ns, '--image', 'registry.example.com/web:2', '--steps', '25,50'])
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('deployment.apps/web: Paused (step 1 of 3)')
    const status = await e2e.rollout(['status', 'web', '-n', ns, '-o', 'json'])
    expect(status.code).toBe(0)
    expect(JSON.parse(status.stdout)).toMatchObject({
      phase: 'Paused',
      step: 1,
      steps: 3,
      desiredWeight: 25,
      actualWeight: 25,
      traffic: 'replicas',
      stable: {name: 'web', replicas: 3, ready: 3, images: ['registry.example.com/web:1']},
      canary: {name: 'web-canary', replicas: 1, ready: 1, images: ['registry.example.com/web:2']},
    })
    const list = await e2e.rollout(['list', '-n', ns])
    expect(list.stdout).toMatch(/^NAME\s+PHASE\s+STEP\s+WEIGHT\s+CANARY\nweb\s+Paused\s+1\/3\s+25%\/25%\s+web-canary\n$/)
  })

  test('--timeout ends the wait with exit 1 and leaves the release recorded', async () => {
    const ns = await e2e.cluster().createNamespace('start-timeout')
    await e2e.cluster().apply([deployment('web', {replicas: 2})], ns)
    const run = await e2e.rollout(['start', 'web', '-n', ns, '--image', 'web=registry.example.com/web:2', '--steps', '50', '--pause', '1h', '--wait', '--timeout', '8s'])
    expect(run.code).toBe(1)
    // 8 s: the canary's pod must be ready first (about 1 s on a loaded machine) for the wait to end in the pause.
    expect(run.stderr).toMatch(/timed out after 8s: paused at 50% until /)
    expect(JSON.parse((await e2e.rollout(['status', 'web', '-n', ns, '-o', 'json'])).stdout)).toMatchObject({phase: 'Paused', desiredWeight: 50, canary: {replicas: 1}})
  })

  test('a second start while a release is under way is refused (exit 2) and changes nothing', async () => {
    const ns = await e2e.cluster().createNamespace('start-twice')
    await e2e.cluster().apply([deployment('web', {replicas: 2})], ns)
    expect((await e2e.rollout(['start', 'web', '-n', ns, '--image', 'web=registry.example.com/web:2', '--steps', '50'])).code).toBe(0)
    const before = await e2e.read('web', ns)
    const again = await e2e.rollout(['start', 'web', '-n', ns, '--image', 'web=registry.example.com/web:3'])
    expect(again.code).toBe(2)
    expect(again.stderr).toContain('Deployment web already has a release in phase Paused')
    expect((await e2e.read('web', ns))?.metadata.resourceVersion).toBe(before?.metadata.resourceVersion)
  })

  // Both used to record the release: a paused stable waited for canary pods until --timeout (exit 1),
  // a foreign web-canary left the release Degraded (exit 3) with the stranger shown as its canary.
  test.each([
    {name: 'a paused Deployment', objects: [{...deployment('web', {replicas: 2}), spec: {...deployment('web', {replicas: 2}).spec as object, paused: true}}], message: 'Deployment web is paused (spec.paused)'},
    {name: 'a web-canary made by someone else', objects: [deployment('web', {replicas: 2}), deployment('web-canary', {replicas: 1})], message: 'Deployment web-canary exists and was not made for this release'},
  ])('$name: refused with exit 2, nothing written', async ({objects, message}) => {
    const ns = await e2e.cluster().createNamespace('start-refused')
    await e2e.cluster().apply(objects, ns)
    const canaryBefore = await e2e.read('web-canary', ns)
    const run = await e2e.rollout(['start', 'web', '-n', ns, '--image', 'web=registry.example.com/web:2', '--timeout', '20s'])
    expect(run.stderr).toContain(message)
    expect(run.code).toBe(2)
    // The controllers keep writing status here (a paused Deployment never settles): compare what only we would write.
    const recorded = Object.keys((await e2e.read('web', ns))?.metadata.annotations ?? {}).filter((key) => key.startsWith('kubeline.dev/'))
    expect(recorded).toEqual([])
    const canaryAfter = await e2e.read('web-canary', ns)
    expect([canaryAfter?.spec, canaryAfter?.metadata.annotations]).toEqual([canaryBefore?.spec, canaryBefore?.metadata.annotations])
  })

  test.each([
    {name: 'unknown Deployment', args: ['start', 'nope', '--image', 'web=x:2'], message: 'deployments.apps "nope" not found'},
    {name: 'unknown container', args: ['start', 'multi', '--image', 'db=x:2'], message: 'Deployment multi has no container "db"'},
    {name: 'image without a container, several containers', args: ['start', 'multi', '--image', 'x:2'], message: 'has 2 containers (web, sidecar)'},
    {name: 'weight above 100', args: ['start', 'multi', '--image', 'web=x:2', '--steps', '10,150'], message: 'weight 150 is outside 0-100'},
    {name: 'steps not increasing', args: ['start', 'multi', '--image', 'web=x:2', '--steps', '50,20'], message: 'weights must increase, but 20 follows 50'},
    {name: 'bad pause', args: ['start', 'multi', '--image', 'web=x:2', '--pause', 'soon'], message: 'invalid --pause "soon"'},
  ])('bad input ($name) exits 2 and writes nothing', async ({args, message}) => {
    const ns = await e2e.cluster().createNamespace('start-bad')
    await e2e.cluster().apply([deployment('multi', {replicas: 2, containers: ['web', 'sidecar']})], ns)
    const created = await settledDeployment(e2e.cluster().client, 'multi', ns)
    const run = await e2e.rollout([...args, '-n', ns])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(message)
    expect(run.stderr).not.toMatch(/\n\s+at /)
    expect((await e2e.read('multi', ns))?.metadata.resourceVersion).toBe(created?.metadata.resourceVersion)
    expect(await e2e.read('multi-canary', ns)).toBeUndefined()
  })
})
