import {RESOURCES} from '@kubeline/core'
import {describe, expect, test} from 'vitest'
import {deployment, settledDeployment} from '../fixtures/deployments.js'
import {REAL_CLUSTER_ENV} from '@kubeline/sandbox/e2e'
import {imagesOf, replicasOf, useRolloutE2e, watchedDuring, whenCreated} from '../fixtures/rollout-e2e.js'

const e2e = useRolloutE2e()

/** Every spec.replicas the stable Deployment takes while `during` runs, from a watch. */
async function stableReplicasDuring(name: string, namespace: string, during: () => Promise<void>): Promise<number[]> {
  return (await watchedDuring(e2e, RESOURCES.deployments, name, namespace, during)).map((event) => replicasOf(event.object))
}

async function startedAt25(name: string, namespace: string): Promise<void> {
  await e2e.cluster().apply([deployment(name, {replicas: 4, progressDeadlineSeconds: 3})], namespace)
  await settledDeployment(e2e.cluster().client, name, namespace)
  const start = await e2e.rollout(['start', name, '-n', namespace, '--image', 'web=registry.example.com/web:2', '--steps', '25,50'])
  expect(start.code).toBe(0)
}

describe('rollout-canary promote, resume and abort', () => {
  test('promote moves to the next step; promote --full finishes the release', async () => {
    const ns = await e2e.cluster().createNamespace('promote')
    await startedAt25('web', ns)
    const step = await e2e.rollout(['promote', 'web', '-n', ns, '-o', 'json'])
    expect(step.code).toBe(0)
    expect(JSON.parse(step.stdout)).toMatchObject({phase: 'Paused', step: 2, desiredWeight: 50, actualWeight: 50, stable: {replicas: 2}, canary: {replicas: 2}})
    const full = await e2e.rollout(['promote', 'web', '-n', ns, '--full'])
    expect(full.code).toBe(0)
    expect(full.stdout).toContain('deployment.apps/web: Healthy (step 3 of 3)')
    expect(imagesOf(await e2e.read('web', ns))).toEqual(['registry.example.com/web:2'])
    expect(replicasOf(await e2e.read('web', ns))).toBe(4)
    expect(await e2e.read('web-canary', ns)).toBeUndefined()
  })

  test('resume --wait carries a manual-pause release on to Healthy', async () => {
    const ns = await e2e.cluster().createNamespace('resume')
    await startedAt25('web', ns)
    const run = await e2e.rollout(['resume', 'web', '-n', ns])
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('Paused (step 2 of 3)')
    const wait = await e2e.rollout(['resume', 'web', '-n', ns, '--wait'])
    expect(wait.code).toBe(0)
    expect(wait.stdout).toContain('Healthy (step 3 of 3)')
  })

  test('abort restores the stable Deployment and removes the canary, never scaling stable to 0; exits 3', async () => {
    const ns = await e2e.cluster().createNamespace('abort')
    await startedAt25('web', ns)
    let run = {code: -1, stdout: '', stderr: ''}
    const seen = await stableReplicasDuring('web', ns, async () => {
      run = await e2e.rollout(['abort', 'web', '-n', ns])
    })
    expect(run.code).toBe(3)
    expect(run.stdout).toContain('deployment.apps/web: Aborted')
    expect(seen.length).toBeGreaterThan(0)
    expect(Math.min(...seen)).toBeGreaterThan(0)
    const stable = await e2e.read('web', ns)
    expect(replicasOf(stable)).toBe(4)
    expect(imagesOf(stable)).toEqual(['registry.example.com/web:1'])
    expect(await e2e.read('web-canary', ns)).toBeUndefined()
    expect((await e2e.rollout(['status', 'web', '-n', ns])).code).toBe(3)
  })

  test('a canary whose pods never become ready passes its progress deadline: the release aborts itself (exit 3)', async () => {
    const ns = await e2e.cluster().createNamespace('unready')
    await e2e.cluster().apply([deployment('web', {replicas: 4, progressDeadlineSeconds: 3})], ns)
    await settledDeployment(e2e.cluster().client, 'web', ns)
    const started = e2e.rollout(['start', 'web', '-n', ns, '--image', 'web=registry.example.com/web:2', '--steps', '50', '--pause', '1h', '--wait'])
    // The sandbox's readiness annotation, on the canary only: its new pods stay unready (a bad build).
    await whenCreated(e2e, 'web-canary', ns)
    const unready = {spec: {template: {metadata: {annotations: {'sandbox.kubeline.dev/ready': 'false'}}}}}
    await e2e.cluster().client.patch(RESOURCES.deployments, 'web-canary', unready, {namespace: ns})
    const run = await started
    expect(run.stderr).toContain('aborting: canary web-canary exceeded its progress deadline')
    expect(run.code).toBe(3)
    expect(replicasOf(await e2e.read('web', ns))).toBe(4)
    expect(await e2e.read('web-canary', ns)).toBeUndefined()
  })

  test('abort while start --wait drives: both drivers converge on Aborted through guarded writes', async () => {
    const ns = await e2e.cluster().createNamespace('race')
    await e2e.cluster().apply([deployment('web', {replicas: 4})], ns)
    await settledDeployment(e2e.cluster().client, 'web', ns)
    const started = e2e.rollout(['start', 'web', '-n', ns, '--image', 'web=registry.example.com/web:2', '--steps', '50', '--pause', '1h', '--wait'])
    await whenCreated(e2e, 'web-canary', ns)
    const abort = await e2e.rollout(['abort', 'web', '-n', ns])
    expect(abort.code).toBe(3)
    const start = await started
    expect(start.code).toBe(3)
    expect(start.stdout).toContain('deployment.apps/web: Aborted')
    expect(replicasOf(await e2e.read('web', ns))).toBe(4)
    expect(await e2e.read('web-canary', ns)).toBeUndefined()
  })

  test('a change made while another holder drives is recorded and left to that driver', async () => {
    const ns = await e2e.cluster().createNamespace('locked')
    await startedAt25('web', ns)
    const until = new Date(Date.now() + 600_000).toISOString()
    const lock = {metadata: {annotations: {'kubeline.dev/rollout-lock-holder': 'ci@runner', 'kubeline.dev/rollout-lock-expires-at': until}}}
    await e2e.cluster().client.patch(RESOURCES.deployments, 'web', lock, {namespace: ns})
    const run = await e2e.rollout(['promote', 'web', '-n', ns, '-o', 'json'])
    expect(run.code).toBe(0)
    expect(run.stderr).toContain('ci@runner is driving this release')
    expect(JSON.parse(run.stdout)).toMatchObject({phase: 'Progressing', step: 2, desiredWeight: 50, actualWeight: 25, lastChange: {what: 'promote'}})
    expect(replicasOf(await e2e.read('web-canary', ns))).toBe(1)
  })
})

