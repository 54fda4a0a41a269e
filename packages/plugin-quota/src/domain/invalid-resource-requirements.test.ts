import {describe, expect, test} from 'vitest'
import type {RawResourceList} from './kubernetes-objects.js'
import {invalidResourceRequirements} from './invalid-resource-requirements.js'
import {container, pod} from './test-support/pod-builders.js'

// Upstream pkg/apis/core/validation/validation.go ValidateResourceRequirements: "must be less than or equal to %s limit of %s",
// "must be equal to %s limit of %s" and "Limit must be set for non overcommitable resources" (IsOvercommitAllowed).
describe('invalidResourceRequirements', () => {
  test.each<{name: string; requests?: RawResourceList; limits?: RawResourceList; want: string[]}>([
    {name: 'request below the limit', requests: {cpu: '100m'}, limits: {cpu: '1'}, want: []},
    {name: 'request equal to the limit in another unit', requests: {cpu: '1'}, limits: {cpu: '1000m'}, want: []},
    {name: 'a request without a limit', requests: {cpu: '8'}, limits: undefined, want: []},
    {name: 'a limit without a request', requests: undefined, limits: {memory: '1Gi'}, want: []},
    {name: 'request above the limit', requests: {cpu: '800m'}, limits: {cpu: '500m'}, want: ['spec.containers[0].resources.requests: Invalid value: "800m": must be less than or equal to cpu limit of 500m']},
    {name: '1Gi is more than 1G', requests: {memory: '1Gi'}, limits: {memory: '1G'}, want: ['spec.containers[0].resources.requests: Invalid value: "1Gi": must be less than or equal to memory limit of 1G']},
    {name: 'a GPU limit alone (its request defaults to it)', requests: {'nvidia.com/gpu': '1'}, limits: {'nvidia.com/gpu': '1'}, want: []},
    {name: 'a GPU request below its limit', requests: {'nvidia.com/gpu': '1'}, limits: {'nvidia.com/gpu': '2'}, want: ['spec.containers[0].resources.requests: Invalid value: "1": must be equal to nvidia.com/gpu limit of 2']},
    {name: 'a GPU request without a limit', requests: {'nvidia.com/gpu': '1'}, limits: undefined, want: ['spec.containers[0].resources.limits: Required value: Limit must be set for non overcommitable resources']},
    {name: 'hugepages cannot be overcommitted either', requests: {'hugepages-2Mi': '50Mi'}, limits: {'hugepages-2Mi': '100Mi'}, want: ['spec.containers[0].resources.requests: Invalid value: "50Mi": must be equal to hugepages-2Mi limit of 100Mi']},
    {name: 'kubernetes.io/ names are native: overcommit allowed', requests: {'example.kubernetes.io/thing': '1'}, limits: undefined, want: []},
    {
      name: 'negative quantities, limits first as upstream checks them',
      requests: {cpu: '-1'},
      limits: {memory: '-1Mi'},
      want: [
        'spec.containers[0].resources.limits[memory]: Invalid value: "-1Mi": must be greater than or equal to 0',
        'spec.containers[0].resources.requests[cpu]: Invalid value: "-1": must be greater than or equal to 0',
      ],
    },
    {
      name: 'every resource, sorted',
      requests: {memory: '2Gi', cpu: '2'},
      limits: {memory: '1Gi', cpu: '1'},
      want: [
        'spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1',
        'spec.containers[0].resources.requests: Invalid value: "2Gi": must be less than or equal to memory limit of 1Gi',
      ],
    },
  ])('$name', ({requests, limits, want}) => {
    expect(invalidResourceRequirements(pod({containers: [container(requests, limits, {name: 'app'})]}))).toEqual(want)
  })

  test('init containers are checked after containers, with their own index', () => {
    const checked = pod({containers: [container({cpu: '1'}, {cpu: '1'}, {name: 'app'})], initContainers: [container({cpu: '1'}, {cpu: '2'}, {name: 'a'}), container({cpu: '3'}, {cpu: '2'}, {name: 'b'})]})
    expect(invalidResourceRequirements(checked)).toEqual(['spec.initContainers[1].resources.requests: Invalid value: "3": must be less than or equal to cpu limit of 2'])
  })
})
