import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, test} from 'vitest'
import {namespaceWithWeb} from '../fixtures/namespace-with-web.js'
import {replicasOf, useRolloutE2e} from '../fixtures/rollout-e2e.js'

const e2e = useRolloutE2e()
const scratch = mkdtempSync(path.join(tmpdir(), 'rollout-check-'))
afterAll(() => rmSync(scratch, {recursive: true, force: true}))

let badInputWeb: Promise<string> | undefined

const start = (ns: string, ...more: string[]) => e2e.rollout(['start', 'web', '-n', ns, '--image', 'web=registry.example.com/web:2', '--steps', '50', '--pause', '0', ...more])

describe('rollout-canary --check gates', () => {
  test('a passing check lets the release promote; its output goes to stderr, not stdout; it sees the release in its environment', async () => {
    const ns = await namespaceWithWeb(e2e, 'check-pass')
    const run = await start(ns, '--wait', '-o', 'json', '--check', 'echo "smoke ok at $KUBELINE_WEIGHT% of $KUBELINE_DEPLOYMENT/$KUBELINE_CANARY in $KUBELINE_NAMESPACE"')
    expect(run.code).toBe(0)
    expect(run.stderr).toContain(`smoke ok at 50% of web/web-canary in ${ns}`)
    expect(run.stdout).not.toContain('smoke ok at 50%')
    const status = JSON.parse(run.stdout)
    expect(status).toMatchObject({phase: 'Healthy', desiredWeight: 100, actualWeight: 100, analysisFailures: 0})
    expect(status.analysis).toMatchObject({failureLimit: 1, gates: [expect.stringMatching(/^check echo/)], last: {step: 0, passed: true, results: [{passed: true, reason: 'exit 0'}]}})
    expect(await e2e.read('web-canary', ns)).toBeUndefined()
  })

  test('a failing check aborts after --failure-limit rounds, --interval apart: exit 3, stable back at 4, canary removed', async () => {
    const ns = await namespaceWithWeb(e2e, 'check-fail')
    const began = Date.now()
    // The command prints "smoke 7 failed", a text its own label does not contain, to count its runs.
    const run = await start(ns, '--wait', '--check', 'echo "smoke $((6+1)) failed"; exit 7', '--failure-limit', '2', '--interval', '1s')
    expect(run.code).toBe(3)
    expect(Date.now() - began).toBeGreaterThan(1000)
    expect(run.stderr.match(/smoke 7 failed/g)).toHaveLength(2)
    expect(run.stdout).not.toContain('smoke 7 failed')
    expect(run.stderr).toContain('aborting: analysis failed (2/2): check echo "smoke $((6+1)) failed"; exit 7: exit 7')
    expect(run.stdout).toContain('deployment.apps/web: Aborted')
    expect(run.stdout).toMatch(/analysis: 2 of 2 failed rounds allowed; last round failed at step 1/)
    expect(run.stdout).toContain('FAIL  check echo "smoke $((6+1)) failed"; exit 7: exit 7')
    const stable = await e2e.read('web', ns)
    expect(replicasOf(stable)).toBe(4)
    expect(stable?.metadata.annotations?.['kubeline.dev/rollout-analysis-failures']).toBe('2')
    expect(await e2e.read('web-canary', ns)).toBeUndefined()
  })

  test('a check past --analysis-timeout is killed and fails the gate', async () => {
    const ns = await namespaceWithWeb(e2e, 'check-timeout')
    const began = Date.now()
    const run = await start(ns, '--wait', '--check', 'sleep 30', '--analysis-timeout', '1s')
    expect(run.code).toBe(3)
    expect(Date.now() - began).toBeLessThan(20_000)
    expect(run.stderr).toContain('analysis failed (1/1): check sleep 30: timed out after 1s')
  })

  test('the gates live in the release: resume (from anywhere, without the flags) runs the same check', async () => {
    const ns = await namespaceWithWeb(e2e, 'check-resume')
    const marker = path.join(scratch, `${ns}-ready`)
    const started = await e2e.rollout(['start', 'web', '-n', ns, '--image', 'web=registry.example.com/web:2', '--steps', '50', '--check', `test -f ${marker}`])
    expect(started.code).toBe(0)
    expect(started.stdout).toContain('Paused (step 1 of 2)')
    const gates = JSON.parse((await e2e.read('web', ns))?.metadata.annotations?.['kubeline.dev/rollout-analysis'] ?? '{}')
    expect(gates).toEqual({failureLimit: 1, intervalMs: 60_000, gates: [{kind: 'check', command: `test -f ${marker}`, timeoutMs: 30_000}]})
    writeFileSync(marker, '')
    const resumed = await e2e.rollout(['resume', 'web', '-n', ns, '--wait'])
    expect(resumed.stderr).toContain(`analysis: passed: check test -f ${marker}: exit 0`)
    expect(resumed.code).toBe(0)
    expect(resumed.stdout).toContain('deployment.apps/web: Healthy (step 2 of 2)')
  })

  test.each([
    {name: '--min without a query', flags: ['--min', '1']},
    {name: '--query without --prometheus', flags: ['--query', 'up', '--min', '1']},
    {name: 'credentials in the Prometheus URL', flags: ['--prometheus', 'http://admin:pw@127.0.0.1:9', '--query', 'up', '--min', '1']},
    {name: 'failure limit 0', flags: ['--check', 'true', '--failure-limit', '0']},
    {name: 'failure limit not a number', flags: ['--check', 'true', '--failure-limit', 'many']},
    {name: '--interval without a gate', flags: ['--interval', '1s']},
    {name: 'a bad --interval', flags: ['--check', 'true', '--interval', 'often']},
    {name: 'min above max', flags: ['--prometheus', 'http://127.0.0.1:9', '--query', 'up', '--min', '2', '--max', '1']},
  ])('$name: exit 2, nothing written', async ({flags}) => {
    // Nothing is written, so the rows can share one Deployment.
    badInputWeb ??= namespaceWithWeb(e2e, 'check-bad')
    const ns = await badInputWeb
    const before = await e2e.read('web', ns)
    const run = await start(ns, ...flags)
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/error/i)
    const after = await e2e.read('web', ns)
    expect(after?.metadata.resourceVersion).toBe(before?.metadata.resourceVersion)
    expect(await e2e.read('web-canary', ns)).toBeUndefined()
  })
})
