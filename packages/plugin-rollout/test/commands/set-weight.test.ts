import {RESOURCES} from '@kubeline/core'
import {describe, expect, test} from 'vitest'
import {deployment} from '../fixtures/deployments.js'
import {namespaceWithWeb} from '../fixtures/namespace-with-web.js'
import {imagesOf, replicasOf, useRolloutE2e} from '../fixtures/rollout-e2e.js'

const e2e = useRolloutE2e()

async function pausedAt25(prefix: string): Promise<string> {
  const ns = await namespaceWithWeb(e2e, prefix)
  const start = await e2e.rollout(['start', 'web', '-n', ns, '--image', 'web=registry.example.com/web:2', '--steps', '25,75'])
  expect(start.code).toBe(0)
  return ns
}

let badInputRelease: Promise<string> | undefined

const patchesOf = (name: string, namespace: string): number | undefined => e2e.cluster().sandbox?.requests.count({verb: 'patch', resource: 'deployments', namespace, name})

describe('rollout-canary set-weight', () => {
  test('drives to the weight and pauses there; the new weight rides on the replica writes, one canary write', async () => {
    const ns = await pausedAt25('weight')
    const seen: {replicas: number; weight?: string}[] = []
    const controller = new AbortController()
    const watching = (async () => {
      for await (const event of e2e.cluster().client.watch(RESOURCES.deployments, {namespace: ns, fieldSelector: 'metadata.name=web', signal: controller.signal})) {
        seen.push({replicas: replicasOf(event.object), weight: event.object.metadata.annotations?.['kubeline.dev/rollout-weight']})
      }
    })()
    const [stableBefore, canaryBefore] = [patchesOf('web', ns), patchesOf('web-canary', ns)]
    const run = await e2e.rollout(['set-weight', 'web', '50', '-n', ns, '-o', 'json'])
    controller.abort()
    await watching
    expect(run.code).toBe(0)
    expect(run.stderr).toContain('deployment.apps/web: set-weight 50% (phase Progressing)')
    expect(JSON.parse(run.stdout)).toMatchObject({phase: 'Paused', step: 1, desiredWeight: 50, actualWeight: 50, stable: {replicas: 2}, canary: {replicas: 2}})
    // No replica change of the stable Deployment without the new weight in the same write.
    expect(seen.filter((event) => event.replicas !== 3).every((event) => event.weight === '50')).toBe(true)
    expect(seen.some((event) => event.replicas === 2)).toBe(true)
    if (stableBefore !== undefined && canaryBefore !== undefined) {
      expect((patchesOf('web-canary', ns) ?? 0) - canaryBefore).toBe(1)
      // set-weight with the stable scale-down (the canary grows first, within the surge), then "reached 50%" with the lock let go.
      expect((patchesOf('web', ns) ?? 0) - stableBefore).toBe(2)
    }
    const next = await e2e.rollout(['resume', 'web', '-n', ns, '-o', 'json'])
    expect(JSON.parse(next.stdout)).toMatchObject({phase: 'Paused', step: 2, desiredWeight: 75})
  })

  test('set-weight 0 takes traffic off the canary without ending the release; 100 promotes', async () => {
    const ns = await pausedAt25('weight-ends')
    const zero = await e2e.rollout(['set-weight', 'web', '0', '-n', ns, '-o', 'json'])
    expect(zero.code).toBe(0)
    expect(JSON.parse(zero.stdout)).toMatchObject({phase: 'Paused', desiredWeight: 0, actualWeight: 0, stable: {replicas: 4}, canary: {replicas: 0}})
    const full = await e2e.rollout(['set-weight', 'web', '100', '-n', ns])
    expect(full.code).toBe(0)
    expect(full.stdout).toContain('deployment.apps/web: Healthy (step 3 of 3)')
    expect(full.stdout).toContain('desired 100%, actual 100%')
    expect(imagesOf(await e2e.read('web', ns))).toEqual(['registry.example.com/web:2'])
    expect(await e2e.read('web-canary', ns)).toBeUndefined()
  })

  test('another holder\'s lock: the change is left to that driver; with --force it is taken over and driven here', async () => {
    const ns = await pausedAt25('weight-force')
    const until = new Date(Date.now() + 600_000).toISOString()
    const lock = {metadata: {annotations: {'kubeline.dev/rollout-lock-holder': 'ci@runner', 'kubeline.dev/rollout-lock-expires-at': until}}}
    await e2e.cluster().client.patch(RESOURCES.deployments, 'web', lock, {namespace: ns})
    const left = await e2e.rollout(['set-weight', 'web', '50', '-n', ns, '-o', 'json'])
    expect(left.code).toBe(0)
    expect(left.stderr).toContain('ci@runner is driving this release; it carries the change out')
    expect(JSON.parse(left.stdout)).toMatchObject({phase: 'Progressing', desiredWeight: 50, canary: {replicas: 1}})
    const forced = await e2e.rollout(['set-weight', 'web', '50', '-n', ns, '--force', '-o', 'json'])
    expect(forced.code).toBe(0)
    expect(forced.stderr).toContain('took the lock over from ci@runner (--force)')
    expect(JSON.parse(forced.stdout)).toMatchObject({phase: 'Paused', desiredWeight: 50, actualWeight: 50, canary: {replicas: 2}})
    expect((await e2e.read('web', ns))?.metadata.annotations?.['kubeline.dev/rollout-lock-holder']).toBeUndefined()
  })

  test.each([
    {name: 'above 100', args: ['101']},
    {name: 'not a number', args: ['half']},
    {name: 'a fraction', args: ['12.5']},
    {name: 'a percent sign', args: ['50%']},
    {name: 'negative', args: ['-5']},
    {name: 'missing', args: []},
  ])('weight $name: exit 2, nothing written', async ({args}) => {
    // Nothing is written, so the rows can share one release.
    badInputRelease ??= pausedAt25('weight-bad')
    const ns = await badInputRelease
    const before = await e2e.read('web', ns)
    const run = await e2e.rollout(['set-weight', 'web', ...args, '-n', ns])
    expect(run.code).toBe(2)
    expect((await e2e.read('web', ns))?.metadata.resourceVersion).toBe(before?.metadata.resourceVersion)
  })

  test('on an aborted release, or a Deployment without one: exit 2, nothing written', async () => {
    const ns = await pausedAt25('weight-phase')
    expect((await e2e.rollout(['abort', 'web', '-n', ns])).code).toBe(3)
    const before = await e2e.read('web', ns)
    const run = await e2e.rollout(['set-weight', 'web', '30', '-n', ns])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('cannot set-weight a release in phase Aborted')
    expect((await e2e.read('web', ns))?.metadata.resourceVersion).toBe(before?.metadata.resourceVersion)
    await e2e.cluster().apply([deployment('api', {replicas: 2})], ns)
    const none = await e2e.rollout(['set-weight', 'api', '30', '-n', ns])
    expect(none.code).toBe(2)
    expect(none.stderr).toContain('Deployment api has no release')
  })
})
