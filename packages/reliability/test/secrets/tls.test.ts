import {mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {startSandbox} from '@kubeline/sandbox'
import {describe, expect, test} from 'vitest'
import {runSetup, STACK_FRAME, startScenarioCluster} from '../support/scenario-cluster.js'
import {TLS_CASES} from './tls-cases.js'

/** A kubeconfig for the sandbox at `server` that trusts `caCertificate` (or only the system's CAs). */
async function kubeconfigTrusting(server: string, token: string, caCertificate: string | undefined, directory: string): Promise<string> {
  const cluster = {server, ...(caCertificate ? {'certificate-authority-data': Buffer.from(caCertificate).toString('base64')} : {})}
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{name: 'sandbox', cluster}],
    users: [{name: 'admin', user: {token}}],
    contexts: [{name: 'sandbox', context: {cluster: 'sandbox', user: 'admin'}}],
    'current-context': 'sandbox',
  }
  const path = join(directory, caCertificate ? 'wrong-ca' : 'system-ca')
  await writeFile(path, JSON.stringify(config), {mode: 0o600})
  return path
}

describe.concurrent('TLS verification is on unless asked otherwise', () => {
  test.for(TLS_CASES)('$name', async ({row, wrongCa}, context) => {
    const cluster = await startScenarioCluster(context, row.objects)
    await runSetup(cluster, row)
    const stranger = wrongCa ? await startSandbox({controllers: false}) : undefined
    const directory = await mkdtemp(join(tmpdir(), 'reliability-tls-'))
    context.onTestFinished(async () => {
      await stranger?.stop()
      await rm(directory, {recursive: true, force: true})
    })
    const kubeconfig = await kubeconfigTrusting(cluster.sandbox.url, cluster.sandbox.admin.token, stranger?.caCertificate, directory)

    const refused = await cluster.run(row.binary, row.args, {kubeconfig})
    expect(refused.stderr).toMatch(/^error: TLS verification failed for https:\/\/127\.0\.0\.1:\d+: .*certificate/m)
    expect(refused.stderr).not.toMatch(STACK_FRAME)
    expect(refused.code).toBe(1)

    const insecure = await cluster.run(row.binary, [...row.args, '--insecure-skip-tls-verify'], {kubeconfig})
    expect(insecure.stderr).toMatch(/^Warning: TLS verification is off \(--insecure-skip-tls-verify\)/m)
    expect(insecure.code).toBe(row.code)
  })
})
