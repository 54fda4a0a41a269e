import {mkdtempSync, writeFileSync} from 'node:fs'
import {createServer} from 'node:net'
import type {Server} from 'node:net'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import type {KubeObject} from '@kubeline/core'
import {REAL_CLUSTER_ENV, runPlugin, startE2eCluster} from '@kubeline/sandbox/e2e'
import type {E2eCluster} from '@kubeline/sandbox/e2e'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'

// Two sandboxes in one kubeconfig (contexts east and west), plus contexts that cannot be read:
// down (refused: an address nothing listens on), silent (a port that accepts connections and never answers), stale (a
// token the server rejects) and forbidden (a user without any rights). Needs two clusters: sandbox only.
const directory = mkdtempSync(join(tmpdir(), 'quota-fleet-'))
const nobody = {name: 'nobody', token: 'nobody-token-fleet-e2e', rules: []}
const STALE_TOKEN = 'stale-token-fleet-e2e-never-print'

let east: E2eCluster
let west: E2eCluster
let silent: Server
let kubeconfig: string

async function listeningPort(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return (server.address() as {port: number}).port
}

interface Target {
  server: string
  token: string
  /** The sandbox whose CA the cluster entry trusts. */
  ca: E2eCluster
}

/** A kubeconfig (JSON is YAML) with one context, cluster and user per target. */
function fleetKubeconfig(targets: Record<string, Target>): string {
  const ca = (target: Target) => Buffer.from(target.ca.sandbox!.caCertificate).toString('base64')
  const names = Object.keys(targets)
  const file = join(directory, 'kubeconfig')
  writeFileSync(file, JSON.stringify({
    apiVersion: 'v1',
    kind: 'Config',
    'current-context': 'east',
    clusters: names.map((name) => ({name, cluster: {server: targets[name]!.server, 'certificate-authority-data': ca(targets[name]!)}})),
    users: names.map((name) => ({name, user: {token: targets[name]!.token}})),
    contexts: names.map((name) => ({name, context: {cluster: name, user: name}})),
  }), {mode: 0o600})
  return file
}

const namespace = (name: string, labels: Record<string, string> = {}): KubeObject => ({apiVersion: 'v1', kind: 'Namespace', metadata: {name, labels}})
const quota = (hard: Record<string, string>, used: Record<string, string>): KubeObject =>
  ({apiVersion: 'v1', kind: 'ResourceQuota', metadata: {name: 'compute'}, spec: {hard}, status: {hard, used}})
const limitRange: KubeObject = {apiVersion: 'v1', kind: 'LimitRange', metadata: {name: 'defaults'}, spec: {limits: [{type: 'Container', max: {cpu: '2'}}]}}

const quotaReport = (args: string[]) => runPlugin('kubectl-quota_report', args, {kubeconfig})

