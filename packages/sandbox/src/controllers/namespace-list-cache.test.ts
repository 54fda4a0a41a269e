import {expect, test} from 'vitest'
import {NamespaceListCache} from './namespace-list-cache.js'
import {PODS} from './resource-keys.js'
import {FakeStore} from './test-support/fake-store.js'

const pod = (namespace: string, name: string) => ({apiVersion: 'v1', kind: 'Pod', metadata: {namespace, name}})

test('serves one list per namespace until that namespace changes or the microtask ends', async () => {
  const store = new FakeStore(() => new Date(0))
  store.create(PODS, pod('a', 'one'))
  store.create(PODS, pod('b', 'two'))
  const cache = new NamespaceListCache(store)
  const first = cache.list(PODS, 'a')
  const other = cache.list(PODS, 'b')
  expect(cache.list(PODS, 'a')).toBe(first)

  store.create(PODS, pod('a', 'three'))
  expect(cache.list(PODS, 'a').map((p) => p.metadata.name)).toEqual(['one', 'three'])
  expect(cache.list(PODS, 'b')).toBe(other)

  await Promise.resolve()
  expect(cache.list(PODS, 'b')).not.toBe(other)
  cache.stop()
})
