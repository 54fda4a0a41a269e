import {afterAll, beforeAll, beforeEach, expect, test} from 'vitest'
import {call} from '../test-support/sandbox-client.js'
import type {Sandbox} from './start-sandbox.js'
import {startSandbox} from './start-sandbox.js'

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await startSandbox({controllers: false, objects: [{apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'settings', namespace: 'default'}}]})
})
beforeEach(() => {
  sandbox.faults.clear()
  sandbox.requests.clear()
})
afterAll(() => sandbox.stop())

const listConfigMaps = () => call(sandbox, 'GET', '/api/v1/namespaces/default/configmaps')

test('an injected 5xx answers n matching requests, then the route recovers', async () => {
  sandbox.faults.add({match: {verb: 'list', resource: 'configmaps'}, effect: {kind: 'error', status: 503}, times: 2})
  const statuses = [(await listConfigMaps()).status, (await listConfigMaps()).status, (await listConfigMaps()).status]
  expect(statuses).toEqual([503, 503, 200])
  expect((await call(sandbox, 'GET', '/api/v1/namespaces/default/configmaps/settings')).status).toBe(200)
})

test('429 carries Retry-After and a TooManyRequests Status', async () => {
  sandbox.faults.add({match: {resource: 'configmaps'}, effect: {kind: 'throttle', retryAfterSeconds: 3}, times: 1})
  const response = await listConfigMaps()
  expect(response.status).toBe(429)
  expect(response.headers['retry-after']).toBe('3')
  expect(response.json).toMatchObject({reason: 'TooManyRequests', details: {retryAfterSeconds: 3}})
})

test('added latency delays the answer', async () => {
  sandbox.faults.add({match: {verb: 'list'}, effect: {kind: 'delay', ms: 200}, times: 1})
  const started = performance.now()
  expect((await listConfigMaps()).status).toBe(200)
  expect(performance.now() - started).toBeGreaterThanOrEqual(190)
})

test('a dropped connection fails the request without a response', async () => {
  sandbox.faults.add({match: {verb: 'list'}, effect: {kind: 'drop'}, times: 1})
  await expect(listConfigMaps()).rejects.toThrow(/socket hang up|ECONNRESET/)
  expect((await listConfigMaps()).status).toBe(200)
})

test('a lost response applies the write, then drops the connection instead of answering', async () => {
  sandbox.faults.add({match: {verb: 'patch', resource: 'configmaps'}, effect: {kind: 'loseResponse'}, times: 1})
  const patch = call(sandbox, 'PATCH', '/api/v1/namespaces/default/configmaps/settings', {body: {data: {lost: 'answer'}}, contentType: 'application/merge-patch+json'})
  await expect(patch).rejects.toThrow(/socket hang up|ECONNRESET/)
  const settings = await call(sandbox, 'GET', '/api/v1/namespaces/default/configmaps/settings')
  expect(settings.json.data).toMatchObject({lost: 'answer'})
  expect(sandbox.requests.count({verb: 'patch', resource: 'configmaps'})).toBe(1)
})

test('a forced conflict fails the next update or patch with 409', async () => {
  sandbox.faults.add({effect: {kind: 'conflict'}, times: 1})
  expect((await listConfigMaps()).status).toBe(200)
  const patch = () => call(sandbox, 'PATCH', '/api/v1/namespaces/default/configmaps/settings', {body: {data: {a: 'b'}}, contentType: 'application/merge-patch+json'})
  const conflicted = await patch()
  expect(conflicted.json).toMatchObject({code: 409, reason: 'Conflict', message: expect.stringContaining('Operation cannot be fulfilled on configmaps "settings"')})
  expect((await patch()).status).toBe(200)
})

test('faults and request counts are reachable through the admin endpoints', async () => {
  const added = await call(sandbox, 'POST', '/_sandbox/faults', {body: {match: {verb: 'get', resource: 'configmaps'}, effect: {kind: 'error', status: 500}}})
  expect(added.status).toBe(201)
  expect((await call(sandbox, 'GET', '/api/v1/namespaces/default/configmaps/settings')).status).toBe(500)
  expect((await call(sandbox, 'GET', '/_sandbox/faults')).json.faults).toHaveLength(1)
  await call(sandbox, 'DELETE', `/_sandbox/faults/${added.json.id}`)
  expect((await call(sandbox, 'GET', '/api/v1/namespaces/default/configmaps/settings')).status).toBe(200)
  await listConfigMaps()
  const requests = (await call(sandbox, 'GET', '/_sandbox/requests')).json
  expect(requests.counts).toEqual(expect.arrayContaining([
    {verb: 'get', resource: 'configmaps', namespace: 'default', count: 2},
    {verb: 'list', resource: 'configmaps', namespace: 'default', count: 1},
  ]))
  expect(sandbox.requests.count({verb: 'get', resource: 'configmaps', status: 500})).toBe(1)
})
