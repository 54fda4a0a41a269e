import {describe, expect, test} from 'vitest'
import type {Pod, PodSpec, PodStatus} from './kubernetes-objects.js'
import {isPodCharged, podUsage} from './pod-usage.js'
import {container, containerStatus, pod, sidecar} from './test-support/pod-builders.js'

const now = new Date('2026-01-01T12:00:00Z')
const charged = (usage: Record<string, string>): Record<string, string> => ({'count/pods': '1', pods: '1', ...usage})
const dongle = {'example.com/dongle': '3'}

// kubernetes pkg/quota/v1/evaluator/core/pods_test.go TestPodEvaluatorUsage.
const evaluatorUsage: {name: string; spec: PodSpec; status?: PodStatus; metadata?: Pod['metadata']; usage: Record<string, string>}[] = [
  {name: 'init container CPU', spec: {initContainers: [container({cpu: '1m'}, {cpu: '2m'})]}, usage: charged({cpu: '1m', 'requests.cpu': '1m', 'limits.cpu': '2m'})},
  {name: 'init container MEM', spec: {initContainers: [container({memory: '1m'}, {memory: '2m'})]}, usage: charged({memory: '1m', 'requests.memory': '1m', 'limits.memory': '2m'})},
  {
    name: 'init container local ephemeral storage',
    spec: {initContainers: [container({'ephemeral-storage': '32Mi'}, {'ephemeral-storage': '64Mi'})]},
    usage: charged({'ephemeral-storage': '32Mi', 'requests.ephemeral-storage': '32Mi', 'limits.ephemeral-storage': '64Mi'}),
  },
  {name: 'init container hugepages', spec: {initContainers: [container({'hugepages-2Mi': '100Mi'})]}, usage: charged({'hugepages-2Mi': '100Mi', 'requests.hugepages-2Mi': '100Mi'})},
  {name: 'init container extended resources', spec: {initContainers: [container(dongle, dongle)]}, usage: charged({'requests.example.com/dongle': '3'})},
  {name: 'container CPU', spec: {containers: [container({cpu: '1m'}, {cpu: '2m'})]}, usage: charged({cpu: '1m', 'requests.cpu': '1m', 'limits.cpu': '2m'})},
  {name: 'container MEM', spec: {containers: [container({memory: '1m'}, {memory: '2m'})]}, usage: charged({memory: '1m', 'requests.memory': '1m', 'limits.memory': '2m'})},
  {
    name: 'container local ephemeral storage',
    spec: {containers: [container({'ephemeral-storage': '32Mi'}, {'ephemeral-storage': '64Mi'})]},
    usage: charged({'ephemeral-storage': '32Mi', 'requests.ephemeral-storage': '32Mi', 'limits.ephemeral-storage': '64Mi'}),
  },
  {name: 'container hugepages', spec: {containers: [container({'hugepages-2Mi': '100Mi'})]}, usage: charged({'hugepages-2Mi': '100Mi', 'requests.hugepages-2Mi': '100Mi'})},
  {name: 'container extended resources', spec: {containers: [container(dongle, dongle)]}, usage: charged({'requests.example.com/dongle': '3'})},
  {name: 'terminated generic count still appears', spec: {containers: [container(dongle, dongle)]}, status: {phase: 'Succeeded'}, usage: {'count/pods': '1'}},
  {
    name: 'init container maximums override sum of containers',
    spec: {
      initContainers: [
        container({cpu: '4', memory: '100M', 'example.com/dongle': '4'}, {cpu: '8', memory: '200M', 'example.com/dongle': '4'}),
        container({cpu: '1', memory: '50M', 'example.com/dongle': '2'}, {cpu: '2', memory: '100M', 'example.com/dongle': '2'}),
      ],
      containers: [
        container({cpu: '1', memory: '50M', 'example.com/dongle': '1'}, {cpu: '2', memory: '100M', 'example.com/dongle': '1'}),
        container({cpu: '2', memory: '25M', 'example.com/dongle': '2'}, {cpu: '5', memory: '50M', 'example.com/dongle': '2'}),
      ],
    },
    usage: charged({cpu: '4', 'requests.cpu': '4', 'limits.cpu': '8', memory: '100M', 'requests.memory': '100M', 'limits.memory': '200M', 'requests.example.com/dongle': '4'}),
  },
  {
    name: 'pod deletion timestamp exceeded',
    metadata: {name: 'p', deletionTimestamp: '2026-01-01T11:59:00Z', deletionGracePeriodSeconds: 30},
    status: {phase: 'Running'},
    spec: {containers: [container({cpu: '1', memory: '50M'}, {cpu: '2', memory: '100M'})]},
    usage: {'count/pods': '1'},
  },
  {
    name: 'pod deletion timestamp not exceeded',
    metadata: {name: 'p', deletionTimestamp: '2026-01-01T12:00:00Z', deletionGracePeriodSeconds: 30},
    spec: {containers: [container({cpu: '1'}, {cpu: '2'})]},
    usage: charged({cpu: '1', 'requests.cpu': '1', 'limits.cpu': '2'}),
  },
  {name: 'count pod overhead as usage', spec: {overhead: {cpu: '1'}, containers: [container({cpu: '1'}, {cpu: '2'})]}, usage: charged({cpu: '2', 'requests.cpu': '2', 'limits.cpu': '3'})},
  {name: 'pod-level CPU', spec: {resources: {requests: {cpu: '1m'}, limits: {cpu: '2m'}}}, usage: charged({cpu: '1m', 'requests.cpu': '1m', 'limits.cpu': '2m'})},
  {name: 'pod-level Memory', spec: {resources: {requests: {memory: '1Mi'}, limits: {memory: '2Mi'}}}, usage: charged({memory: '1Mi', 'requests.memory': '1Mi', 'limits.memory': '2Mi'})},
  {
    name: 'pod-level memory with container-level ephemeral storage',
    spec: {resources: {requests: {memory: '1Mi'}, limits: {memory: '2Mi'}}, containers: [container({'ephemeral-storage': '32Mi'}, {'ephemeral-storage': '64Mi'})]},
    usage: charged({
      memory: '1Mi', 'requests.memory': '1Mi', 'limits.memory': '2Mi',
      'ephemeral-storage': '32Mi', 'requests.ephemeral-storage': '32Mi', 'limits.ephemeral-storage': '64Mi',
    }),
  },
]

