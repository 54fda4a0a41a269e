import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {REAL_CLUSTER_ENV, runDirectAndThroughOclif, runPlugin, startE2eCluster} from '@kubeline/sandbox/e2e'
import type {E2eCluster} from '@kubeline/sandbox/e2e'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'

// quota-report runs without oclif when every flag is one its direct run takes (src/direct.ts,
// docs/performance.md). Whatever path it takes, the user must see the same bytes and exit code.
let cluster: E2eCluster
let dir: string
beforeAll(async () => {
  cluster = await startE2eCluster({fixture: 'demo', controllers: false})
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubeline-direct-'))
  const quota = {apiVersion: 'v1', kind: 'ResourceQuota', metadata: {name: 'q', namespace: 'payments'}, spec: {hard: {pods: '1', 'requests.cpu': '1'}}}
  const deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {name: 'web', namespace: 'payments'},
    spec: {replicas: 2, selector: {matchLabels: {app: 'web'}}, template: {metadata: {labels: {app: 'web'}}, spec: {containers: [{name: 'web', image: 'nginx', resources: {requests: {cpu: '300m'}}}]}}},
  }
  fs.writeFileSync(path.join(dir, 'quota.json'), JSON.stringify(quota))
  fs.writeFileSync(path.join(dir, 'deploy.json'), JSON.stringify(deployment))
  // A server nothing listens on: the connection is refused.
  fs.writeFileSync(path.join(dir, 'refused'), fs.readFileSync(cluster.kubeconfigPath, 'utf8').replace(/server: https:\/\/[^\s]+/, 'server: https://127.0.0.1:9'))
}, 60_000)
afterAll(async () => {
  await cluster?.stop()
  if (dir) fs.rmSync(dir, {recursive: true, force: true})
})

const inDir = (argv: string[]) => argv.map((word) => word.replace('DIR/', `${dir}/`))

const bothWays = (argv: string[]) => runDirectAndThroughOclif('kubectl-quota_report', inDir(argv), {kubeconfig: cluster.kubeconfigPath})

// The demo fixture's namespaces and context name: the sandbox's.
describe.runIf(process.env[REAL_CLUSTER_ENV] === undefined)('quota-report: a direct run prints what the run through oclif prints', () => {
  test.each([
    {name: 'a table, exit 3 (a quota is full)', argv: ['-n', 'payments']},
    {name: '-o json', argv: ['-n', 'payments', '-o', 'json']},
    {name: 'every namespace as YAML', argv: ['-A', '-o', 'yaml']},
    {name: 'wide, no headers, a selector', argv: ['-l', 'team', '-o', 'wide', '--no-headers']},
    {name: 'markdown, --fail-on-missing', argv: ['-n', 'checkout', '-o', 'markdown', '--fail-on-missing']},
    {name: 'plan mode', argv: ['-n', 'payments', '-f', 'DIR/deploy.json']},
    {name: 'plan mode offline, as JSON', argv: ['-f', 'DIR/quota.json', '-f', 'DIR/deploy.json', '--offline', '-o', 'json']},
    {name: 'a bad output format: exit 2', argv: ['-n', 'payments', '-o', 'bogus']},
    {name: 'a bad selector: exit 2', argv: ['-A', '-l', 'team in (']},
    {name: 'a bad --request-timeout: exit 2', argv: ['-n', 'payments', '--request-timeout', 'soon']},
    {name: 'an unknown context: exit 2', argv: ['--context', 'nowhere']},
    {name: 'two contexts, one unknown: exit 2', argv: ['--context', 'kubeline-sandbox', '--context', 'nowhere']},
    {name: 'a missing kubeconfig', argv: ['--kubeconfig', 'DIR/missing']},
    {name: 'a missing manifest: exit 2', argv: ['-f', 'DIR/missing.yaml', '--offline']},
    {name: 'the TLS warning', argv: ['-n', 'payments', '--insecure-skip-tls-verify', '-o', 'json']},
    {name: 'a refused connection: exit 1', argv: ['--kubeconfig', 'DIR/refused', '-n', 'payments']},
  ])('$name: $argv', async ({argv}) => {
    const {direct, oclif} = await bothWays(argv)
    expect({stdout: direct.stdout, stderr: direct.stderr, code: direct.code}).toStrictEqual({stdout: oclif.stdout, stderr: oclif.stderr, code: oclif.code})
  })

  test('a flag the direct run does not take (an integer) goes through oclif', async () => {
    const run = await runPlugin('kubectl-quota_report', ['-n', 'payments', '--warn', '50', '-o', 'json'], {kubeconfig: cluster.kubeconfigPath, env: {DEBUG: 'oclif:*'}})
    expect(run.stderr).toMatch(/oclif:main/)
    expect(run.code).toBe(3)
  })
})
