import {describe, expect, test} from 'vitest'
import {deployment, settledDeployment} from '../fixtures/deployments.js'
import {useRolloutE2e} from '../fixtures/rollout-e2e.js'

const e2e = useRolloutE2e()

describe('rollout-canary list', () => {
  // DESIGN.md: listing commands take -l/--selector as kubectl does. It filters on the stable Deployment's labels;
  // the canary of a listed release is still found (it need not match the selector).
  test('-l keeps the releases whose stable Deployment matches, with their canary', async () => {
    const ns = await e2e.cluster().createNamespace('list-selector')
    await e2e.cluster().apply([deployment('web', {replicas: 2}), deployment('api', {replicas: 2})], ns)
    await Promise.all(['web', 'api'].map(async (name) => await settledDeployment(e2e.cluster().client, name, ns)))
    for (const name of ['web', 'api']) {
      expect((await e2e.rollout(['start', name, '-n', ns, '--image', `web=registry.example.com/${name}:2`, '--steps', '50'])).code).toBe(0)
    }
    const run = await e2e.rollout(['list', '-n', ns, '-l', 'app in (web),!kubeline.dev/track', '-o', 'json'])
    expect(run.code).toBe(0)
    const items = (JSON.parse(run.stdout) as {items: {name: string; status?: {canary?: {name: string}}}[]}).items
    expect(items.map((item) => [item.name, item.status?.canary?.name])).toEqual([['web', 'web-canary']])
  })

  test('a bad selector exits 2 naming it', async () => {
    const run = await e2e.rollout(['list', '-A', '-l', 'app in (web'])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('invalid label selector "app in (web"')
  })
})
