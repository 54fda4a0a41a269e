import {describe, expect, test} from 'vitest'
import type {Container, ContainerStatus, PodSpec, PodStatus, RawResourceList} from './kubernetes-objects.js'
import {podLimits, podRequests, type PodResourcesOptions} from './pod-requests.js'
import {formatResourceList} from './resource-list.js'
import {container, containerStatus, pod, sidecar} from './test-support/pod-builders.js'

interface Row {
  name: string
  options?: PodResourcesOptions
  overhead?: RawResourceList
  initContainers?: Container[]
  containers?: Container[]
  containerStatuses?: ContainerStatus[]
  initContainerStatuses?: ContainerStatus[]
  conditions?: PodStatus['conditions']
  requests?: Record<string, string>
  limits?: Record<string, string>
}

const infeasible = [{type: 'PodResizePending', reason: 'Infeasible'}]
const both = (cpu: string, memory: string): RawResourceList => ({cpu, memory})

// kubernetes/component-helpers resource/helpers_test.go TestPodRequestsAndLimits (getPod: one container
// "foo" with the given requests/limits, plus overhead) and TestPodRequestsAndLimitsWithoutOverhead.
const requestsAndLimits: Row[] = [
  {name: 'just-limit-no-overhead', containers: [container(undefined, {cpu: '9'})], requests: {}, limits: {cpu: '9'}},
  {name: 'just-overhead', overhead: both('5', '5'), containers: [container()], requests: {cpu: '5', memory: '5'}, limits: {}},
  {name: 'req-and-overhead', overhead: both('5', '5'), containers: [container(both('1', '10'))], requests: {cpu: '6', memory: '15'}, limits: {}},
  {name: 'all-req-lim-and-overhead', overhead: both('5', '5'), containers: [container(both('1', '10'), both('2', '12'))], requests: {cpu: '6', memory: '15'}, limits: {cpu: '7', memory: '17'}},
  {name: 'req-some-lim-and-overhead', overhead: both('5', '5'), containers: [container(both('1', '10'), {cpu: '2'})], requests: {cpu: '6', memory: '15'}, limits: {cpu: '7'}},
  {
    name: 'two container no overhead - should just be sum of containers',
    options: {excludeOverhead: true},
    containers: [container(both('1', '5'), both('2', '10')), container(both('4', '12'), both('8', '24'))],
    requests: {cpu: '5', memory: '17'},
    limits: {cpu: '10', memory: '34'},
  },
  {
    name: "two container with overhead - shouldn't consider overhead",
    options: {excludeOverhead: true},
    overhead: both('3', '8'),
    containers: [container(both('1', '5'), both('2', '10')), container(both('4', '12'), both('8', '24'))],
    requests: {cpu: '5', memory: '17'},
    limits: {cpu: '10', memory: '34'},
  },
  {
    name: 'two container with overhead, massive init - should just be the largest init',
    options: {excludeOverhead: true},
    overhead: both('3', '8'),
    containers: [container(both('1', '5'), both('2', '10')), container(both('4', '12'), both('8', '24'))],
    initContainers: [container(both('1', '5'), both('1', '5')), container(both('40', '120'), both('80', '240'))],
    requests: {cpu: '40', memory: '120'},
    limits: {cpu: '80', memory: '240'},
  },
]

