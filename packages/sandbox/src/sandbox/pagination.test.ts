import {afterAll, beforeAll, expect, test} from 'vitest'
import type {KubeObject} from '../store/object-store.js'
import {call} from '../test-support/sandbox-client.js'
import type {Sandbox} from './start-sandbox.js'
import {startSandbox} from './start-sandbox.js'

const configMap = (i: number): KubeObject => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: {name: `cm-${String(i).padStart(5, '0')}`, namespace: `ns-${i % 4}`, labels: {parity: i % 2 === 0 ? 'even' : 'odd'}},
  data: {index: String(i)},
})

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await startSandbox({controllers: false, objects: Array.from({length: 10_000}, (_, i) => configMap(i))})
})
afterAll(() => sandbox.stop())

async function listAll(path: string, limit: number): Promise<{names: string[]; pages: number; versions: Set<string>}> {
  const names: string[] = []
  const versions = new Set<string>()
  let token = ''
  let pages = 0
  do {
    const separator = path.includes('?') ? '&' : '?'
    const page = (await call(sandbox, 'GET', `${path}${separator}limit=${limit}${token ? `&continue=${encodeURIComponent(token)}` : ''}`)).json
    names.push(...page.items.map((item: KubeObject) => `${item.metadata.namespace}/${item.metadata.name}`))
    versions.add(page.metadata.resourceVersion)
    token = page.metadata.continue ?? ''
    pages++
  } while (token)
  return {names, pages, versions}
}

test('limit/continue walks 10,000 objects across namespaces exactly once, in order, at one resourceVersion', async () => {
  const {names, pages, versions} = await listAll('/api/v1/configmaps', 500)
  expect(names).toHaveLength(10_000)
  expect(new Set(names).size).toBe(10_000)
  expect(names).toEqual([...names].sort())
  expect(pages).toBe(20)
  expect(versions.size).toBe(1)
})

test('pagination respects label selectors and namespaces', async () => {
  const {names} = await listAll('/api/v1/namespaces/ns-1/configmaps?labelSelector=parity%3Dodd', 300)
  expect(names).toHaveLength(2_500)
  const {names: even} = await listAll('/api/v1/configmaps?labelSelector=parity%3Deven', 999)
  expect(even).toHaveLength(5_000)
})

test('a continue token older than the retained history is 410 Expired', async () => {
  const first = (await call(sandbox, 'GET', '/api/v1/configmaps?limit=10')).json
  await call(sandbox, 'POST', '/api/v1/namespaces/default/configmaps', {body: {apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'later'}}})
  await call(sandbox, 'POST', '/_sandbox/compact')
  const expired = await call(sandbox, 'GET', `/api/v1/configmaps?limit=10&continue=${encodeURIComponent(first.metadata.continue)}`)
  expect(expired.status).toBe(410)
  expect(expired.json).toMatchObject({kind: 'Status', reason: 'Expired', code: 410})
  expect(expired.json.message).toMatch(/^The provided continue parameter is too old/)
  const garbage = await call(sandbox, 'GET', '/api/v1/configmaps?limit=10&continue=not-a-token')
  expect(garbage.status).toBe(400)
})
