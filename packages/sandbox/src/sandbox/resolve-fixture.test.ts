import {mkdtemp, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, expect, test} from 'vitest'
import type {Sandbox} from './start-sandbox.js'
import {startSandbox} from './start-sandbox.js'

let sandbox: Sandbox | undefined
afterEach(() => sandbox?.stop())

test('a directory fixture loads every manifest, creating the namespaces they use', async () => {
  const directory = await mkdtemp(join(tmpdir(), 'fixture-'))
  await writeFile(join(directory, 'a.yaml'), ['apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: one, namespace: team-x}', '---', 'apiVersion: v1', 'kind: Namespace', 'metadata: {name: team-y}', ''].join('\n'))
  await writeFile(join(directory, 'b.json'), JSON.stringify({apiVersion: 'v1', kind: 'List', items: [{apiVersion: 'v1', kind: 'ServiceAccount', metadata: {name: 'bot', namespace: 'team-y'}}]}))
  sandbox = await startSandbox({fixture: directory, controllers: false})
  expect(sandbox.store.get({group: '', resource: 'configmaps'}, 'team-x', 'one')).toBeDefined()
  expect(sandbox.store.get({group: '', resource: 'serviceaccounts'}, 'team-y', 'bot')).toBeDefined()
  expect(sandbox.store.list({group: '', resource: 'namespaces'}).map((ns) => ns.metadata.name)).toEqual(
    expect.arrayContaining(['default', 'kube-system', 'team-x', 'team-y']),
  )
})

test('an object of a kind the sandbox does not serve is a usage error', async () => {
  await expect(startSandbox({controllers: false, objects: [{apiVersion: 'example.com/v1', kind: 'Widget', metadata: {name: 'w'}}]})).rejects.toThrow(
    'the sandbox does not serve Widget (example.com/v1): declare a CustomResourceDefinition for it',
  )
})

test('the demo fixture loads with its users, and kubectl sees it', async () => {
  sandbox = await startSandbox({fixture: 'demo', controllers: false})
  const namespaces = sandbox.store.list({group: '', resource: 'namespaces'}).map((ns) => ns.metadata.name)
  expect(namespaces.length).toBeGreaterThan(4 + 2)
  expect(sandbox.store.count({group: '', resource: 'resourcequotas'})).toBeGreaterThan(2)
  expect(sandbox.store.count({group: 'batch', resource: 'cronjobs'})).toBeGreaterThan(2)
})

test('a scale fixture loads the generated objects', async () => {
  sandbox = await startSandbox({fixture: 'scale:namespaces=20,pods=2000', controllers: false})
  expect(sandbox.store.count({group: '', resource: 'pods'})).toBe(2000)
})
