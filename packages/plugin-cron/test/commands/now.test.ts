import {execFile, spawn} from 'node:child_process'
import path from 'node:path'
import {promisify} from 'node:util'
import {RESOURCES} from '@kubeline/core'
import type {KubeObject} from '@kubeline/core'
import {pluginEntry, runPlugin, startE2eCluster} from '@kubeline/sandbox/e2e'
import type {E2eCluster} from '@kubeline/sandbox/e2e'
import {afterAll, beforeAll, describe, expect, onTestFinished, test} from 'vitest'
import {cronJob} from '../fixtures/cron-jobs.js'

let cluster: E2eCluster
beforeAll(async () => {
  cluster = await startE2eCluster()
})
afterAll(async () => cluster?.stop())

const cron = (args: string[]) => runPlugin('kubectl-cron_trigger', args, {kubeconfig: cluster.kubeconfigPath, timeoutMs: 120_000})

async function jobsIn(namespace: string): Promise<KubeObject[]> {
  return (await cluster.client.list(RESOURCES.jobs, {namespace})).items
}

describe('cron-trigger now', () => {
  test('--wait --logs streams the logs to stdout and exits 0 on success', async () => {
    const ns = await cluster.createNamespace('now-ok')
    await cluster.apply([cronJob('report', {logLines: ['starting report', 'rows: 42', 'done']})], ns)
    const run = await cron(['now', 'report', '-n', ns, '--wait', '--logs'])
    expect(run.stdout).toBe('starting report\nrows: 42\ndone\n')
    expect(run.stderr).toMatch(/job\.batch\/report-manual-[a-z0-9]{5} created/)
    expect(run.stderr).toMatch(/succeeded \(/)
    expect(run.code).toBe(0)
  })

  test('a failing Job exits 3 with the reason', async () => {
    const ns = await cluster.createNamespace('now-fail')
    await cluster.apply([cronJob('broken', {logLines: ['error: db unreachable'], exitCode: 1})], ns)
    const run = await cron(['now', 'broken', '-n', ns, '--wait'])
    expect(run.code).toBe(3)
    expect(run.stderr).toContain('failed: BackoffLimitExceeded')
    expect(run.stdout).toMatch(/^job\.batch\/broken-manual-[a-z0-9]{5} created\n$/)
  })

  test('--logs shows a retried pod after the failed attempt, marked on stderr', async () => {
    const ns = await cluster.createNamespace('now-retry')
    const flaky = cronJob('flaky', {logLines: ['attempting'], exitCode: 1})
    ;(flaky.spec as {jobTemplate: {spec: {backoffLimit: number}}}).jobTemplate.spec.backoffLimit = 1
    await cluster.apply([flaky], ns)
    const run = await cron(['now', 'flaky', '-n', ns, '--logs'])
    expect(run.code).toBe(3)
    expect(run.stdout).toBe('attempting\nattempting\n')
    expect(run.stderr).toMatch(/--- pod\/flaky-manual-[a-z0-9]{5}-\S+ \(attempt 2\)/)
  })

  // As kubectl wait --timeout: one deadline for all the Jobs, so a CI step ends when it says it will.
  test('--timeout bounds the whole wait, not each Job in turn', async () => {
    const ns = await cluster.createNamespace('now-deadline')
    await cluster.apply(['a', 'b', 'c'].map((name) => cronJob(name, {logLines: ['x'], durationSeconds: 60})), ns)
    const started = Date.now()
    const run = await cron(['now', '-l', 'tier=batch', '-n', ns, '--wait', '--timeout', '4s'])
    expect(run.code).toBe(1)
    expect(run.stderr.match(/did not finish within --timeout/g)).toHaveLength(3)
    expect(Date.now() - started).toBeLessThan(10_000) // one Job after another would take 12 s or more
  })

  test('the result is captured from the watch even when history cleanup deletes the Job at once', async () => {
    const ns = await cluster.createNamespace('now-gone')
    await cluster.apply([cronJob('ephemeral', {logLines: ['hi']}, {successfulJobsHistoryLimit: 0, failedJobsHistoryLimit: 0})], ns)
    const run = await cron(['now', 'ephemeral', '-n', ns, '--wait'])
    expect(run.code).toBe(0)
    expect(run.stderr).toContain('succeeded')
    // The sandbox's CronJob controller cleans up at once; a real one on its next sync.
    if (cluster.mode === 'sandbox') expect(await jobsIn(ns)).toEqual([])
  })

  test('NAME alone means now NAME; -o name prints the Job', async () => {
    const ns = await cluster.createNamespace('now-short')
    await cluster.apply([cronJob('quick', {logLines: ['x']})], ns)
    const run = await cron(['quick', '-n', ns, '-o', 'name'])
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^job\.batch\/quick-manual-[a-z0-9]{5}\n$/)
    expect(await jobsIn(ns)).toHaveLength(1)
  })

  test('--dry-run=client and --dry-run=server create nothing', async () => {
    const ns = await cluster.createNamespace('now-dry')
    await cluster.apply([cronJob('report', {logLines: ['x']})], ns)
    const client = await cron(['now', 'report', '-n', ns, '--dry-run=client', '-o', 'json'])
    expect(client.code).toBe(0)
    expect(JSON.parse(client.stdout)).toMatchObject({kind: 'Job', metadata: {annotations: {'cronjob.kubernetes.io/instantiate': 'manual'}}})
    const server = await cron(['now', 'report', '-n', ns, '--dry-run=server', '-o', 'name'])
    expect(server.code).toBe(0)
    expect(await jobsIn(ns)).toEqual([])
  })

  test.each(['client', 'server'])('--dry-run=%s without -o says on stdout that it was a dry run', async (dryRun) => {
    const ns = await cluster.createNamespace('now-dry-text')
    await cluster.apply([cronJob('report', {logLines: ['x']})], ns)
    const run = await cron(['now', 'report', '-n', ns, `--dry-run=${dryRun}`])
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(new RegExp(`^job\\.batch/report-manual-[a-z0-9]{5} created \\(dry run: ${dryRun}\\)\n$`))
    expect(await jobsIn(ns)).toEqual([])
  })

  // A CI log must name the Job while it runs (to find its pods), not only once it has ended.
  test('--wait prints "created" on stdout as soon as the Job exists, before it finishes', async () => {
    const ns = await cluster.createNamespace('now-early')
    const queued = cronJob('queued', {logLines: ['x']})
    // A suspended Job never finishes on its own, so anything printed came before the end.
    ;(queued.spec as {jobTemplate: {spec: {suspend: boolean}}}).jobTemplate.spec.suspend = true
    await cluster.apply([queued], ns)
    const child = spawn(process.execPath, [pluginEntry('kubectl-cron_trigger'), 'now', 'queued', '-n', ns, '--wait'], {
      env: {...process.env, KUBECONFIG: cluster.kubeconfigPath, NO_COLOR: '1'},
      stdio: ['ignore', 'pipe', 'ignore'],
    })
    onTestFinished(() => void child.kill('SIGKILL'))
    const firstLine = await new Promise<string>((resolve) => {
      let stdout = ''
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        stdout += chunk
        if (stdout.includes('\n')) resolve(stdout)
      })
    })
    expect(firstLine).toMatch(/^job\.batch\/queued-manual-[a-z0-9]{5} created\n$/)
    expect(child.exitCode).toBeNull()
  })

  test('a --job-name that is already taken fails as kubectl create job does, not "created" with the old Job', async () => {
    const ns = await cluster.createNamespace('now-taken')
    await cluster.apply([cronJob('report', {logLines: ['x']})], ns)
    expect((await cron(['now', 'report', '-n', ns, '--job-name', 'report-ci', '--wait'])).code).toBe(0)
    const again = await cron(['now', 'report', '-n', ns, '--job-name', 'report-ci', '--wait'])
    expect(again.code).toBe(1)
    expect(again.stdout).toBe('')
    expect(again.stderr).toContain('error: job.batch/report-ci already exists')
    expect(again.stderr).not.toContain('succeeded')
  })

  // `kubectl create job --from` copies jobTemplate.spec.suspend: such a Job waits for a queue (Kueue) to resume it.
  test('a Job template that is suspended is warned about: --wait would otherwise hang without a hint', async () => {
    const ns = await cluster.createNamespace('now-queued')
    const queued = cronJob('queued', {logLines: ['x']})
    ;(queued.spec as {jobTemplate: {spec: {suspend: boolean}}}).jobTemplate.spec.suspend = true
    await cluster.apply([queued], ns)
    const run = await cron(['now', 'queued', '-n', ns, '--dry-run=client', '-o', 'name'])
    expect(run.code).toBe(0)
    expect(run.stderr).toContain('Warning: cronjob.batch/queued has a suspended jobTemplate: its Job is created suspended and runs only when something resumes it (such as Kueue)')
  })

  test('a suspended CronJob can be triggered, with a warning', async () => {
    const ns = await cluster.createNamespace('now-susp')
    await cluster.apply([cronJob('paused', {logLines: ['x']}, {suspend: true})], ns)
    const run = await cron(['now', 'paused', '-n', ns])
    expect(run.code).toBe(0)
    expect(run.stderr).toContain('Warning: cronjob.batch/paused is suspended; triggering it anyway')
  })

  test.each([
    {name: 'unknown CronJob', args: ['now', 'nope'], message: 'cronjobs.batch "nope" not found'},
    {name: 'invalid --env', args: ['now', 'report', '--env', 'NOEQUALS'], message: 'invalid --env "NOEQUALS": expected KEY=VALUE'},
    {name: 'invalid --timeout', args: ['now', 'report', '--wait', '--timeout', '5x'], message: 'invalid --timeout "5x"'},
    {name: 'invalid --job-name', args: ['now', 'report', '--job-name', 'Bad_Name'], message: 'invalid --job-name "Bad_Name"'},
    {name: 'unknown -o', args: ['now', 'report', '-o', 'wide'], message: 'unable to match a printer suitable for the output format "wide"'},
    {name: '--logs with -o', args: ['now', 'report', '--logs', '-o', 'json'], message: '--logs writes the logs to stdout: it cannot be combined with -o json'},
    // Ignoring it would make a CI step that forgot --wait pass at once, whatever the Job does.
    {name: '--timeout without --wait', args: ['now', 'report', '--timeout', '10m'], message: '--timeout 10m needs --wait or --logs'},
  ])('bad input ($name) exits 2 and creates nothing', async ({args, message}) => {
    const ns = await cluster.createNamespace('now-bad')
    await cluster.apply([cronJob('report', {logLines: ['x']})], ns)
    const run = await cron([...args, '-n', ns])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(message)
    expect(run.stderr).not.toMatch(/\n\s+at /) // no stack trace
    expect(await jobsIn(ns)).toEqual([])
  })

  test('creates the same Job as kubectl create job --from=cronjob (kubectl 1.31 sends JSON)', async () => {
    const ns = await cluster.createNamespace('now-eq')
    await cluster.apply([cronJob('report', {logLines: ['x']})], ns)
    const kubectlDir = path.dirname((await promisify(execFile)('readlink', ['-f', (await promisify(execFile)('sh', ['-c', 'command -v kubectl'])).stdout.trim()])).stdout.trim())
    await promisify(execFile)(path.join(kubectlDir, 'kubectl.1.31'), ['create', 'job', 'by-kubectl', '--from=cronjob/report', '-n', ns], {
      env: {...process.env, KUBECONFIG: cluster.kubeconfigPath},
    })
    const ours = await cron(['now', 'report', '-n', ns, '--job-name', 'by-kubeline'])
    expect(ours.code).toBe(0)
    const comparable = async (name: string) => normalise(await cluster.client.get(RESOURCES.jobs, name, {namespace: ns}))
    expect(await comparable('by-kubeline')).toEqual(await comparable('by-kubectl'))
  })
})

