import {mkdtemp, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, test} from 'vitest'
import {loadCluster} from './load-cluster.js'

async function manifestFiles(...documents: string[]): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'load-cluster-'))
  return Promise.all(
    documents.map(async (text, index) => {
      const file = join(dir, `${index}.yaml`)
      await writeFile(file, text)
      return file
    }),
  )
}

const offline = (files: string[]) => ({files, offline: true, connect: () => Promise.reject(new Error('offline'))})

describe('loadCluster', () => {
  test('an object in two -f files counts once: the later file wins, as kubectl apply would', async () => {
    const files = await manifestFiles(
      'apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: x, labels: {v: "1"}}\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny, namespace: x}\nspec: {podSelector: {}}\n',
      'apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: x, labels: {v: "2"}}\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny, namespace: x}\nspec: {podSelector: {matchLabels: {v: "2"}}}\n',
    )
    const {state} = await loadCluster(offline(files))
    expect(state.pods.map((pod) => pod.metadata.labels)).toEqual([{v: '2'}])
    expect(state.networkPolicies.map((policy) => policy.spec.podSelector)).toEqual([{matchLabels: {v: '2'}}])
  })

  test('the same name in two namespaces is two objects', async () => {
    const files = await manifestFiles('apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: x}\n', 'apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: z}\n')
    const {state} = await loadCluster(offline(files))
    expect(state.pods.map((pod) => pod.metadata.namespace)).toEqual(['x', 'z'])
  })

  test('finished pods (Succeeded, Failed) are left out, as their IPs are released; running and phase-less pods stay', async () => {
    const pod = (name: string, phase?: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, namespace: x}\n${phase === undefined ? '' : `status: {phase: ${phase}}\n`}`
    const files = await manifestFiles([pod('done', 'Succeeded'), pod('crashed', 'Failed'), pod('web', 'Running'), pod('planned'), pod('starting', 'Pending')].join('---\n'))
    const {state, finishedPods} = await loadCluster(offline(files))
    expect(state.pods.map((object) => object.metadata.name)).toEqual(['planned', 'starting', 'web'])
    expect(finishedPods.map((object) => `${object.metadata.name} ${object.status?.phase ?? ''}`)).toEqual(['crashed Failed', 'done Succeeded'])
  })
})
