import {REAL_CLUSTER_ENV, documentedRules, permissionsUsed, runPlugin, startE2eCluster, withoutPermission} from '@kubeline/sandbox/e2e'
import type {E2eCluster} from '@kubeline/sandbox/e2e'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {cronJob} from '../fixtures/cron-jobs.js'

// Sandbox users holding exactly the Role (namespace ops) or the ClusterRole (list -A) that docs/rbac.md
// shows for cron-trigger, or the Role less one permission (sandbox only: a real cluster's RBAC is not
// set up by the suite).
const ROLE = documentedRules('cron-trigger', 'Role')
const CLUSTER_ROLE = documentedRules('cron-trigger', 'ClusterRole')
const SCHEDULE = '0 2 * * *'

interface CommandRow {
  name: string
  args: string[]
  /** The user holding the Role, or the ClusterRole for -A. */
  user: 'operator' | 'lister'
  /** The "verb resource" pairs it sends: what its row of docs/rbac.md lists (a watch lists again only after a 410). */
  uses: string[]
  stdout: RegExp
}

// In order: suspend and resume last, so that `now` triggers an unsuspended CronJob.
const COMMANDS: CommandRow[] = [
  {name: 'now', args: ['now', 'report', '-n', 'ops'], user: 'operator', uses: ['create jobs', 'get cronjobs'], stdout: /^job\.batch\/report-manual-\w{5} created\n$/},
  {name: 'now -l', args: ['now', '-l', 'tier=batch', '-n', 'ops'], user: 'operator', uses: ['create jobs', 'list cronjobs'], stdout: /^job\.batch\/report-manual-\w{5} created\n$/},
  {name: 'now --wait', args: ['now', 'report', '-n', 'ops', '--wait'], user: 'operator', uses: ['create jobs', 'get cronjobs', 'watch jobs'], stdout: /^job\.batch\/report-manual-\w{5} created\n$/},
  {
    name: 'now --logs', args: ['now', 'report', '-n', 'ops', '--logs'], user: 'operator',
    uses: ['create jobs', 'get cronjobs', 'get pods/log', 'list pods', 'watch jobs', 'watch pods'], stdout: /^starting report\ndone\n$/,
  },
  {name: 'next NAME', args: ['next', 'report', '-n', 'ops'], user: 'operator', uses: ['get cronjobs'], stdout: /^#\s+TIME\s/},
  {name: 'next --schedule', args: ['next', '--schedule', SCHEDULE], user: 'operator', uses: [], stdout: /^#\s+TIME\s/},
  {name: 'validate', args: ['validate', SCHEDULE], user: 'operator', uses: [], stdout: /^valid: 0 2 \* \* \*/},
  {name: 'list -n', args: ['list', '-n', 'ops'], user: 'operator', uses: ['list cronjobs', 'list jobs'], stdout: /^report\s/m},
  {name: 'list -A', args: ['list', '-A'], user: 'lister', uses: ['list cronjobs', 'list jobs'], stdout: /^nightly\s+backup\s[\s\S]*^ops\s+report\s/m},
  {name: 'history', args: ['history', 'report', '-n', 'ops'], user: 'operator', uses: ['get cronjobs', 'list jobs'], stdout: /^report-manual-\w{5}\s/m},
  {name: 'suspend', args: ['suspend', 'report', '-n', 'ops'], user: 'operator', uses: ['get cronjobs', 'patch cronjobs'], stdout: /^cronjob\.batch\/report suspended\n$/},
  {name: 'resume', args: ['resume', 'report', '-n', 'ops'], user: 'operator', uses: ['get cronjobs', 'patch cronjobs'], stdout: /^cronjob\.batch\/report resumed\n$/},
]

interface DenialRow {
  command: string
  verb: string
  resource: string
  group: string
}

// One permission of the Role taken away per command, so that every rule is shown to be needed.
const DENIALS: DenialRow[] = [
  {command: 'now', verb: 'create', resource: 'jobs', group: 'batch'},
  {command: 'now -l', verb: 'list', resource: 'cronjobs', group: 'batch'},
  {command: 'now --wait', verb: 'watch', resource: 'jobs', group: 'batch'},
  {command: 'now --logs', verb: 'get', resource: 'pods/log', group: ''},
  {command: 'now --logs', verb: 'watch', resource: 'pods', group: ''},
  {command: 'now --logs', verb: 'watch', resource: 'jobs', group: 'batch'},
  {command: 'next NAME', verb: 'get', resource: 'cronjobs', group: 'batch'},
  {command: 'list -n', verb: 'list', resource: 'jobs', group: 'batch'},
  {command: 'history', verb: 'list', resource: 'jobs', group: 'batch'},
  {command: 'suspend', verb: 'patch', resource: 'cronjobs', group: 'batch'},
]

const userWithout = ({verb, resource}: DenialRow) => `no-${verb}-${resource.replace('/', '-')}`
const users = [
  {name: 'operator', token: 'operator-token-rbac-e2e', rules: ROLE},
  {name: 'lister', token: 'lister-token-rbac-e2e', rules: CLUSTER_ROLE},
  // One user per permission taken away (two commands may share one).
  ...[...new Map(DENIALS.map((denial) => [userWithout(denial), withoutPermission(ROLE, denial.verb, denial.resource)]))].map(([name, rules]) => ({name, token: `${name}-token-rbac-e2e`, rules})),
]

let cluster: E2eCluster
const kubeconfigs: Record<string, string> = {}
const commandRow = (name: string): CommandRow => COMMANDS.find((row) => row.name === name)!
const cron = async (user: string, args: string[]) => await runPlugin('kubectl-cron_trigger', args, {kubeconfig: kubeconfigs[user]!, timeoutMs: 120_000})
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')

describe.runIf(process.env[REAL_CLUSTER_ENV] === undefined)('kubectl cron-trigger with the least privileges of docs/rbac.md', () => {
  beforeAll(async () => {
    cluster = await startE2eCluster({users})
    await cluster.apply([{apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'ops'}}, {apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'nightly'}}])
    await cluster.apply([cronJob('report', {logLines: ['starting report', 'done']})], 'ops')
    await cluster.apply([cronJob('backup', {logLines: ['backed up']})], 'nightly')
    for (const user of users) kubeconfigs[user.name] = await cluster.sandbox!.writeKubeconfig(user.name)
  })
  afterAll(async () => cluster?.stop())

  test.each(COMMANDS)('$name with the $user role: exit 0, sending only what docs/rbac.md lists', async (row) => {
    cluster.sandbox!.requests.clear()
    const run = await cron(row.user, row.args)
    expect(run.stderr).not.toContain('error')
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(row.stdout)
    const requests = cluster.sandbox!.requests.entries({user: row.user})
    expect(requests.filter((request) => request.status >= 400)).toEqual([])
    expect(permissionsUsed(requests)).toEqual(row.uses)
    expect(requests.every((request) => request.namespace === (row.user === 'lister' ? undefined : 'ops'))).toBe(true)
  })

  test.each(DENIALS)('$command without $verb $resource: exit 1 naming the missing permission', async (denial) => {
    const user = userWithout(denial)
    const run = await cron(user, commandRow(denial.command).args)
    const qualified = denial.group === '' ? denial.resource : `${denial.resource}.${denial.group}`
    const apiMessage = `is forbidden: User "${user}" cannot ${denial.verb} resource "${denial.resource}" in API group "${denial.group}" in the namespace "ops"`
    expect(run.stderr).toMatch(new RegExp(`^error: \\S+( "[^"]+")? ${escaped(apiMessage)}$`, 'm'))
    expect(run.stderr).toContain(`You need "${denial.verb}" on ${qualified} -n ops. Check with: kubectl auth can-i ${denial.verb} ${qualified} -n ops\n`)
    expect(run.code).toBe(1)
  })

  test('list -A with the Role: exit 1 naming the cluster-wide list that is missing', async () => {
    const run = await cron('operator', ['list', '-A'])
    expect(run.stderr).toMatch(/^error: (cronjobs|jobs)\.batch is forbidden: User "operator" cannot list resource "(cronjobs|jobs)" in API group "batch" at the cluster scope$/m)
    expect(run.stderr).toMatch(/Check with: kubectl auth can-i list (cronjobs|jobs)\.batch --all-namespaces\n/)
    expect(run.code).toBe(1)
  })
})