// helpers_test.go TestPodResourceRequests (options: {} there means UseStatusResources false).
const noStatus = {useStatusResources: false}
const resourceRequests: Row[] = [
  {name: 'nil options, larger init container', options: noStatus, initContainers: [container({cpu: '4'})], containers: [container({cpu: '1'})], requests: {cpu: '4'}},
  {name: 'nil options, larger containers', options: noStatus, initContainers: [container({cpu: '2'})], containers: [container({cpu: '2'}), container({cpu: '3'})], requests: {cpu: '5'}},
  {name: 'pod overhead excluded', options: {...noStatus, excludeOverhead: true}, overhead: {cpu: '1'}, initContainers: [container({cpu: '2'})], containers: [container({cpu: '2'}), container({cpu: '3'})], requests: {cpu: '5'}},
  {name: 'pod overhead included', options: noStatus, overhead: both('1', '1Gi'), initContainers: [container({cpu: '2'}, {cpu: '2'})], containers: [container({cpu: '2'}), container({cpu: '3'})], requests: {cpu: '6', memory: '1Gi'}},
  {
    name: 'resized, infeasible',
    conditions: infeasible,
    containers: [container({cpu: '4'}, undefined, {name: 'container-1'})],
    containerStatuses: [containerStatus('container-1', {cpu: '2'})],
    requests: {cpu: '2'},
  },
  {
    name: 'resized, infeasible & in-progress',
    conditions: infeasible,
    containers: [container({cpu: '6'}, undefined, {name: 'container-1'})],
    containerStatuses: [containerStatus('container-1', {cpu: '2'}, {cpu: '4'})],
    requests: {cpu: '4'},
  },
  {name: 'resized, no resize status', containers: [container({cpu: '4'}, undefined, {name: 'container-1'})], containerStatuses: [containerStatus('container-1', {cpu: '2'})], requests: {cpu: '4'}},
  {
    name: 'resized: per-resource 3-way maximum',
    containers: [container({cpu: '30m', memory: '20M', 'ephemeral-storage': '10G'}, undefined, {name: 'container-1'})],
    containerStatuses: [containerStatus('container-1', {cpu: '10m', memory: '30M', 'ephemeral-storage': '20G'}, {cpu: '20m', memory: '10M', 'ephemeral-storage': '30G'})],
    requests: {cpu: '30m', memory: '30M', 'ephemeral-storage': '30G'},
  },
  {
    name: "resized, infeasible, but don't use status",
    options: noStatus,
    conditions: infeasible,
    containers: [container({cpu: '4'}, undefined, {name: 'container-1'})],
    containerStatuses: [containerStatus('container-1', {cpu: '2'})],
    requests: {cpu: '4'},
  },
  {
    name: 'resized, restartable init container, infeasible',
    conditions: infeasible,
    initContainers: [sidecar('restartable-init-1', {cpu: '4'})],
    initContainerStatuses: [containerStatus('restartable-init-1', {cpu: '2'})],
    requests: {cpu: '2'},
  },
  {
    name: 'resized, restartable init container, no resize status',
    initContainers: [sidecar('restartable-init-1', {cpu: '4'})],
    initContainerStatuses: [containerStatus('restartable-init-1', {cpu: '2'})],
    requests: {cpu: '4'},
  },
  {
    name: "resized, restartable init container, infeasible, but don't use status",
    options: noStatus,
    conditions: infeasible,
    initContainers: [sidecar('restartable-init-1', {cpu: '4'})],
    initContainerStatuses: [containerStatus('restartable-init-1', {cpu: '2'})],
    requests: {cpu: '4'},
  },
  {name: 'restartable init container', options: noStatus, initContainers: [sidecar('restartable-init-1', {cpu: '1'})], containers: [container({cpu: '1'}, undefined, {name: 'container-1'})], requests: {cpu: '2'}},
  {
    name: 'multiple restartable init containers',
    options: noStatus,
    initContainers: [container({cpu: '5'}, undefined, {name: 'init-1'}), sidecar('restartable-init-1', {cpu: '1'}), sidecar('restartable-init-2', {cpu: '2'}), sidecar('restartable-init-3', {cpu: '3'})],
    containers: [container({cpu: '1'}, undefined, {name: 'container-1'})],
    requests: {cpu: '7'},
  },
  {
    name: 'multiple restartable and regular init containers',
    options: noStatus,
    initContainers: [
      container({cpu: '5'}, undefined, {name: 'init-1'}),
      sidecar('restartable-init-1', {cpu: '1'}),
      sidecar('restartable-init-2', {cpu: '2'}),
      container({cpu: '5'}, undefined, {name: 'init-2'}),
      sidecar('restartable-init-3', {cpu: '3'}),
    ],
    containers: [container({cpu: '1'}, undefined, {name: 'container-1'})],
    requests: {cpu: '8'},
  },
  {
    name: 'restartable-init, init and regular',
    options: noStatus,
    initContainers: [sidecar('restartable-init-1', {cpu: '10'}), container({cpu: '200'}, undefined, {name: 'init-1'})],
    containers: [container({cpu: '100'}, undefined, {name: 'container-1'})],
    requests: {cpu: '210'},
  },
  {
    name: 'aggregate request resolves max of sums instead of sum of maxes',
    containers: [container({cpu: '1'}, undefined, {name: 'c1'}), container({cpu: '2'}, undefined, {name: 'c2'})],
    containerStatuses: [containerStatus('c1', undefined, {cpu: '2'}), containerStatus('c2', undefined, {cpu: '1'})],
    requests: {cpu: '3'},
  },
]

