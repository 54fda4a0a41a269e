import type {KubeObject} from '@kubeline/core'
import {describe, expect, test} from 'vitest'
import type {PersistentVolumeClaim, Pod, PodSpec, ResourceQuota, ScopedResourceSelectorRequirement} from './kubernetes-objects.js'
import {isKnownQuotaResource, objectMatchesScope, quotaMatchesObject, quotaTracksEvaluator, quotaTracksResource} from './quota-scopes.js'
import {container, pod} from './test-support/pod-builders.js'

type Selector = ScopedResourceSelectorRequirement
const scope = (scopeName: string, operator = '', values?: string[]): Selector => ({scopeName, operator, ...(values ? {values} : {})})

// kubernetes pkg/quota/v1/evaluator/core/pods_test.go TestPodEvaluatorMatchingScopes: the default selectors and,
// per pod, the ones it matches.
const defaultSelectors = [
  scope('Terminating'),
  scope('NotTerminating'),
  scope('BestEffort'),
  scope('NotBestEffort'),
  scope('PriorityClass', 'In', ['class1']),
  scope('CrossNamespacePodAffinity'),
]
const crossNamespace = (affinity: PodSpec['affinity']): PodSpec => ({activeDeadlineSeconds: 30, affinity})
const terminatingBestEffortCrossNamespace = ['Terminating', 'BestEffort', 'CrossNamespacePodAffinity']
const podCases: {name: string; spec: PodSpec; selectors?: Selector[]; want: string[]}[] = [
  {name: 'EmptyPod', spec: {}, want: ['NotTerminating', 'BestEffort']},
  {name: 'PriorityClass', spec: {priorityClassName: 'class1'}, want: ['NotTerminating', 'BestEffort', 'PriorityClass']},
  {
    name: 'NotBestEffort',
    spec: {containers: [container({cpu: '1', memory: '50M', 'example.com/dongle': '1'}, {cpu: '2', memory: '100M', 'example.com/dongle': '1'})]},
    want: ['NotTerminating', 'NotBestEffort'],
  },
  {name: 'Terminating', spec: {activeDeadlineSeconds: 30}, want: ['Terminating', 'BestEffort']},
  {name: 'OnlyTerminating', spec: {activeDeadlineSeconds: 30}, selectors: [scope('Terminating')], want: ['Terminating']},
  {
    name: 'CrossNamespaceRequiredAffinity',
    spec: crossNamespace({podAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [{namespaces: ['ns1'], namespaceSelector: {}}]}}),
    want: terminatingBestEffortCrossNamespace,
  },
  {
    name: 'CrossNamespaceRequiredAffinityWithSlice',
    spec: crossNamespace({podAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [{namespaces: ['ns1']}]}}),
    want: terminatingBestEffortCrossNamespace,
  },
  {
    name: 'CrossNamespacePreferredAffinity',
    spec: crossNamespace({podAffinity: {preferredDuringSchedulingIgnoredDuringExecution: [{podAffinityTerm: {namespaces: ['ns2'], namespaceSelector: {}}}]}}),
    want: terminatingBestEffortCrossNamespace,
  },
  {
    name: 'CrossNamespacePreferredAffinityWithSelector',
    spec: crossNamespace({podAffinity: {preferredDuringSchedulingIgnoredDuringExecution: [{podAffinityTerm: {namespaceSelector: {}}}]}}),
    want: terminatingBestEffortCrossNamespace,
  },
  {
    name: 'CrossNamespacePreferredAntiAffinity',
    spec: crossNamespace({podAntiAffinity: {preferredDuringSchedulingIgnoredDuringExecution: [{podAffinityTerm: {namespaceSelector: {}}}]}}),
    want: terminatingBestEffortCrossNamespace,
  },
  {
    name: 'CrossNamespaceRequiredAntiAffinity',
    spec: crossNamespace({podAntiAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [{namespaces: ['ns3']}]}}),
    want: terminatingBestEffortCrossNamespace,
  },
  // Beyond the table.
  {name: 'affinity within the own namespace is not cross-namespace', spec: crossNamespace({podAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [{namespaces: []}]}}), want: ['Terminating', 'BestEffort']},
  {name: 'a negative activeDeadlineSeconds is not terminating', spec: {activeDeadlineSeconds: -1}, want: ['NotTerminating', 'BestEffort']},
  {name: 'only extended resources is still BestEffort', spec: {containers: [container({'example.com/dongle': '1'})]}, want: ['NotTerminating', 'BestEffort']},
  {name: 'a zero cpu request is still BestEffort', spec: {containers: [container({cpu: '0'})]}, want: ['NotTerminating', 'BestEffort']},
  {name: 'an init container request makes it NotBestEffort', spec: {initContainers: [container({memory: '1Mi'})]}, want: ['NotTerminating', 'NotBestEffort']},
  {name: 'pod-level resources decide QoS', spec: {resources: {requests: {cpu: '1'}}}, want: ['NotTerminating', 'NotBestEffort']},
]

