import {expect, test} from 'vitest'
import {resourceUnitKind} from './resource-unit-kind.js'

test.each([
  ['cpu', 'cores'],
  ['requests.cpu', 'cores'],
  ['limits.cpu', 'cores'],
  ['example.com/cpu', 'cores'],
  ['memory', 'bytes'],
  ['requests.memory', 'bytes'],
  ['limits.memory', 'bytes'],
  ['storage', 'bytes'],
  ['requests.storage', 'bytes'],
  ['gold.storageclass.storage.k8s.io/requests.storage', 'bytes'],
  ['ephemeral-storage', 'bytes'],
  ['limits.ephemeral-storage', 'bytes'],
  ['hugepages-2Mi', 'bytes'],
  ['requests.hugepages-1Gi', 'bytes'],
  ['pods', 'count'],
  ['count/deployments.apps', 'count'],
  ['services.loadbalancers', 'count'],
  ['gold.storageclass.storage.k8s.io/persistentvolumeclaims', 'count'],
  ['requests.nvidia.com/gpu', 'count'],
  ['cpus', 'count'],
  ['memory-bandwidth', 'count'],
])('%s is counted in %s', (name, kind) => {
  expect(resourceUnitKind(name)).toBe(kind)
})