describe.runIf(process.env.KUBELINE_E2E_KUBECONFIG === undefined)('cron-trigger now (sandbox only)', () => {
  test('waiting uses one watch, not polling, and survives a dropped stream', async () => {
    const sandbox = cluster.sandbox!
    const ns = await cluster.createNamespace('now-watch')
    await cluster.apply([cronJob('slow', {logLines: ['x'], durationSeconds: 2})], ns)
    sandbox.faults.add({match: {verb: 'watch', resource: 'jobs', namespace: ns}, effect: {kind: 'closeWatch', afterEvents: 1}, times: 1})
    const before = sandbox.requests.count({resource: 'jobs', namespace: ns, verb: 'get'})
    const run = await cron(['now', 'slow', '-n', ns, '--wait'])
    expect(run.code).toBe(0)
    expect(sandbox.requests.count({resource: 'jobs', namespace: ns, verb: 'get'}) - before).toBe(0)
    expect(sandbox.requests.count({resource: 'jobs', namespace: ns, verb: 'watch'})).toBeGreaterThanOrEqual(2)
  })
})

/**
 * What the two Jobs must share: everything but identity, timestamps, status, Go's zero values,
 * and what the API server derives from the Job's own name and uid (selector, pod labels).
 */
function normalise(job: KubeObject): unknown {
  const {name: _name, uid: _uid, resourceVersion: _rv, creationTimestamp: _ct, generation: _g, managedFields: _mf, ...metadata} = job.metadata
  const derived = new Set(['selector', 'controller-uid', 'job-name', 'batch.kubernetes.io/controller-uid', 'batch.kubernetes.io/job-name'])
  return JSON.parse(JSON.stringify({metadata, spec: job.spec}), (key, value) => {
    if (derived.has(key)) return undefined
    if (key === 'creationTimestamp' && value === null) return undefined
    if (key === 'resources' && value && typeof value === 'object' && Object.keys(value).length === 0) return undefined
    return value
  })
}