describe('pod scopes (TestPodEvaluatorMatchingScopes)', () => {
  const rows = podCases.flatMap(({name, spec, selectors, want}) =>
    (selectors ?? defaultSelectors).map((selector) => ({name: `${name} / ${selector.scopeName}`, spec, selector, matches: want.includes(selector.scopeName)})),
  )
  test.each(rows)('$name: $matches', ({spec, selector, matches}) => expect(objectMatchesScope(selector, pod(spec))).toBe(matches))

  test('status.qosClass wins over the computed class', () => {
    expect(objectMatchesScope(scope('BestEffort'), pod({containers: [container({cpu: '1'})]}, {qosClass: 'BestEffort'}))).toBe(true)
  })
})

describe('PriorityClass operators', () => {
  test.each([
    {name: 'Exists with a class', priorityClassName: 'high', selector: scope('PriorityClass', 'Exists'), want: true},
    {name: 'Exists without a class', priorityClassName: '', selector: scope('PriorityClass', 'Exists'), want: false},
    {name: 'In, matching', priorityClassName: 'high', selector: scope('PriorityClass', 'In', ['high', 'medium']), want: true},
    {name: 'In, other class', priorityClassName: 'low', selector: scope('PriorityClass', 'In', ['high']), want: false},
    {name: 'In, no class', priorityClassName: '', selector: scope('PriorityClass', 'In', ['high']), want: false},
    {name: 'NotIn, other class', priorityClassName: 'low', selector: scope('PriorityClass', 'NotIn', ['high']), want: true},
    {name: 'NotIn, listed class', priorityClassName: 'high', selector: scope('PriorityClass', 'NotIn', ['high']), want: false},
    {name: 'NotIn, no class', priorityClassName: '', selector: scope('PriorityClass', 'NotIn', ['high']), want: true},
    {name: 'DoesNotExist, no class', priorityClassName: '', selector: scope('PriorityClass', 'DoesNotExist'), want: true},
    {name: 'DoesNotExist, a class', priorityClassName: 'low', selector: scope('PriorityClass', 'DoesNotExist'), want: false},
  ])('$name', ({priorityClassName, selector, want}) => expect(objectMatchesScope(selector, pod({priorityClassName}))).toBe(want))
})

