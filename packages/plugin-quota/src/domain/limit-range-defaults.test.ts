import {describe, expect, test} from 'vitest'
import type {LimitRange, LimitRangeItem} from './kubernetes-objects.js'
import {applyLimitRangeDefaults, defaultLimitRangeItem, LIMIT_RANGER_ANNOTATION, withRequestsDefaultedFromLimits} from './limit-range-defaults.js'
import {container, pod} from './test-support/pod-builders.js'

const limitRange = (name: string, ...limits: LimitRangeItem[]): LimitRange => ({apiVersion: 'v1', kind: 'LimitRange', metadata: {name, namespace: 'test'}, spec: {limits}})
// admission_test.go validLimitRange(): a Pod item and a Container item with default 75m/10Mi, defaultRequest 50m/5Mi.
const valid = limitRange(
  'abc',
  {type: 'Pod', max: {cpu: '200m', memory: '4Gi'}, min: {cpu: '50m', memory: '2Mi'}},
  {type: 'Container', max: {cpu: '100m', memory: '2Gi'}, min: {cpu: '25m', memory: '1Mi'}, default: {cpu: '75m', memory: '10Mi'}, defaultRequest: {cpu: '50m', memory: '5Mi'}},
)

// admission_test.go TestMergePodResourceRequirements (containers named foo-<i>).
describe('applyLimitRangeDefaults (TestMergePodResourceRequirements)', () => {
  test('a pod with no resources gets each default', () => {
    const result = applyLimitRangeDefaults(pod({containers: [container({}, {}, {name: 'foo-0'})]}), [valid])
    expect(result.spec?.containers?.[0]?.resources).toEqual({requests: {cpu: '50m', memory: '5Mi'}, limits: {cpu: '75m', memory: '10Mi'}})
    expect(result.metadata.annotations?.[LIMIT_RANGER_ANNOTATION]).toBe('LimitRanger plugin set: cpu, memory request for container foo-0; cpu, memory limit for container foo-0')
  })

  test('only missing values are merged, init containers too', () => {
    const input = () => container({memory: '512Mi'}, {}, {name: 'foo-0'})
    const result = applyLimitRangeDefaults(pod({containers: [input()], initContainers: [input()]}), [valid])
    const expected = {requests: {cpu: '50m', memory: '512Mi'}, limits: {cpu: '75m', memory: '10Mi'}}
    expect(result.spec?.containers?.[0]?.resources).toEqual(expected)
    expect(result.spec?.initContainers?.[0]?.resources).toEqual(expected)
    expect(result.metadata.annotations?.[LIMIT_RANGER_ANNOTATION]).toBe(
      'LimitRanger plugin set: cpu request for container foo-0; cpu, memory limit for container foo-0; cpu request for init container foo-0; cpu, memory limit for init container foo-0',
    )
  })

  test('a pod with everything set is left alone, without annotation', () => {
    const input = pod({containers: [container({cpu: '100m', memory: '512Mi'}, {cpu: '200m', memory: '1G'}, {name: 'foo-0'})], initContainers: [container({cpu: '200m', memory: '1G'}, {cpu: '400m', memory: '2G'}, {name: 'foo-0'})]})
    const result = applyLimitRangeDefaults(input, [valid])
    expect(result).toEqual(input)
    expect(result.metadata.annotations).toBeUndefined()
  })
})

describe('API defaulting before LimitRanger', () => {
  test('a limit without a request becomes the request (SetDefaults_Pod), so defaultRequest does not apply', () => {
    const result = applyLimitRangeDefaults(pod({containers: [container(undefined, {cpu: '1'}, {name: 'app'})]}), [valid])
    expect(result.spec?.containers?.[0]?.resources).toEqual({requests: {cpu: '1', memory: '5Mi'}, limits: {cpu: '1', memory: '10Mi'}})
  })

  test('withRequestsDefaultedFromLimits keeps explicit requests', () => {
    const result = withRequestsDefaultedFromLimits(pod({initContainers: [container({cpu: '100m'}, {cpu: '1', memory: '1Gi'})]}))
    expect(result.spec?.initContainers?.[0]?.resources?.requests).toEqual({cpu: '100m', memory: '1Gi'})
  })

  test('the input pod is not modified', () => {
    const input = pod({containers: [container(undefined, {cpu: '1'}, {name: 'app'})]})
    const before = structuredClone(input)
    applyLimitRangeDefaults(input, [valid])
    expect(input).toEqual(before)
  })
})

describe('several LimitRanges', () => {
  test('the first LimitRange that sets a key wins', () => {
    const first = limitRange('first', {type: 'Container', default: {cpu: '1'}, defaultRequest: {cpu: '500m'}})
    const second = limitRange('second', {type: 'Container', default: {cpu: '2', memory: '1Gi'}, defaultRequest: {cpu: '1', memory: '512Mi'}})
    const result = applyLimitRangeDefaults(pod({containers: [container({}, {}, {name: 'app'})]}), [first, second])
    expect(result.spec?.containers?.[0]?.resources).toEqual({requests: {cpu: '500m', memory: '512Mi'}, limits: {cpu: '1', memory: '1Gi'}})
    // Each LimitRange rewrites the annotation with what it set; the last one that set something is what remains.
    expect(result.metadata.annotations?.[LIMIT_RANGER_ANNOTATION]).toBe('LimitRanger plugin set: memory request for container app; memory limit for container app')
  })

  test('Pod and PersistentVolumeClaim items set no defaults', () => {
    const result = applyLimitRangeDefaults(pod({containers: [container({}, {}, {name: 'app'})]}), [limitRange('x', {type: 'Pod', max: {cpu: '4'}})])
    expect(result.spec?.containers?.[0]?.resources).toEqual({requests: {}, limits: {}})
    expect(result.metadata.annotations).toBeUndefined()
  })
})

// kubernetes pkg/apis/core/v1/defaults.go SetDefaults_LimitRangeItem.
describe('defaultLimitRangeItem', () => {
  test.each([
    {name: 'default from max', item: {type: 'Container', max: {cpu: '2'}}, want: {type: 'Container', max: {cpu: '2'}, default: {cpu: '2'}, defaultRequest: {cpu: '2'}}},
    {name: 'defaultRequest from default', item: {type: 'Container', default: {cpu: '1'}}, want: {type: 'Container', default: {cpu: '1'}, defaultRequest: {cpu: '1'}}},
    {name: 'defaultRequest from min when no default', item: {type: 'Container', min: {cpu: '100m'}}, want: {type: 'Container', min: {cpu: '100m'}, default: {}, defaultRequest: {cpu: '100m'}}},
    {
      name: 'explicit values win',
      item: {type: 'Container', max: {cpu: '2'}, min: {cpu: '100m'}, default: {cpu: '1'}, defaultRequest: {cpu: '200m'}},
      want: {type: 'Container', max: {cpu: '2'}, min: {cpu: '100m'}, default: {cpu: '1'}, defaultRequest: {cpu: '200m'}},
    },
    {name: 'Pod items are not defaulted', item: {type: 'Pod', max: {cpu: '2'}}, want: {type: 'Pod', max: {cpu: '2'}}},
  ])('$name', ({item, want}) => expect(defaultLimitRangeItem(item)).toEqual(want))
})
