import {expect, test} from 'vitest'
import {baseUnitValue} from './base-unit-value.js'
import {Quantity} from './quantity.js'

test.each([
  ['500m', 'cpu', 500],
  ['2', 'requests.cpu', 2000],
  ['0.1m', 'limits.cpu', 1],
  ['1.5Gi', 'memory', 1610612736],
  ['1k', 'requests.memory', 1000],
  ['0.5', 'memory', 1],
  ['10Gi', 'gold.storageclass.storage.k8s.io/requests.storage', 10737418240],
  ['2Mi', 'hugepages-2Mi', 2097152],
  ['10', 'pods', 10],
  ['1k', 'count/configmaps', 1000],
  ['-250m', 'cpu', -250],
  ['0', 'memory', 0],
])('%s of %s is %d in base units', (text, name, expected) => {
  expect(baseUnitValue(Quantity.parse(text), name)).toBe(expected)
})