// persistent_volume_claims_test.go TestPersistentVolumeClaimEvaluatorMatchingScopes.
describe('PVC VolumeAttributesClass scopes', () => {
  const vac = (operator: string, values?: string[]) => scope('VolumeAttributesClass', operator, values)
  const claim = (spec: PersistentVolumeClaim['spec'], status?: PersistentVolumeClaim['status']): PersistentVolumeClaim => ({
    apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: {name: 'c', namespace: 'ns'}, spec, ...(status ? {status} : {}),
  })
  const cases = [
    {
      name: 'EmptyPVC',
      claim: claim({}),
      matching: [vac('DoesNotExist'), vac('NotIn', ['class4'])],
      notMatching: [vac('Exists'), vac('In', ['class1'])],
    },
    {
      name: 'VolumeAttributesClass',
      claim: claim({volumeAttributesClassName: 'class1'}),
      matching: [vac('Exists'), vac('In', ['class1']), vac('NotIn', ['class4'])],
      notMatching: [vac('DoesNotExist'), vac('In', ['class4'])],
    },
    {
      name: 'VolumeAttributesClassWithTarget',
      claim: claim({volumeAttributesClassName: 'class1'}, {currentVolumeAttributesClassName: 'class2'}),
      matching: [vac('Exists'), vac('In', ['class1']), vac('In', ['class2']), vac('In', ['class1', 'class2']), vac('In', ['class1', 'class2', 'class4']), vac('NotIn', ['class4'])],
      notMatching: [vac('DoesNotExist'), vac('In', ['class4'])],
    },
    {
      name: 'VolumeAttributesClassWithModityStatus',
      claim: claim({volumeAttributesClassName: 'class1'}, {currentVolumeAttributesClassName: 'class2', modifyVolumeStatus: {targetVolumeAttributesClassName: 'class3'}}),
      matching: [vac('Exists'), vac('In', ['class1']), vac('In', ['class2']), vac('In', ['class3']), vac('In', ['class1', 'class2', 'class3']), vac('In', ['class1', 'class2', 'class3', 'class4']), vac('NotIn', ['class4'])],
      notMatching: [vac('DoesNotExist'), vac('In', ['class4'])],
    },
  ]
  const rows = cases.flatMap(({name, claim: c, matching, notMatching}) => [
    ...matching.map((selector) => ({name: `${name} / ${selector.operator} ${selector.values?.join(',') ?? ''}`, claim: c, selector, want: true})),
    ...notMatching.map((selector) => ({name: `${name} / ${selector.operator} ${selector.values?.join(',') ?? ''}`, claim: c, selector, want: false})),
  ])
  test.each(rows)('$name: $want', ({claim: c, selector, want}) => expect(objectMatchesScope(selector, c)).toBe(want))

  test('pod scopes never match a PVC', () => {
    expect(objectMatchesScope(scope('BestEffort', 'Exists'), claim({}))).toBe(false)
  })
})

describe('quotaMatchesObject (generic.Matches)', () => {
  const quota = (hard: Record<string, string>, spec: Partial<NonNullable<ResourceQuota['spec']>> = {}): ResourceQuota => ({
    apiVersion: 'v1', kind: 'ResourceQuota', metadata: {name: 'q', namespace: 'ns'}, spec: {hard, ...spec}, status: {hard},
  })
  const burstable: Pod = pod({containers: [container({cpu: '1'})]})
  const service: KubeObject = {apiVersion: 'v1', kind: 'Service', metadata: {name: 's', namespace: 'ns'}}
  const configMap: KubeObject = {apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'c', namespace: 'ns'}}
  test.each([
    {name: 'unscoped quota on cpu matches a pod', quota: quota({cpu: '1'}), object: burstable, want: true},
    {name: 'a quota on services only does not match a pod', quota: quota({services: '1'}), object: burstable, want: false},
    {name: 'scopes are ANDed: NotBestEffort and Terminating', quota: quota({pods: '1'}, {scopes: ['NotBestEffort', 'Terminating']}), object: burstable, want: false},
    {name: 'scopes and scopeSelector are ANDed', quota: quota({pods: '1'}, {scopes: ['NotBestEffort'], scopeSelector: {matchExpressions: [scope('PriorityClass', 'DoesNotExist')]}}), object: burstable, want: true},
    {name: 'a scoped quota never matches a service', quota: quota({services: '1'}, {scopes: ['NotTerminating']}), object: service, want: false},
    {name: 'an unscoped services quota matches a service', quota: quota({'services.loadbalancers': '0'}), object: service, want: true},
    {name: 'count/configmaps matches a ConfigMap', quota: quota({'count/configmaps': '5'}), object: configMap, want: true},
    {name: 'the legacy configmaps key matches a ConfigMap', quota: quota({configmaps: '5'}), object: configMap, want: true},
    {name: 'count/secrets does not match a ConfigMap', quota: quota({'count/secrets': '5'}), object: configMap, want: false},
    {name: 'extended requests match a pod', quota: quota({'requests.nvidia.com/gpu': '4'}), object: burstable, want: true},
    {name: 'limits of extended resources are not tracked', quota: quota({'limits.nvidia.com/gpu': '4'}), object: burstable, want: false},
  ])('$name', ({quota: q, object, want}) => expect(quotaMatchesObject(q, object)).toBe(want))

  test('spec.hard is used while status is empty (a quota from manifests)', () => {
    const fromManifest: ResourceQuota = {apiVersion: 'v1', kind: 'ResourceQuota', metadata: {name: 'q', namespace: 'ns'}, spec: {hard: {pods: '10'}}}
    expect(quotaMatchesObject(fromManifest, burstable)).toBe(true)
  })
})

