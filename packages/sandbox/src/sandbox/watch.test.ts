import {afterEach, beforeEach, expect, test} from 'vitest'
import {call, eventually, stream} from '../test-support/sandbox-client.js'
import type {Sandbox} from './start-sandbox.js'
import {startSandbox} from './start-sandbox.js'

interface WatchEvent {
  type: string
  object: {kind?: string; code?: number; message?: string; metadata: {name?: string; resourceVersion?: string}}
}

let sandbox: Sandbox
beforeEach(async () => {
  sandbox = await startSandbox({controllers: false, historySize: 50, bookmarkIntervalMs: 50})
})
afterEach(() => sandbox.stop())

const configMap = (name: string, labels: Record<string, string> = {}) => ({apiVersion: 'v1', kind: 'ConfigMap', metadata: {name, labels}})
const create = (name: string, labels?: Record<string, string>) => call(sandbox, 'POST', '/api/v1/namespaces/default/configmaps', {body: configMap(name, labels)})

function collect(events: WatchEvent[]) {
  return (line: string) => events.push(JSON.parse(line) as WatchEvent)
}

test('a watch without resourceVersion starts with ADDED for existing objects, then streams changes', async () => {
  await create('before')
  const events: WatchEvent[] = []
  const watch = await stream(sandbox, '/api/v1/namespaces/default/configmaps?watch=true', collect(events))
  await eventually(() => events.length === 1)
  await create('after')
  await call(sandbox, 'PATCH', '/api/v1/namespaces/default/configmaps/after', {body: {data: {a: '1'}}, contentType: 'application/merge-patch+json'})
  await call(sandbox, 'DELETE', '/api/v1/namespaces/default/configmaps/before')
  await eventually(() => events.length === 4)
  watch.close()
  expect(events.map((e) => `${e.type} ${e.object.metadata.name}`)).toEqual(['ADDED before', 'ADDED after', 'MODIFIED after', 'DELETED before'])
})

test.each([false, true])('a watch resumed from the last resourceVersion after a dropped stream misses nothing (abrupt: %s)', async (abrupt) => {
  sandbox.faults.add({effect: {kind: 'closeWatch', afterEvents: 2, abrupt}, times: 1})
  const list = (await call(sandbox, 'GET', '/api/v1/namespaces/default/configmaps')).json
  const events: WatchEvent[] = []
  const first = await stream(sandbox, `/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=${list.metadata.resourceVersion}`, collect(events))
  for (const name of ['a', 'b', 'c', 'd']) await create(name)
  await first.ended
  expect(events.length).toBeLessThanOrEqual(2)
  const lastSeen = events[events.length - 1]!.object.metadata.resourceVersion
  const second = await stream(sandbox, `/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=${lastSeen}`, collect(events))
  await create('e')
  await eventually(() => events.length === 5)
  second.close()
  expect(events.map((e) => `${e.type} ${e.object.metadata.name}`)).toEqual(['ADDED a', 'ADDED b', 'ADDED c', 'ADDED d', 'ADDED e'])
})

test('a watch from a resourceVersion older than the history gets a 410 ERROR event', async () => {
  const start = (await call(sandbox, 'GET', '/api/v1/namespaces/default/configmaps')).json.metadata.resourceVersion
  for (let i = 0; i < 60; i++) await create(`cm-${i}`)
  const events: WatchEvent[] = []
  const watch = await stream(sandbox, `/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=${start}`, collect(events))
  await watch.ended
  expect(watch.status).toBe(200)
  expect(events).toEqual([{type: 'ERROR', object: expect.objectContaining({kind: 'Status', code: 410, reason: 'Expired', message: expect.stringMatching(/^too old resource version: \d+ \(\d+\)$/)})}])
})

test('allowWatchBookmarks sends BOOKMARK events; timeoutSeconds ends the stream', async () => {
  const events: WatchEvent[] = []
  const watch = await stream(sandbox, '/api/v1/configmaps?watch=true&allowWatchBookmarks=true&timeoutSeconds=1', collect(events))
  await watch.ended
  const bookmarks = events.filter((e) => e.type === 'BOOKMARK')
  expect(bookmarks.length).toBeGreaterThan(2)
  expect(bookmarks[0]!.object).toEqual({kind: 'ConfigMap', apiVersion: 'v1', metadata: {resourceVersion: expect.any(String)}})
})

test('a label-selected watch reports an object that stops matching as DELETED', async () => {
  await create('x', {team: 'a'})
  const events: WatchEvent[] = []
  const watch = await stream(sandbox, '/api/v1/namespaces/default/configmaps?watch=true&labelSelector=team%3Da', collect(events))
  await eventually(() => events.length === 1)
  await call(sandbox, 'PATCH', '/api/v1/namespaces/default/configmaps/x', {body: {metadata: {labels: {team: 'b'}}}, contentType: 'application/merge-patch+json'})
  await eventually(() => events.length === 2)
  watch.close()
  expect(events.map((e) => e.type)).toEqual(['ADDED', 'DELETED'])
})
