import {runPlugin} from '@kubeline/sandbox/e2e'
import type {KubeObject} from '@kubeline/core'
import {describe, expect, test} from 'vitest'
import {manifestList, networkPolicy, pod, sidecarMetrics} from '../fixtures/netpol-objects.js'

// Namespace shop: web (http 80), db (postgres 5432), client (no port). Ingress to web only from client;
// db is open to all.
const SHOP: KubeObject[] = [
  pod('web', {app: 'web'}, [{name: 'http', containerPort: 80}]),
  pod('db', {app: 'db'}, [{name: 'postgres', containerPort: 5432}]),
  pod('client', {app: 'client'}),
  networkPolicy('web-from-client', {podSelector: {matchLabels: {app: 'web'}}, ingress: [{from: [{podSelector: {matchLabels: {app: 'client'}}}]}]}),
].map((object) => ({...object, metadata: {...object.metadata, namespace: 'shop'}}))

const offline = (args: string[], objects: KubeObject[] = SHOP) =>
  runPlugin('kubectl-netpol_test', ['matrix', '--offline', '-f', '-', ...args], {kubeconfig: '/nonexistent/kubeconfig', stdin: manifestList(objects)})

const WARNING = 'Warning: no connection was compared towards 1 pod that declares no TCP container port: shop/client (list its ports beside "declared", e.g. --port declared,8080)\n'

describe('netpol-test matrix --port declared', () => {
  test('-o json: one result per declared pair, null towards the pods that do not declare it (the contract)', async () => {
    const run = await offline(['--port', 'declared', '-o', 'json'])
    expect(run).toMatchObject({code: 0, stderr: WARNING})
    const pods = ['shop/client', 'shop/db', 'shop/web']
    expect(JSON.parse(run.stdout)).toEqual({
      apiVersion: 'kubeline.dev/v1alpha1',
      kind: 'ConnectivityMatrix',
      results: [
        {
          port: 80,
          protocol: 'TCP',
          pods,
          allowed: {
            'shop/client': {'shop/client': null, 'shop/db': null, 'shop/web': true},
            'shop/db': {'shop/client': null, 'shop/db': null, 'shop/web': false},
            'shop/web': {'shop/client': null, 'shop/db': null, 'shop/web': true},
          },
        },
        {
          port: 5432,
          protocol: 'TCP',
          pods,
          allowed: {
            'shop/client': {'shop/client': null, 'shop/db': true, 'shop/web': null},
            'shop/db': {'shop/client': null, 'shop/db': true, 'shop/web': null},
            'shop/web': {'shop/client': null, 'shop/db': true, 'shop/web': null},
          },
        },
      ],
    })
  })

  test('the table: _ for a cell not compared, and the line that says so; the warning on stderr', async () => {
    const run = await offline(['--port', 'declared', '-n', 'shop', '-l', 'app in (client,web)'])
    expect(run).toMatchObject({code: 0, stderr: WARNING})
    expect(run.stdout).toBe(
      'TCP/80\n-           shop/client shop/web\nshop/client _           .\nshop/web    _           .\n_ not compared: the destination does not declare TCP/80 (--port declared)\n',
    )
  })

  test('a port listed beside declared is compared towards every pod: no _, no warning', async () => {
    const run = await offline(['--port', 'declared,8080', '-l', 'app=client'])
    expect(run).toMatchObject({code: 0, stderr: ''})
    expect(run.stdout).toBe('TCP/8080\n-           shop/client\nshop/client .\n')
  })

  test('--group-by class -o markdown: _ escaped in the cells, explained under every table', async () => {
    const run = await offline(['--port', 'declared', '--group-by', 'class', '-o', 'markdown'])
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('**TCP/5432**\n\n| - | shop/client | shop/db | shop/web |\n| --- | --- | --- | --- |\n| shop/client | \\_ | . | \\_ |')
    expect(run.stdout.match(/^_ not compared: the destination does not declare TCP\/\d+ \(--port declared\)$/gm)).toEqual([
      '_ not compared: the destination does not declare TCP/80 (--port declared)',
      '_ not compared: the destination does not declare TCP/5432 (--port declared)',
    ])
  })

  test('-o dot: edges only for compared, allowed pairs, labelled per port', async () => {
    const run = await offline(['--port', 'declared', '-o', 'dot'])
    expect(run).toMatchObject({code: 0, stderr: WARNING})
    expect(run.stdout.split('\n').filter((line) => line.includes('->'))).toEqual([
      '  "shop/client" -> "shop/db" [label="TCP/5432"];',
      '  "shop/client" -> "shop/web" [label="TCP/80"];',
      '  "shop/web" -> "shop/db" [label="TCP/5432"];',
    ])
  })

  test.each([
    {namedPorts: 'containers', titles: ['TCP/6379']},
    {namedPorts: 'sidecars', titles: ['TCP/6379', 'TCP/9121']},
  ])('--named-ports $namedPorts decides whose ports are declared: $titles', async ({namedPorts, titles}) => {
    const run = await offline(['--port', 'declared', '--named-ports', namedPorts, '-o', 'json'], sidecarMetrics())
    expect(run.code).toBe(0)
    const results = JSON.parse(run.stdout).results as {port: number; protocol: string; allowed: Record<string, Record<string, boolean | null>>}[]
    expect(results.map((result) => `${result.protocol}/${result.port}`)).toEqual(titles)
    expect(results.at(-1)?.allowed['x/prometheus']?.['x/cache']).toBe(namedPorts === 'sidecars')
  })

  test.each([
    {port: 'declared,http', message: 'invalid --port "http": must be an integer between 1 and 65535 or "declared"'},
    {port: 'declared,0', message: 'invalid --port 0'},
  ])('a bad port beside declared exits 2: $port', async ({port, message}) => {
    const run = await offline(['--port', port])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(message)
  })
})
