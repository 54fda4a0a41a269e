import {mkdtemp, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, expect, test} from 'vitest'
import {call} from '../test-support/sandbox-client.js'
import type {Sandbox} from './start-sandbox.js'
import {startSandbox} from './start-sandbox.js'

const header = {apiVersion: 'sandbox.kubeline.dev/v1alpha1', kind: 'NetworkSimulation'} as const
const xa = {namespace: 'x', name: 'a'}
const toYb = {address: '10.0.0.2', pod: {namespace: 'y', name: 'b'}}

let sandbox: Sandbox | undefined
afterEach(() => sandbox?.stop())

test('a NetworkSimulation in a manifest file configures the network and is not stored', async () => {
  const directory = await mkdtemp(join(tmpdir(), 'network-fixture-'))
  const file = join(directory, 'cluster.yaml')
  await writeFile(file, ['apiVersion: v1', 'kind: Namespace', 'metadata: {name: x}', '---', `apiVersion: ${header.apiVersion}`, 'kind: NetworkSimulation', 'default: refuse', ''].join('\n'))
  sandbox = await startSandbox({fixture: file, controllers: false})
  expect(sandbox.network.resultFor(xa, toYb, 80, 'TCP')).toBe('refuse')
  expect(sandbox.store.get({group: '', resource: 'namespaces'}, undefined, 'x')).toBeDefined()
})

test('a directory fixture may hold the NetworkSimulation; the network option replaces it', async () => {
  const directory = await mkdtemp(join(tmpdir(), 'network-fixture-'))
  await writeFile(join(directory, 'network.json'), JSON.stringify({...header, default: 'deny'}))
  await writeFile(join(directory, 'objects.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: x}\n')
  sandbox = await startSandbox({fixture: directory, controllers: false})
  expect(sandbox.network.resultFor(xa, toYb, 80, 'TCP')).toBe('deny')
  await sandbox.stop()
  sandbox = await startSandbox({fixture: directory, controllers: false, network: {...header, connections: [{from: '*', to: 'y/b', result: 'refuse'}]}})
  expect(sandbox.network.resultFor(xa, toYb, 80, 'TCP')).toBe('refuse')
})

test.each([
  {name: 'two NetworkSimulations', objects: [header, header], message: 'a fixture may hold one NetworkSimulation, found 2'},
  {name: 'a bad one', objects: [{...header, connections: [{from: 'x/a', to: 'y/b'}]}], message: 'invalid NetworkSimulation: connections[0].result is required'},
])('a fixture with $name is refused', async ({objects, message}) => {
  await expect(startSandbox({controllers: false, objects: objects as never})).rejects.toThrow(message)
})

test('admin GET, PUT and DELETE /_sandbox/network', async () => {
  sandbox = await startSandbox({controllers: false})
  expect((await call(sandbox, 'GET', '/_sandbox/network')).json).toEqual({})
  const simulation = {...header, connections: [{from: 'x/a', to: 'y/b', protocol: 'tcp', result: 'deny', failFirst: 1}]}
  const put = await call(sandbox, 'PUT', '/_sandbox/network', {body: simulation})
  expect(put.status).toBe(200)
  expect(put.json).toEqual({...header, connections: [{...simulation.connections[0], protocol: 'TCP'}]})
  expect(sandbox.network.resultFor(xa, toYb, 80, 'TCP')).toBe('deny')
  expect((await call(sandbox, 'GET', '/_sandbox/network')).json).toEqual(put.json)

  const yaml = await call(sandbox, 'PUT', '/_sandbox/network', {body: `apiVersion: ${header.apiVersion}\nkind: NetworkSimulation\ndefault: refuse\n`, contentType: 'application/yaml'})
  expect(yaml.status).toBe(200)
  expect(sandbox.network.resultFor(xa, toYb, 80, 'TCP')).toBe('refuse')

  expect((await call(sandbox, 'DELETE', '/_sandbox/network')).status).toBe(200)
  expect(sandbox.network.current()).toBeUndefined()
  expect(sandbox.network.resultFor(xa, toYb, 80, 'TCP')).toBe('allow')
})

test('a bad document is a 400 naming the field, and the simulation in force stays', async () => {
  sandbox = await startSandbox({controllers: false, network: {...header, default: 'deny'}})
  const response = await call(sandbox, 'PUT', '/_sandbox/network', {body: {...header, connections: [{from: 'x/a', to: 'ip:300.0.0.1', result: 'deny'}]}})
  expect(response.status).toBe(400)
  expect(response.json.message).toBe('invalid NetworkSimulation: connections[0].to "ip:300.0.0.1" must be "ip:" followed by an IPv4 or IPv6 address or CIDR, e.g. "ip:10.0.0.0/8"')
  expect((await call(sandbox, 'PUT', '/_sandbox/network')).json.message).toBe('invalid NetworkSimulation: the document must be an object')
  expect(sandbox.network.current()).toEqual({...header, default: 'deny'})
})

test('only the admin may change the network', async () => {
  sandbox = await startSandbox({controllers: false, users: [{name: 'dev', token: 'dev-token', rules: [{verbs: ['*'], resources: ['*']}]}]})
  const response = await call(sandbox, 'PUT', '/_sandbox/network', {body: header, token: 'dev-token'})
  expect(response.status).toBe(403)
  expect(sandbox.network.current()).toBeUndefined()
})
