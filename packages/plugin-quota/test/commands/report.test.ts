import type {KubeObject} from '@kubeline/core'
import {runPlugin, startE2eCluster} from '@kubeline/sandbox/e2e'
import type {E2eCluster} from '@kubeline/sandbox/e2e'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'

let cluster: E2eCluster
beforeAll(async () => {
  cluster = await startE2eCluster()
})
afterAll(async () => cluster?.stop())

const quotaReport = (args: string[], kubeconfig = cluster.kubeconfigPath) => runPlugin('kubectl-quota_report', args, {kubeconfig})

function quota(name: string, hard: Record<string, string>, used: Record<string, string>): KubeObject {
  return {apiVersion: 'v1', kind: 'ResourceQuota', metadata: {name}, spec: {hard}, status: {hard, used}}
}

const limitRange: KubeObject = {
  apiVersion: 'v1',
  kind: 'LimitRange',
  metadata: {name: 'defaults'},
  spec: {limits: [{type: 'Container', default: {cpu: '500m'}, defaultRequest: {cpu: '100m'}, max: {cpu: '2'}}]},
}

function pod(name: string, requests?: Record<string, string>): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {name},
    spec: {containers: [{name: 'app', image: 'busybox:1.36', command: ['sleep', '3600'], resources: requests ? {requests, limits: requests} : {}}]},
  }
}