// pods_test.go TestPodEvaluatorUsageResourceResize, feature enabled (InPlacePodVerticalScaling is GA).
const resize: typeof evaluatorUsage = [
  {
    name: 'verify Max(Container.Spec.Requests, ContainerStatus.Resources) for memory resource',
    spec: {containers: [container({memory: '200Mi'}, {memory: '400Mi'})]},
    status: {containerStatuses: [containerStatus('', {memory: '150Mi'})]},
    usage: charged({memory: '200Mi', 'requests.memory': '200Mi', 'limits.memory': '400Mi'}),
  },
  {
    name: 'verify Max(Container.Spec.Requests, ContainerStatus.Resources) for CPU resource',
    spec: {containers: [container({cpu: '100m'}, {cpu: '200m'})]},
    status: {containerStatuses: [containerStatus('', {cpu: '150m'})]},
    usage: charged({cpu: '150m', 'requests.cpu': '150m', 'limits.cpu': '200m'}),
  },
  {
    name: 'verify Max(Container.Spec.Requests, ContainerStatus.Resources) for CPU and memory resource',
    spec: {containers: [container({cpu: '100m', memory: '200Mi'}, {cpu: '200m', memory: '400Mi'})]},
    status: {containerStatuses: [containerStatus('', {cpu: '150m', memory: '250Mi'})]},
    usage: charged({cpu: '150m', 'requests.cpu': '150m', 'limits.cpu': '200m', memory: '250Mi', 'requests.memory': '250Mi', 'limits.memory': '400Mi'}),
  },
  {
    name: 'verify Max(Container.Spec.Requests, ContainerStatus.Resources==nil) for CPU and memory resource',
    spec: {containers: [container({cpu: '100m', memory: '200Mi'}, {cpu: '200m', memory: '400Mi'})]},
    status: {containerStatuses: [{}]},
    usage: charged({cpu: '100m', 'requests.cpu': '100m', 'limits.cpu': '200m', memory: '200Mi', 'requests.memory': '200Mi', 'limits.memory': '400Mi'}),
  },
]

