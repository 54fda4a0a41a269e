import {describe, expect, test} from 'vitest'
import {
  addResourceLists, formatResourceList, lessThanOrEqual, maskResourceList, maxResourceLists, parseResourceList, removeZeros, scaleResourceList, subtractResourceLists,
} from './resource-list.js'

const list = (raw: Record<string, string>) => parseResourceList(raw)
const show = formatResourceList

// k8s.io/apiserver pkg/quota/v1/resources.go (Add, Subtract, Max, Mask, RemoveZeros, LessThanOrEqual).
describe('resource list arithmetic', () => {
  test.each([
    {name: 'add: union of keys, shared keys summed', got: () => addResourceLists(list({cpu: '100m', memory: '1Gi'}), list({cpu: '900m', pods: '1'})), want: {cpu: '1', memory: '1Gi', pods: '1'}},
    {name: 'subtract: a key only on the right goes negative', got: () => subtractResourceLists(list({cpu: '1'}), list({cpu: '250m', pods: '2'})), want: {cpu: '750m', pods: '-2'}},
    {name: 'max: per key, keys of either side', got: () => maxResourceLists(list({cpu: '1', memory: '1Gi'}), list({cpu: '2', pods: '-1'})), want: {cpu: '2', memory: '1Gi', pods: '-1'}},
    {name: 'max: Gi beats G', got: () => maxResourceLists(list({memory: '1G'}), list({memory: '1Gi'})), want: {memory: '1Gi'}},
    {name: 'scale by replicas', got: () => scaleResourceList(list({cpu: '250m', memory: '1.5Gi'}), 3), want: {cpu: '750m', memory: '4608Mi'}},
    {name: 'mask keeps only named keys', got: () => maskResourceList(list({cpu: '1', memory: '1Gi'}), ['memory', 'pods']), want: {memory: '1Gi'}},
    {name: 'removeZeros drops zero values only', got: () => removeZeros(list({cpu: '0', memory: '-1', pods: '1'})), want: {memory: '-1', pods: '1'}},
    {name: 'numbers from YAML parse as quantities', got: () => parseResourceList({cpu: 2, memory: '64Mi'}), want: {cpu: '2', memory: '64Mi'}},
  ])('$name', ({got, want}) => expect(show(got())).toEqual(want))

  test.each<{name: string; a: Record<string, string>; b: Record<string, string>; allowed: boolean; exceeded: string[]}>([
    {name: 'within', a: {cpu: '1'}, b: {cpu: '1'}, allowed: true, exceeded: []},
    {name: 'over on one key', a: {cpu: '1001m', memory: '1Gi'}, b: {cpu: '1', memory: '2Gi'}, allowed: false, exceeded: ['cpu']},
    {name: 'keys missing from the limit are unconstrained', a: {pods: '100'}, b: {cpu: '1'}, allowed: true, exceeded: []},
    {name: 'exceeded keys sorted', a: {pods: '3', cpu: '3'}, b: {pods: '1', cpu: '1'}, allowed: false, exceeded: ['cpu', 'pods']},
  ])('lessThanOrEqual: $name', ({a, b, allowed, exceeded}) => expect(lessThanOrEqual(list(a), list(b))).toEqual({allowed, exceeded}))

  test('formatResourceList sorts keys', () => {
    expect(Object.keys(show(list({pods: '1', cpu: '1', 'count/pods': '1'})))).toEqual(['count/pods', 'cpu', 'pods'])
  })
})
