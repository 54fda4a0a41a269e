import {describe, expect, test} from 'vitest'
import {namespaceWithWeb} from '../fixtures/namespace-with-web.js'
import {shownOnStderr, useRolloutE2e} from '../fixtures/rollout-e2e.js'

const e2e = useRolloutE2e()

async function pausedRelease(prefix: string, steps = '25,50', pause = 'manual'): Promise<string> {
  const ns = await namespaceWithWeb(e2e, prefix)
  const start = await e2e.rollout(['start', 'web', '-n', ns, '--image', 'web=registry.example.com/web:2', '--steps', steps, '--pause', pause])
  expect(start.code).toBe(0)
  return ns
}

let badFlagsRelease: Promise<string> | undefined

/** Setup only: until the annotation has the value (the release under test is driven by another process). */
async function whenAnnotated(name: string, namespace: string, key: string, wanted: (value: string | undefined) => boolean): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    if (wanted((await e2e.read(name, namespace))?.metadata.annotations?.[key])) return
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`annotation ${key} of ${namespace}/${name} never got the wanted value`)
}

describe('rollout-canary status --watch', () => {
  test('follows a release driven elsewhere to Healthy: exit 0, a line per change on stderr, the final status on stdout', async () => {
    const ns = await pausedRelease('watch-healthy', '25,50', '1s')
    const paused = shownOnStderr(/^Paused: step 1 of 3/m)
    const watching = e2e.rollout(['status', 'web', '-n', ns, '--watch', '-o', 'json', '--timeout', '60s'], {onStderr: paused.observe})
    await Promise.race([paused.shown, watching])
    const resumed = await e2e.rollout(['resume', 'web', '-n', ns, '--wait'])
    expect(resumed.code).toBe(0)
    const run = await watching
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toMatchObject({phase: 'Healthy', desiredWeight: 100, actualWeight: 100})
    expect(run.stderr).toMatch(/^Paused: step 1 of 3, weight 25% \(actual 25%\)/m)
    expect(run.stderr).toMatch(/^Healthy: step 3 of 3, weight 100% \(actual 100%\)/m)
    expect(run.stderr.split('\n').filter((line) => /^\w+: step/.test(line)).length).toBeGreaterThan(2)
  })

  test('--until paused ends at the next pause: here a user pause that stops a gate retrying', async () => {
    const ns = await namespaceWithWeb(e2e, 'watch-paused')
    const driving = e2e.rollout(['start', 'web', '-n', ns, '--image', 'web=registry.example.com/web:2', '--steps', '25,50', '--pause', '0', '--wait',
      '--check', 'false', '--failure-limit', '100', '--interval', '1s'])
    await whenAnnotated('web', ns, 'kubeline.dev/rollout-analysis-failures', (value) => Number(value) >= 1)
    const retrying = shownOnStderr(/^Progressing: step 1 of 3, weight 25% .*analysis failed/m)
    const watching = e2e.rollout(['status', 'web', '-n', ns, '--watch', '--until', 'paused'], {onStderr: retrying.observe})
    await Promise.race([retrying.shown, watching])
    expect((await e2e.rollout(['pause', 'web', '-n', ns])).code).toBe(0)
    const run = await watching
    expect(run.code).toBe(0)
    expect(run.stderr).toMatch(/^Progressing: step 1 of 3, weight 25% .*analysis failed/m)
    expect(run.stdout).toContain('deployment.apps/web: Paused (step 1 of 3)')
    expect((await driving).code).toBe(0)
  })

  test('exits 3 when the release is aborted while watched', async () => {
    const ns = await pausedRelease('watch-abort')
    // The abort only once the watcher has shown the paused release: a fixed sleep let a slow-starting watcher
    // first read the release already Aborted, and the test passed without watching anything.
    const paused = shownOnStderr(/^Paused: step 1 of 3/m)
    const watching = e2e.rollout(['status', 'web', '-n', ns, '-w', '--until', 'healthy'], {onStderr: paused.observe})
    await Promise.race([paused.shown, watching])
    expect((await e2e.rollout(['abort', 'web', '-n', ns])).code).toBe(3)
    const run = await watching
    expect(run.code).toBe(3)
    expect(run.stderr).toMatch(/^Paused: step 1 of 3/m)
    expect(run.stdout).toContain('deployment.apps/web: Aborted')
  })

  test('exits 1 at --timeout, having watched rather than polled', async () => {
    const ns = await pausedRelease('watch-timeout')
    const gets = () => e2e.cluster().sandbox?.requests.count({verb: 'get', resource: 'deployments', namespace: ns})
    const watches = () => e2e.cluster().sandbox?.requests.count({verb: 'watch', resource: 'deployments', namespace: ns})
    const [getsBefore, watchesBefore] = [gets(), watches()]
    const began = Date.now()
    const run = await e2e.rollout(['status', 'web', '-n', ns, '--watch', '--timeout', '3s'])
    expect(run.code).toBe(1)
    expect(Date.now() - began).toBeGreaterThanOrEqual(3000)
    expect(run.stderr).toContain('timed out after 3s waiting for deployment.apps/web to be healthy (phase Paused)')
    if (getsBefore !== undefined && watchesBefore !== undefined) {
      // Two reads of both Deployments (before and after the wait) and one watch of each, not a read every so often.
      expect((gets() ?? 0) - getsBefore).toBe(4)
      expect((watches() ?? 0) - watchesBefore).toBe(2)
    }
  })

  test.each([
    {name: '--until without --watch', args: ['--until', 'paused'], flag: '--until'},
    {name: '--timeout without --watch', args: ['--timeout', '1m'], flag: '--timeout'},
    {name: 'an unknown --until', args: ['--watch', '--until', 'done'], flag: '--until'},
    {name: 'a bad --timeout', args: ['--watch', '--timeout', 'soon'], flag: '--timeout'},
  ])('$name: exit 2', async ({args, flag}) => {
    // Refused before any request: the rows can share one release.
    badFlagsRelease ??= pausedRelease('watch-bad')
    const ns = await badFlagsRelease
    const run = await e2e.rollout(['status', 'web', '-n', ns, ...args])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(flag)
  })
})