describe.runIf(process.env[REAL_CLUSTER_ENV] === undefined)('kubectl quota-report across contexts', () => {
  beforeAll(async () => {
    ;[east, west] = await Promise.all([startE2eCluster({users: [nobody]}), startE2eCluster()])
    silent = createServer(() => {})
    const silentPort = await listeningPort(silent)
    kubeconfig = fleetKubeconfig({
      east: {server: east.sandbox!.url, token: east.sandbox!.admin.token, ca: east},
      west: {server: west.sandbox!.url, token: west.sandbox!.admin.token, ca: west},
      // Refused for sure: silent holds this port on 127.0.0.1, so nothing can listen on all addresses with it
      // (a closed ephemeral port could be taken again by another process meanwhile).
      down: {server: `https://127.0.0.2:${silentPort}`, token: east.sandbox!.admin.token, ca: east},
      silent: {server: `https://127.0.0.1:${silentPort}`, token: east.sandbox!.admin.token, ca: east},
      stale: {server: east.sandbox!.url, token: STALE_TOKEN, ca: east},
      forbidden: {server: east.sandbox!.url, token: nobody.token, ca: east},
    })
    await east.apply([namespace('payments', {team: 'payments'}), namespace('playground')])
    await east.apply([quota({'requests.cpu': '2'}, {'requests.cpu': '1'}), limitRange], 'payments')
    await west.apply([namespace('payments', {team: 'payments'})])
    await west.apply([quota({'requests.cpu': '1'}, {'requests.cpu': '1'}), limitRange], 'payments') // full: breached
  })
  afterAll(async () => {
    silent?.close()
    await Promise.all([east?.stop(), west?.stop()])
  })

  test('--context twice: one table with a CONTEXT column, rows in the order of the contexts', async () => {
    const run = await quotaReport(['--context', 'east', '--context', 'west', '-n', 'payments'])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(3) // west's quota is full
    const lines = run.stdout.split('\n')
    expect(lines[0]).toMatch(/^CONTEXT\s+QUOTA\s+RESOURCE\s+USED\s+HARD\s+PERCENT\s+USAGE\s+STATUS$/)
    expect(lines[1]).toMatch(/^east\s+compute\s+requests\.cpu\s+1\s+2\s+50%\s+#####\.{5}\s+OK$/)
    expect(lines[2]).toMatch(/^west\s+compute\s+requests\.cpu\s+1\s+1\s+100%\s+#{10}\s+FULL$/)
    expect(run.stdout).toMatch(/LIMIT RANGES\nCONTEXT\s+NAMESPACE\s+LIMITRANGE/)
  })

  test('-o json: every namespace tagged with its context; an unreachable cluster is listed and exits 1, over a breach (3)', async () => {
    const run = await quotaReport(['--context', 'east', '--context', 'down', '--context', 'west', '-A', '-o', 'json'])
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/^error: context "down": unable to connect to the server at https:\/\/127\.0\.0\.2:\d+: connection refused$/m)
    const doc = JSON.parse(run.stdout)
    expect(doc).toMatchObject({apiVersion: 'kubeline.dev/v1alpha1', kind: 'QuotaReport', context: null, contexts: ['east', 'down', 'west'], namespace: null})
    expect(doc.namespaces.map((ns: {context: string; namespace: string}) => `${ns.context}/${ns.namespace}`)).toEqual(['east/payments', 'west/payments'])
    expect(doc.unconstrained).toContainEqual({context: 'east', namespace: 'playground', missing: ['ResourceQuota', 'LimitRange']})
    expect(doc.unconstrained.every((entry: {context: string}) => ['east', 'west'].includes(entry.context))).toBe(true)
    expect(doc.errors).toEqual([{context: 'down', code: 'UNREACHABLE', message: expect.stringMatching(/^unable to connect to the server at https:\/\/127\.0\.0\.2:\d+: connection refused$/)}])
    expect(doc.summary).toMatchObject({namespaces: 2, quotas: 2, breached: 1})
  })

  test('--all-contexts -l: every context, sorted; refused, rejected, forbidden and silent clusters each named with their reason', async () => {
    const run = await quotaReport(['--all-contexts', '-l', 'team=payments', '--request-timeout', '5s', '-o', 'json'])
    expect(run.code).toBe(1)
    const doc = JSON.parse(run.stdout)
    expect(doc.contexts).toEqual(['down', 'east', 'forbidden', 'silent', 'stale', 'west'])
    expect(doc.namespaces.map((ns: {context: string; namespace: string}) => `${ns.context}/${ns.namespace}`)).toEqual(['east/payments', 'west/payments'])
    expect(doc.unconstrained).toEqual([]) // playground is not labelled team=payments
    expect(doc.errors.map((error: {context: string; code: string}) => [error.context, error.code])).toEqual([
      ['down', 'UNREACHABLE'],
      ['forbidden', 'FORBIDDEN'],
      ['silent', 'TIMEOUT'],
      ['stale', 'UNAUTHORIZED'],
    ])
    expect(doc.errors.find((error: {context: string}) => error.context === 'forbidden').message).toMatch(/User "nobody" cannot list resource "\w+"/)
    for (const name of ['down', 'forbidden', 'silent', 'stale']) expect(run.stderr).toMatch(new RegExp(`^error: context "${name}": `, 'm'))
    const output = `${run.stdout}${run.stderr}`
    for (const token of [STALE_TOKEN, nobody.token, east.sandbox!.admin.token, west.sandbox!.admin.token]) expect(output).not.toContain(token)
  })

  test('the table lists unread contexts in their own section; yaml and markdown carry the same', async () => {
    const table = await quotaReport(['--context', 'east', '--context', 'down', '-A'])
    expect(table.code).toBe(1)
    expect(table.stdout).toMatch(/^CONTEXT\s+NAMESPACE\s+QUOTA\s+RESOURCE/)
    expect(table.stdout).toMatch(/^east\s+payments\s+compute\s+requests\.cpu/m)
    expect(table.stdout).toMatch(/CONTEXTS NOT READ \(the report is incomplete\)\nCONTEXT\s+CODE\s+REASON\ndown\s+UNREACHABLE\s+unable to connect/)
    const yaml = await quotaReport(['--context', 'east', '--context', 'down', '-n', 'payments', '-o', 'yaml'])
    expect(yaml.stdout).toMatch(/^contexts:\n {2}- east\n {2}- down\n/m)
    expect(yaml.stdout).toMatch(/^errors:\n {2}- context: down\n {4}code: UNREACHABLE\n/m)
    const markdown = await quotaReport(['--context', 'east', '--context', 'west', '-A', '-o', 'markdown'])
    expect(markdown.code).toBe(3)
    expect(markdown.stdout.split('\n')[0]).toMatch(/^\| CONTEXT \| NAMESPACE \| QUOTA \| RESOURCE \|/)
    expect(markdown.stdout).toMatch(/^\| west \| payments \| compute \| requests\.cpu \|/m)
  })

  test('one --context behaves as before: no CONTEXT column, and a failure is the error of the run', async () => {
    const single = await quotaReport(['--context', 'west', '-n', 'payments', '-o', 'json'])
    expect(single.code).toBe(3)
    expect(JSON.parse(single.stdout)).toMatchObject({context: 'west', contexts: ['west'], namespace: 'payments', errors: []})
    const table = await quotaReport(['--context', 'east', '-n', 'payments'])
    expect(table.code).toBe(0)
    expect(table.stdout).toMatch(/^QUOTA\s+RESOURCE/)
    const down = await quotaReport(['--context', 'down', '-n', 'payments'])
    expect(down.code).toBe(1)
    expect(down.stdout).toBe('')
    expect(down.stderr).toMatch(/^error: unable to connect to the server at https:\/\/127\.0\.0\.2:\d+: connection refused$/m)
  })

  test('bad combinations exit 2 before any request', async () => {
    const manifests = join(directory, 'deploy.yaml')
    writeFileSync(manifests, JSON.stringify(namespace('x')))
    for (const [args, message] of [
      [['--all-contexts', '--context', 'east'], /--context/],
      [['--context', 'east', '--context', 'west', '-f', manifests], /plan mode \(-f\) checks one cluster/],
      [['--all-contexts', '-f', manifests], /--filename|--all-contexts/],
      [['--context', 'east', '--context', 'nope'], /context "nope" not found/],
      [['--context', 'east', '--context', 'west', '--user', 'east'], /cannot be combined with several contexts/],
      [['-l', 'team=payments', '-f', manifests], /--filename|--selector/],
    ] as [string[], RegExp][]) {
      const run = await quotaReport(args)
      expect(run.code, args.join(' ')).toBe(2)
      expect(run.stderr, args.join(' ')).toMatch(message)
    }
  })
})