// A driver cut off after recording the end of the release (Healthy or Aborted) but before removing the canary
// left it running, and no command could finish the job: resume, promote and abort were refused in those phases.
describe.runIf(process.env[REAL_CLUSTER_ENV] === undefined)('rollout-canary resume after a driver cut off at the end (sandbox faults)', () => {
  test.each([
    {name: 'promotion', end: ['promote', 'web', '--full'], phase: 'Healthy', code: 0, image: 'registry.example.com/web:2'},
    {name: 'abort', end: ['abort', 'web'], phase: 'Aborted', code: 3, image: 'registry.example.com/web:1'},
  ])('$name: resume removes the canary the cut-off driver left', async ({end, phase, code, image}) => {
    const ns = await e2e.cluster().createNamespace('cut-off')
    await startedAt25('web', ns)
    // The canary's delete fails once: the driver stops there with exit 1, as if killed at that point.
    e2e.cluster().sandbox?.faults.add({match: {verb: 'delete', resource: 'deployments', namespace: ns, name: 'web-canary'}, effect: {kind: 'error', status: 503}, times: 1})
    const cut = await e2e.rollout([...end, '-n', ns])
    expect(cut.code).toBe(1)
    const resumed = await e2e.rollout(['resume', 'web', '-n', ns, '-o', 'json'])
    expect(resumed.stderr).not.toContain('cannot resume')
    expect(resumed.code).toBe(code)
    expect(JSON.parse(resumed.stdout)).toMatchObject({phase, stable: {replicas: 4, images: [image]}})
    expect(JSON.parse(resumed.stdout).canary).toBeUndefined()
    expect(await e2e.read('web-canary', ns)).toBeUndefined()
  })
})
