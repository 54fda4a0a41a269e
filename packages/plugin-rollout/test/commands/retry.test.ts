import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, test} from 'vitest'
import {namespaceWithWeb} from '../fixtures/namespace-with-web.js'
import {imagesOf, replicasOf, useRolloutE2e} from '../fixtures/rollout-e2e.js'

const e2e = useRolloutE2e()
const scratch = mkdtempSync(path.join(tmpdir(), 'rollout-retry-'))
afterAll(() => rmSync(scratch, {recursive: true, force: true}))

const TEMPLATE_HASH = 'kubeline.dev/canary-template-hash'

describe('rollout-canary retry', () => {
  test('after abort, starts over at step 1 with the same canary template', async () => {
    const ns = await namespaceWithWeb(e2e, 'retry')
    expect((await e2e.rollout(['start', 'web', '-n', ns, '--image', 'web=registry.example.com/web:2', '--steps', '25,50'])).code).toBe(0)
    expect((await e2e.rollout(['promote', 'web', '-n', ns])).code).toBe(0)
    const hash = (await e2e.read('web-canary', ns))?.metadata.annotations?.[TEMPLATE_HASH]
    expect((await e2e.rollout(['abort', 'web', '-n', ns])).code).toBe(3)
    const run = await e2e.rollout(['retry', 'web', '-n', ns, '-o', 'json'])
    expect(run.code).toBe(0)
    expect(run.stderr).toContain('deployment.apps/web: retry (phase Progressing)')
    expect(JSON.parse(run.stdout)).toMatchObject({phase: 'Paused', step: 1, steps: 3, desiredWeight: 25, actualWeight: 25, message: '', canary: {replicas: 1, images: ['registry.example.com/web:2']}})
    expect((await e2e.read('web-canary', ns))?.metadata.annotations?.[TEMPLATE_HASH]).toBe(hash)
    const done = await e2e.rollout(['promote', 'web', '-n', ns, '--full'])
    expect(done.code).toBe(0)
    expect(imagesOf(await e2e.read('web', ns))).toEqual(['registry.example.com/web:2'])
  })

  test('a release aborted by its gate retries with the same gate, failures counted from 0', async () => {
    const ns = await namespaceWithWeb(e2e, 'retry-gate')
    const marker = path.join(scratch, ns)
    const failed = await e2e.rollout(['start', 'web', '-n', ns, '--image', 'web=registry.example.com/web:2', '--steps', '50', '--pause', '0', '--wait', '--check', `test -f ${marker}`])
    expect(failed.code).toBe(3)
    expect(replicasOf(await e2e.read('web', ns))).toBe(4)
    writeFileSync(marker, '')
    const run = await e2e.rollout(['retry', 'web', '-n', ns, '--wait', '-o', 'json'])
    expect(run.stderr).toContain(`analysis: passed: check test -f ${marker}: exit 0`)
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toMatchObject({phase: 'Healthy', analysisFailures: 0, analysis: {last: {passed: true}}})
  })

  test('a release still under way: exit 2, nothing written', async () => {
    const ns = await namespaceWithWeb(e2e, 'retry-bad')
    expect((await e2e.rollout(['start', 'web', '-n', ns, '--image', 'web=registry.example.com/web:2', '--steps', '50'])).code).toBe(0)
    const before = await e2e.read('web', ns)
    const run = await e2e.rollout(['retry', 'web', '-n', ns])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('cannot retry a release in phase Paused (allowed in Aborted, Degraded)')
    expect((await e2e.read('web', ns))?.metadata.resourceVersion).toBe(before?.metadata.resourceVersion)
  })

  test('a Deployment without a release: exit 2', async () => {
    const ns = await namespaceWithWeb(e2e, 'retry-none')
    const run = await e2e.rollout(['retry', 'web', '-n', ns])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('Deployment web has no release')
  })
})