// helpers_test.go TestPodResourceLimits.
const resourceLimits: Row[] = [
  {name: 'limits: nil options, larger init container', options: noStatus, initContainers: [container(undefined, {cpu: '4'})], containers: [container(undefined, {cpu: '1'})], limits: {cpu: '4'}},
  {name: 'limits: nil options, larger containers', options: noStatus, initContainers: [container(undefined, {cpu: '2'})], containers: [container(undefined, {cpu: '2'}), container(undefined, {cpu: '3'})], limits: {cpu: '5'}},
  {name: 'limits: pod overhead excluded', options: {...noStatus, excludeOverhead: true}, overhead: {cpu: '1'}, initContainers: [container(undefined, {cpu: '2'})], containers: [container(undefined, {cpu: '2'}), container(undefined, {cpu: '3'})], limits: {cpu: '5'}},
  {name: 'limits: pod overhead included (only on non-zero limits)', options: noStatus, overhead: both('1', '1Gi'), initContainers: [container(undefined, {cpu: '2'})], containers: [container(undefined, {cpu: '2'}), container(undefined, {cpu: '3'})], limits: {cpu: '6'}},
  {name: 'no limited containers should result in no limits for the pod', options: noStatus, containers: [container()], limits: {}},
  {name: "one limited and one unlimited container should result in the limited container's limits for the pod", options: noStatus, containers: [container(undefined, both('2', '2Gi')), container()], limits: {cpu: '2', memory: '2Gi'}},
  {name: 'one limited and one unlimited init container: the limited init container wins over smaller containers', options: noStatus, initContainers: [container(undefined, both('2', '2Gi')), container()], containers: [container(undefined, both('1', '1Gi'))], limits: {cpu: '2', memory: '2Gi'}},
]

function podOf(row: Row) {
  return pod(
    {containers: row.containers ?? [], initContainers: row.initContainers ?? [], ...(row.overhead ? {overhead: row.overhead} : {})},
    {containerStatuses: row.containerStatuses ?? [], initContainerStatuses: row.initContainerStatuses ?? [], conditions: row.conditions ?? []},
  )
}

describe('podRequests / podLimits (component-helpers helpers_test.go)', () => {
  test.each([...requestsAndLimits, ...resourceRequests, ...resourceLimits])('$name', (row) => {
    if (row.requests) expect(formatResourceList(podRequests(podOf(row), row.options))).toEqual(row.requests)
    if (row.limits) expect(formatResourceList(podLimits(podOf(row), row.options))).toEqual(row.limits)
  })
})

describe('pod-level resources', () => {
  test.each<{name: string; spec: PodSpec; requests: Record<string, string>; limits: Record<string, string>}>([
    {name: 'pod-level cpu request replaces the container sum', spec: {resources: {requests: {cpu: '1'}}, containers: [container({cpu: '3', memory: '1Gi'})]}, requests: {cpu: '1', memory: '1Gi'}, limits: {}},
    {name: 'pod-level limits apply when only limits are set', spec: {resources: {limits: {memory: '2Gi'}}, containers: [container(undefined, {memory: '1Gi', cpu: '1'})]}, requests: {}, limits: {cpu: '1', memory: '2Gi'}},
    {name: 'unsupported pod-level resources are ignored', spec: {resources: {requests: {'ephemeral-storage': '1Gi'}}, containers: [container({'ephemeral-storage': '2Gi'})]}, requests: {'ephemeral-storage': '2Gi'}, limits: {}},
    {name: 'hugepages are pod-level resources', spec: {resources: {requests: {'hugepages-2Mi': '4Mi'}}, containers: [container({'hugepages-2Mi': '2Mi'})]}, requests: {'hugepages-2Mi': '4Mi'}, limits: {}},
  ])('$name', ({spec, requests, limits}) => {
    expect(formatResourceList(podRequests(pod(spec)))).toEqual(requests)
    expect(formatResourceList(podLimits(pod(spec)))).toEqual(limits)
  })

  test('skipPodLevelResources falls back to the containers', () => {
    const p = pod({resources: {requests: {cpu: '1'}}, containers: [container({cpu: '3'})]})
    expect(formatResourceList(podRequests(p, {skipPodLevelResources: true}))).toEqual({cpu: '3'})
  })
})
