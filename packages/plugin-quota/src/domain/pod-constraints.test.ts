import {describe, expect, test} from 'vitest'
import type {PodSpec} from './kubernetes-objects.js'
import {missingQuotaRequests} from './pod-constraints.js'
import {container, pod} from './test-support/pod-builders.js'

const cpuOnly = (name: string) => container({cpu: '1m'}, {cpu: '2m'}, {name})

// kubernetes pkg/quota/v1/evaluator/core/pods_test.go TestPodConstraintsFunc.
describe('missingQuotaRequests', () => {
  test.each([
    {name: 'init container resource missing', spec: {initContainers: [cpuOnly('dummy')]}, required: ['memory'], want: 'must specify memory for: dummy'},
    {name: 'multiple init container resource missing', spec: {initContainers: [cpuOnly('foo'), cpuOnly('bar')]}, required: ['memory'], want: 'must specify memory for: bar,foo'},
    {name: 'container resource missing', spec: {containers: [cpuOnly('dummy')]}, required: ['memory'], want: 'must specify memory for: dummy'},
    {name: 'multiple container resource missing', spec: {containers: [cpuOnly('foo'), cpuOnly('bar')]}, required: ['memory'], want: 'must specify memory for: bar,foo'},
    {
      name: 'container resource missing multiple',
      spec: {containers: [container(undefined, undefined, {name: 'foo'}), container(undefined, undefined, {name: 'bar'})]},
      required: ['memory', 'cpu'],
      want: 'must specify cpu for: bar,foo; memory for: bar,foo',
    },
    {
      name: 'pod-level resource set, container-level required resources missing',
      spec: {resources: {requests: {cpu: '1m'}}, containers: [container(undefined, undefined, {name: 'foo'}), container(undefined, undefined, {name: 'bar'})]},
      required: ['memory', 'cpu'],
      want: undefined,
    },
    // Beyond the table.
    {name: 'limits.cpu needs a limit, a request is not enough', spec: {containers: [container({cpu: '1'}, undefined, {name: 'app'})]}, required: ['limits.cpu'], want: 'must specify limits.cpu for: app'},
    {name: 'resources outside the validation set are not enforced', spec: {containers: [container(undefined, undefined, {name: 'app'})]}, required: ['requests.ephemeral-storage', 'pods', 'requests.nvidia.com/gpu'], want: undefined},
    {name: 'nothing missing', spec: {containers: [container({cpu: '1', memory: '1Gi'}, {cpu: '1', memory: '1Gi'}, {name: 'app'})]}, required: ['cpu', 'memory', 'limits.cpu', 'limits.memory'], want: undefined},
  ] as {name: string; spec: PodSpec; required: string[]; want: string | undefined}[])('$name', ({spec, required, want}) => {
    expect(missingQuotaRequests(pod(spec), required)).toBe(want)
  })
})