// Beyond the upstream table: the rules of pods.go applied to sidecars, phases and requests without limits.
const beyond: typeof evaluatorUsage = [
  {name: 'Failed pods charge only count/pods', spec: {containers: [container({cpu: '1'})]}, status: {phase: 'Failed'}, usage: {'count/pods': '1'}},
  {name: 'Pending pods are charged', spec: {containers: [container({cpu: '1'})]}, status: {phase: 'Pending'}, usage: charged({cpu: '1', 'requests.cpu': '1'})},
  {name: 'a pod without resources charges pods and count/pods', spec: {containers: [container()]}, usage: charged({})},
  {
    name: 'sidecar requests add to the containers, then init max applies',
    spec: {initContainers: [sidecar('proxy', {cpu: '500m', memory: '64Mi'}, {cpu: '1'}), container({cpu: '2'}, undefined, {name: 'migrate'})], containers: [container({cpu: '1', memory: '128Mi'}, {cpu: '1'})]},
    usage: charged({cpu: '2500m', 'requests.cpu': '2500m', 'limits.cpu': '2', memory: '192Mi', 'requests.memory': '192Mi'}),
  },
  {
    name: 'DRA device-class resources charge requests. only (pods.go @ d7ce957)',
    spec: {containers: [container({'deviceclass.resource.kubernetes.io/gpu': '2'}, {'deviceclass.resource.kubernetes.io/gpu': '2'})]},
    usage: charged({'requests.deviceclass.resource.kubernetes.io/gpu': '2'}),
  },
  {name: 'hugepages limits are never charged', spec: {containers: [container(undefined, {'hugepages-1Gi': '2Gi'})]}, usage: charged({})},
  {name: 'kubernetes.io-prefixed names are native, not extended', spec: {containers: [container({'example.kubernetes.io/thing': '1'})]}, usage: charged({})},
  {name: 'overhead is not added to a missing limit', spec: {overhead: {memory: '10Mi'}, containers: [container({memory: '1Gi'})]}, usage: charged({memory: '1034Mi', 'requests.memory': '1034Mi'})},
]

describe('podUsage (pods_test.go TestPodEvaluatorUsage and resize cases)', () => {
  test.each([...evaluatorUsage, ...resize, ...beyond])('$name', ({spec, status, metadata, usage}) => {
    expect(podUsage(pod(spec, status, metadata ?? {name: 'p'}), {now})).toEqual(usage)
  })
})

describe('isPodCharged (QuotaV1Pod)', () => {
  const deleting = (deletionTimestamp: string, deletionGracePeriodSeconds?: number) =>
    pod({}, {}, {name: 'p', deletionTimestamp, ...(deletionGracePeriodSeconds === undefined ? {} : {deletionGracePeriodSeconds})})
  test.each([
    {name: 'grace period ends exactly now: still charged', pod: deleting('2026-01-01T11:59:30Z', 30), want: true},
    {name: 'one second past the grace period', pod: deleting('2026-01-01T11:59:29Z', 30), want: false},
    {name: 'deletion without a grace period field', pod: deleting('2020-01-01T00:00:00Z'), want: true},
    {name: 'zero grace period, deleted a moment ago', pod: deleting('2026-01-01T11:59:59Z', 0), want: false},
  ])('$name', ({pod: p, want}) => expect(isPodCharged(p, now)).toBe(want))

  test('without a clock a terminating pod stays charged', () => {
    expect(isPodCharged(deleting('2020-01-01T00:00:00Z', 30))).toBe(true)
  })
})