describe('kubectl quota-report', () => {
  test('LimitRanges are in code-unit order, as kubectl lists them, whatever the locale (Danish sorts "aa" after "z")', async () => {
    const ns = await cluster.createNamespace('order')
    const named = (name: string): KubeObject => ({...limitRange, metadata: {name}})
    await cluster.apply([named('zz-limits'), named('aa-limits'), named('ab-limits')], ns)
    const danish = await runPlugin('kubectl-quota_report', ['-n', ns, '-o', 'json'], {kubeconfig: cluster.kubeconfigPath, env: {LC_ALL: 'da_DK.UTF-8'}})
    expect(danish.stderr).toBe('')
    const report = JSON.parse(danish.stdout) as {namespaces: {limitRanges: {name: string}[]}[]}
    expect(report.namespaces[0]?.limitRanges.map((entry) => entry.name)).toEqual(['aa-limits', 'ab-limits', 'zz-limits'])
  })

  test('one namespace: exact percentages, one unit for used and hard, WARN at 80%', async () => {
    const ns = await cluster.createNamespace('quota')
    await cluster.apply([quota('compute', {'requests.cpu': '2', 'requests.memory': '1Gi', pods: '10'}, {'requests.cpu': '1700m', 'requests.memory': '512Mi', pods: '1'}), limitRange, pod('web', {cpu: '1700m', memory: '512Mi'})], ns)
    const run = await quotaReport(['-n', ns])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const lines = run.stdout.split('\n')
    expect(lines[0]).toMatch(/^QUOTA\s+RESOURCE\s+USED\s+HARD\s+PERCENT\s+USAGE\s+STATUS$/)
    expect(lines[1]).toMatch(/^compute\s+pods\s+1\s+10\s+10%\s+#\.{9}\s+OK$/)
    expect(lines[2]).toMatch(/^compute\s+requests\.cpu\s+1700m\s+2000m\s+85%\s+#########\.\s+WARN$/)
    expect(lines[3]).toMatch(/^compute\s+requests\.memory\s+512Mi\s+1024Mi\s+50%\s+#####\.{5}\s+OK$/)
    expect(run.stdout).toContain('LIMIT RANGES')
    expect(run.stdout).toMatch(/defaults\s+Container\s+cpu\s+-\s+2\s+100m\s+500m\s+-/)
  })

  test('-o json is the QuotaReport contract, with base-unit numbers', async () => {
    const ns = await cluster.createNamespace('quota-json')
    await cluster.apply([quota('compute', {'requests.cpu': '1', 'limits.memory': '2Gi'}, {'requests.cpu': '500m', 'limits.memory': '2Gi'})], ns)
    const run = await quotaReport(['-n', ns, '-o', 'json'])
    expect(run.code).toBe(3) // limits.memory is at 100%
    const doc = JSON.parse(run.stdout)
    expect(doc).toMatchObject({apiVersion: 'kubeline.dev/v1alpha1', kind: 'QuotaReport', namespace: ns, unconstrained: []})
    expect(doc.summary).toEqual({namespaces: 1, quotas: 1, ok: 1, warn: 0, full: 1, unknown: 0, breached: 1, missingRequests: 0, drift: 2, unconstrained: 0})
    expect(doc.namespaces[0].quotas[0].lines).toEqual([
      {resource: 'limits.memory', hard: '2Gi', used: '2Gi', hardValue: 2147483648, usedValue: 2147483648, percent: 100, status: 'full', breached: true},
      {resource: 'requests.cpu', hard: '1', used: '500m', hardValue: 1000, usedValue: 500, percent: 50, status: 'ok', breached: false},
    ])
    // No pods charge anything, so status.used (from the fixture) has drifted from the objects.
    expect(doc.namespaces[0].quotas[0].drift).toEqual([
      {resource: 'limits.memory', statusUsed: '2Gi', recomputed: '0'},
      {resource: 'requests.cpu', statusUsed: '500m', recomputed: '0'},
    ])
  })

  test('--fail-at 80 turns a warning into exit 3; a pod without the requests a quota needs is reported', async () => {
    const ns = await cluster.createNamespace('quota-gate')
    await cluster.apply([quota('compute', {'requests.cpu': '1'}, {'requests.cpu': '850m'}), pod('no-requests')], ns)
    expect((await quotaReport(['-n', ns])).code).toBe(0)
    const gated = await quotaReport(['-n', ns, '--fail-at', '80'])
    expect(gated.code).toBe(3)
    expect(gated.stdout).toMatch(/no-requests\s+compute\s+must specify requests\.cpu for: app/)
    expect((await quotaReport(['-n', ns, '--fail-on-missing'])).code).toBe(3)
  })

  test('a pod whose next replica a LimitRange defaults is not missing anything; --fail-on-missing passes', async () => {
    const ns = await cluster.createNamespace('quota-defaulted')
    // The pod predates the LimitRange; its next replica will get the 100m default request.
    await cluster.apply([quota('compute', {'requests.cpu': '1'}, {'requests.cpu': '0'}), limitRange, pod('legacy')], ns)
    const run = await quotaReport(['-n', ns, '--fail-on-missing', '-o', 'json'])
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout).namespaces[0].missingRequests).toEqual([])
  })

  test('-A lists namespaces without a quota or LimitRange; --no-headers prints only quota rows', async () => {
    const guarded = await cluster.createNamespace('quota-all')
    const open = await cluster.createNamespace('quota-open')
    await cluster.apply([quota('compute', {pods: '4'}, {pods: '1'}), limitRange], guarded)
    const run = await quotaReport(['-A'])
    expect(run.stderr).toBe('') // the exit code depends on the other tests' namespaces in a shared cluster
    expect(run.stdout).toMatch(new RegExp(`^${guarded}\\s+compute\\s+pods\\s+1\\s+4\\s+25%`, 'm'))
    expect(run.stdout).toMatch(new RegExp(`^${open}\\s+ResourceQuota, LimitRange$`, 'm'))
    const bare = await quotaReport(['-A', '--no-headers'])
    expect(bare.stdout).not.toContain('NAMESPACE')
    expect(bare.stdout).not.toContain(open)
  })

  test('a rejected token is a 401 with a clear message, and never appears in any output, --debug included', async () => {
    const fs = await import('node:fs')
    const path = await import('node:path')
    const os = await import('node:os')
    const canary = 'canary-token-d0-not-print-me-7f3a'
    const real = fs.readFileSync(cluster.kubeconfigPath, 'utf8')
    const tokenLine = /token: .*/
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'canary-')), 'config')
    fs.writeFileSync(file, real.replace(tokenLine, `token: ${canary}`))
    const run = await quotaReport(['-n', 'default'], file)
    const debug = await quotaReport(['-n', 'default', '--debug'], file)
    if (cluster.mode === 'sandbox') {
      expect(run.code).toBe(1)
      expect(run.stderr).toContain('error: you must be logged in to the server (Unauthorized)')
      // The kinds are listed in parallel; whichever 401 arrives first ends the run.
      expect(debug.stderr).toMatch(/debug: GET https:\/\/127\.0\.0\.1:\d+\/api\/v1\/namespaces\/default\/(resourcequotas|limitranges|pods|persistentvolumeclaims|services)\?limit=500 401/)
    }
    expect(run.stderr).not.toMatch(/\n\s+at /) // a stack trace only with --debug
    expect(`${run.stdout}${run.stderr}${debug.stdout}${debug.stderr}`).not.toContain(canary)
  })

  test('bad input exits 2 before touching the cluster', async () => {
    for (const args of [['-o', 'xml'], ['--warn', 'x'], ['--request-timeout', '5x'], ['-l', 'a in (b']]) {
      const run = await quotaReport(args)
      expect(run.code, args.join(' ')).toBe(2)
      expect(run.stderr).toMatch(/^error: /)
    }
  })
})