describe('quotaTracksEvaluator: which objects a quota can charge at all', () => {
  const quota = (hard: Record<string, string>, where: 'status' | 'spec' = 'status'): ResourceQuota => ({
    apiVersion: 'v1', kind: 'ResourceQuota', metadata: {name: 'q', namespace: 'ns'}, spec: {hard: where === 'spec' ? hard : {}}, ...(where === 'status' ? {status: {hard}} : {}),
  })
  test.each<{name: string; hard: Record<string, string>; want: Record<string, boolean>}>([
    {name: 'compute keys: pods only', hard: {'requests.cpu': '1', 'limits.memory': '1Gi'}, want: {pods: true, persistentvolumeclaims: false, services: false}},
    {name: 'a pod count', hard: {'count/pods': '10'}, want: {pods: true, persistentvolumeclaims: false, services: false}},
    {name: 'storage: PVCs only', hard: {'requests.storage': '10Gi'}, want: {pods: false, persistentvolumeclaims: true, services: false}},
    {name: 'per StorageClass storage', hard: {'fast.storageclass.storage.k8s.io/requests.storage': '10Gi'}, want: {pods: false, persistentvolumeclaims: true, services: false}},
    {name: 'load balancers: services only', hard: {'services.loadbalancers': '1'}, want: {pods: false, persistentvolumeclaims: false, services: true}},
    {name: 'object counts of other kinds: none of the three', hard: {'count/configmaps': '5', secrets: '5'}, want: {pods: false, persistentvolumeclaims: false, services: false}},
    {name: 'extended requests: pods', hard: {'requests.nvidia.com/gpu': '2'}, want: {pods: true, persistentvolumeclaims: false, services: false}},
    {name: 'everything', hard: {pods: '1', persistentvolumeclaims: '1', services: '1'}, want: {pods: true, persistentvolumeclaims: true, services: true}},
  ])('$name', ({hard, want}) => {
    const tracked = Object.fromEntries((['pods', 'persistentvolumeclaims', 'services'] as const).map((kind) => [kind, quotaTracksEvaluator(quota(hard), kind)]))
    expect(tracked).toEqual(want)
  })

  test('spec.hard counts while status is empty, as in quotaMatchesObject', () => {
    expect(quotaTracksEvaluator(quota({'requests.storage': '1Gi'}, 'spec'), 'persistentvolumeclaims')).toBe(true)
  })
})

describe('pod matching resources (podEvaluator.MatchingResources)', () => {
  test.each([
    {resource: 'count/pods', tracked: true},
    {resource: 'requests.ephemeral-storage', tracked: true},
    {resource: 'hugepages-2Mi', tracked: true},
    {resource: 'requests.hugepages-1Gi', tracked: true},
    {resource: 'requests.example.com/dongle', tracked: true},
    {resource: 'requests.deviceclass.resource.kubernetes.io/gpu', tracked: true},
    {resource: 'requests.memory.kubernetes.io/other', tracked: false},
    {resource: 'limits.hugepages-2Mi', tracked: false},
    {resource: 'requests.storage', tracked: false},
    {resource: 'example.com/dongle', tracked: false},
  ])('$resource: $tracked', ({resource, tracked}) => expect(quotaTracksResource('pods', resource)).toBe(tracked))

  test.each([
    {resource: 'cpu', known: true},
    {resource: 'count/widgets.example.com', known: true},
    {resource: 'secrets', known: true},
    {resource: 'gpu.deviceclass.resource.k8s.io/devices', known: true},
    {resource: 'limits.nvidia.com/gpu', known: false},
    {resource: 'storage', known: false},
  ])('isKnownQuotaResource($resource) = $known', ({resource, known}) => expect(isKnownQuotaResource(resource)).toBe(known))
})
