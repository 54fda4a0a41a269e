import {describe, expect, test} from 'vitest'
import {namespaceWithWeb} from '../fixtures/namespace-with-web.js'
import {replicasOf, shownOnStderr, useRolloutE2e} from '../fixtures/rollout-e2e.js'

const e2e = useRolloutE2e()

describe('rollout-canary pause', () => {
  test('holds a release that start --wait is driving through timed pauses; resume carries on', async () => {
    const ns = await namespaceWithWeb(e2e, 'pause')
    // The pause goes in once the driver sits in step 1's timed pause. That pause is long: with a short one the
    // driver could move on to step 2 while the pause command was still starting (seconds, on a loaded machine).
    const inTimedPause = shownOnStderr(/^paused at 25% until /m)
    const driving = e2e.rollout(['start', 'web', '-n', ns, '--image', 'web=registry.example.com/web:2', '--steps', '25,50', '--pause', '1h', '--wait'],
      {onStderr: inTimedPause.observe})
    await Promise.race([inTimedPause.shown, driving])
    const paused = await e2e.rollout(['pause', 'web', '-n', ns, '-o', 'json'])
    expect(paused.code).toBe(0)
    expect(paused.stderr).toMatch(/deployment.apps\/web: paused at 25% \(step 1 of 3\)/)
    expect(JSON.parse(paused.stdout)).toMatchObject({phase: 'Paused', step: 1, desiredWeight: 25, lastChange: {what: 'pause'}})
    // The driver hears the pause through its watch and stops there (exit 0), long before its 1h pause would end.
    const driver = await driving
    expect(driver.code).toBe(0)
    expect(driver.stdout).toContain('deployment.apps/web: Paused (step 1 of 3)')
    const stable = await e2e.read('web', ns)
    expect(stable?.metadata.annotations?.['kubeline.dev/rollout-user-paused']).toBe('true')
    expect(replicasOf(await e2e.read('web-canary', ns))).toBe(1)
    const status = await e2e.rollout(['status', 'web', '-n', ns, '-o', 'json'])
    expect(JSON.parse(status.stdout)).toMatchObject({phase: 'Paused', step: 1})
    // Resume ends step 1's pause; step 2 has its own 1h pause, which the second resume ends.
    const stepped = await e2e.rollout(['resume', 'web', '-n', ns])
    expect(stepped.code).toBe(0)
    expect(stepped.stdout).toContain('deployment.apps/web: Paused (step 2 of 3)')
    const resumed = await e2e.rollout(['resume', 'web', '-n', ns, '--wait'])
    expect(resumed.code).toBe(0)
    expect(resumed.stdout).toContain('deployment.apps/web: Healthy (step 3 of 3)')
  })

  test('pausing twice is harmless', async () => {
    const ns = await namespaceWithWeb(e2e, 'pause-twice')
    expect((await e2e.rollout(['start', 'web', '-n', ns, '--image', 'web=registry.example.com/web:2', '--steps', '50'])).code).toBe(0)
    expect((await e2e.rollout(['pause', 'web', '-n', ns])).code).toBe(0)
    const again = await e2e.rollout(['pause', 'web', '-n', ns])
    expect(again.code).toBe(0)
    expect(again.stdout).toContain('deployment.apps/web: Paused (step 1 of 2)')
  })

  test.each([
    {name: 'an aborted release', setup: ['abort'], message: 'cannot pause a release in phase Aborted'},
    {name: 'a Deployment without a release', setup: [], message: 'Deployment web has no release'},
  ])('$name: exit 2, nothing written', async ({setup, message}) => {
    const ns = await namespaceWithWeb(e2e, 'pause-bad')
    if (setup.length > 0) {
      await e2e.rollout(['start', 'web', '-n', ns, '--image', 'web=registry.example.com/web:2', '--steps', '50'])
      expect((await e2e.rollout([...setup, 'web', '-n', ns])).code).toBe(3)
    }
    const before = await e2e.read('web', ns)
    const run = await e2e.rollout(['pause', 'web', '-n', ns])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(message)
    expect((await e2e.read('web', ns))?.metadata.resourceVersion).toBe(before?.metadata.resourceVersion)
  })

  test('an unknown Deployment: exit 2', async () => {
    const ns = await e2e.cluster().createNamespace('pause-missing')
    const run = await e2e.rollout(['pause', 'nope', '-n', ns])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('nope')
  })
})
