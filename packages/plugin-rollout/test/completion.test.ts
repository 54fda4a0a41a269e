import {execFile} from 'node:child_process'
import path from 'node:path'
import {promisify} from 'node:util'
import {startE2eCluster} from '@kubeline/sandbox/e2e'
import type {E2eCluster} from '@kubeline/sandbox/e2e'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {deployment} from './fixtures/deployments.js'

// TAB completion through the real executables: bin/kubectl_complete-rollout_canary (core's
// completion entry with this package's oclif.manifest.json), then kubectl's own plugin
// completion (1.26+), which finds it on PATH.
const run = promisify(execFile)
const binDir = path.resolve(import.meta.dirname, '../../../bin')
const completeFile = path.join(binDir, 'kubectl_complete-rollout_canary')

let cluster: E2eCluster
let shop: string
beforeAll(async () => {
  cluster = await startE2eCluster()
  shop = await cluster.createNamespace('complete')
  await cluster.apply([deployment('web', {replicas: 1}), deployment('worker', {replicas: 1}), deployment('api', {replicas: 1})], shop)
})
afterAll(async () => cluster?.stop())

async function complete(file: string, args: string[]) {
  const env = {...process.env, KUBECONFIG: cluster.kubeconfigPath, PATH: `${binDir}${path.delimiter}${process.env.PATH ?? ''}`}
  return await run(file, args, {env})
}

describe('bin/kubectl_complete-rollout_canary', () => {
  test('offers the topic bluegreen beside the canary commands, not its command ids', async () => {
    const {stdout} = await complete(completeFile, ['__completeNoDesc', ''])
    expect(stdout.split('\n')).toContain('bluegreen')
    expect(stdout).not.toContain('bluegreen:')
  })

  test('offers the commands of bluegreen', async () => {
    const {stdout} = await complete(completeFile, ['__completeNoDesc', 'bluegreen', ''])
    expect(stdout).toBe('start\nswitch\nrollback\nfinish\n:4\n')
  })

  test.each(['pause', 'bluegreen start', 'bluegreen switch', 'bluegreen rollback', 'bluegreen finish'])('%s offers the Deployments of the -n namespace', async (command) => {
    const {stdout, stderr} = await complete(completeFile, [...command.split(' '), '-n', shop, ''])
    expect(stdout).toBe('api\nweb\nworker\n:4\n')
    expect(stderr).toBe('')
  })
})

describe('kubectl __complete rollout-canary (kubectl finds kubectl_complete-rollout_canary on PATH)', () => {
  test('relays the Deployment names of bluegreen start, by prefix', async () => {
    const {stdout} = await complete('kubectl', ['__complete', 'rollout-canary', 'bluegreen', 'start', '-n', shop, 'w'])
    expect(stdout).toBe('web\nworker\n:4\n')
  })
})
