import type {KubeObject} from '@kubeline/core'
import {describe, expect, test} from 'vitest'
import type {LimitRange} from './kubernetes-objects.js'
import {planUsage} from './plan-usage.js'
import {container} from './test-support/pod-builders.js'
import {app, deployment, quota} from './test-support/workload-builders.js'

const compute = quota('compute', {'requests.cpu': '10', 'limits.cpu': '20', pods: '50', 'count/deployments.apps': '10'})

describe('planUsage: workloads', () => {
  test('a new Deployment charges its replicas, no surge, plus itself and its ReplicaSet', () => {
    const plan = planUsage([deployment('web', 3, [app()])], [compute])
    expect(plan.delta).toEqual({
      'count/deployments.apps': '1', 'count/replicasets.apps': '1', 'count/pods': '3', pods: '3',
      cpu: '300m', 'requests.cpu': '300m', 'limits.cpu': '600m', memory: '384Mi', 'requests.memory': '384Mi', 'limits.memory': '384Mi',
    })
    expect(plan.objects).toEqual([expect.objectContaining({kind: 'Deployment', namespace: 'payments', name: 'web', action: 'create', replicas: 3, surge: 1})])
    // the quota is only charged the keys it tracks; quotaFit masks to hard keys later
    expect(plan.deltaByQuota['payments/compute']).toMatchObject({'requests.cpu': '300m', pods: '3', 'count/deployments.apps': '1'})
  })

  test('an update replaces the current usage and is charged at the rolling-update peak', () => {
    // 3 replicas, 25% surge = 1 extra pod. Worst moment: 1 old + 3 new pods = 100m + 3×200m = 700m, against 300m today.
    const current = deployment('web', 3, [app('100m')])
    const next = deployment('web', 3, [app('200m')])
    const plan = planUsage([next], [compute, current])
    expect(plan.objects[0]).toMatchObject({action: 'update', usage: expect.objectContaining({'requests.cpu': '600m'})})
    expect(plan.delta).toMatchObject({'requests.cpu': '400m', pods: '1', 'count/pods': '1', 'count/deployments.apps': '0'})
  })

  test('an unchanged Deployment still needs room for its surge pods during a rollout', () => {
    const plan = planUsage([deployment('web', 4, [app()])], [compute, deployment('web', 4, [app()])])
    expect(plan.delta).toMatchObject({pods: '1', 'requests.cpu': '100m'})
  })

  test('Recreate replaces pods without overlap', () => {
    const recreate = {type: 'Recreate'}
    const plan = planUsage([deployment('web', 3, [app('200m')], recreate)], [compute, deployment('web', 3, [app('100m')], recreate)])
    expect(plan.delta).toMatchObject({'requests.cpu': '300m', pods: '0'})
  })

  test('scaling down needs no extra room: the peak is the current usage', () => {
    const plan = planUsage([deployment('web', 1, [app()], {type: 'Recreate'})], [compute, deployment('web', 3, [app()], {type: 'Recreate'})])
    expect(plan.delta).toMatchObject({pods: '0'})
  })

  test('DaemonSets count the Node objects of the cluster', () => {
    const nodes = ['a', 'b', 'c'].map((name): KubeObject => ({apiVersion: 'v1', kind: 'Node', metadata: {name}}))
    const ds: KubeObject = {apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: {name: 'agent', namespace: 'payments'}, spec: {template: {spec: {containers: [app('50m')]}}}}
    expect(planUsage([ds], nodes).delta).toMatchObject({pods: '3', 'requests.cpu': '150m', 'count/daemonsets.apps': '1'})
    expect(planUsage([ds], nodes, {nodeCount: 10}).delta).toMatchObject({pods: '10'})
    expect(planUsage([ds], []).notes).toHaveLength(1)
  })

  test('a CronJob charges one Job and says its concurrency is unbounded', () => {
    const cron: KubeObject = {apiVersion: 'batch/v1', kind: 'CronJob', metadata: {name: 'report'}, spec: {jobTemplate: {spec: {template: {spec: {containers: [app()]}}}}}}
    const plan = planUsage([cron], [], {namespace: 'batch'})
    expect(plan.delta).toMatchObject({'count/cronjobs.batch': '1', 'count/jobs.batch': '1', pods: '1'})
    expect(plan.objects[0]?.namespace).toBe('batch')
    expect(plan.notes).toEqual(['CronJob report: concurrencyPolicy Allow lets runs overlap, so usage is not bounded; counted as one Job'])
  })

  test('manifests without a namespace and no -n go to "default"', () => {
    const cm: KubeObject = {apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'c'}}
    expect(planUsage([cm], []).objects[0]).toMatchObject({namespace: 'default', usage: {'count/configmaps': '1', configmaps: '1'}})
  })

  test('cluster-scoped manifests are not charged', () => {
    expect(planUsage([{apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'x'}}], []).objects).toEqual([])
  })
})

describe('planUsage: storage', () => {
  const fast: KubeObject = {apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: {name: 'fast', annotations: {'storageclass.kubernetes.io/is-default-class': 'true'}}}
  const claim = (storageClassName?: string | null): KubeObject => ({
    apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: {name: 'data', namespace: 'payments'},
    spec: {...(storageClassName === undefined ? {} : {storageClassName}), resources: {requests: {storage: '10Gi'}}},
  })

  test.each([
    {name: 'no class: the default StorageClass is applied', claim: claim(), classKey: 'fast'},
    {name: 'null class: the default StorageClass is applied', claim: claim(null), classKey: 'fast'},
    {name: 'an explicit class is kept', claim: claim('slow'), classKey: 'slow'},
    {name: 'an empty class means none', claim: claim(''), classKey: undefined},
  ])('$name', ({claim: c, classKey}) => {
    const delta = planUsage([c], [fast]).delta
    expect(delta['requests.storage']).toBe('10Gi')
    if (classKey === undefined) expect(Object.keys(delta).some((key) => key.includes('storageclass'))).toBe(false)
    else expect(delta[`${classKey}.storageclass.storage.k8s.io/requests.storage`]).toBe('10Gi')
  })

  test('a StatefulSet charges claims for new ordinals only', () => {
    const sts = (replicas: number): KubeObject => ({
      apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: {name: 'db', namespace: 'payments'},
      spec: {replicas, template: {spec: {containers: [app()]}}, volumeClaimTemplates: [{metadata: {name: 'data'}, spec: {resources: {requests: {storage: '1Gi'}}}}]},
    })
    expect(planUsage([sts(2)], [fast]).delta).toMatchObject({persistentvolumeclaims: '2', 'requests.storage': '2Gi', 'fast.storageclass.storage.k8s.io/requests.storage': '2Gi', pods: '2'})
    expect(planUsage([sts(3)], [fast, sts(2)]).delta).toMatchObject({persistentvolumeclaims: '1', 'requests.storage': '1Gi', pods: '1'})
  })

  // The StatefulSet controller creates a claim <template>-<set>-<ordinal> only when none exists; claims kept
  // after a scale-down or a deleted set (persistentVolumeClaimRetentionPolicy Retain) are reused.
  test('a StatefulSet reuses claims that already exist', () => {
    const retained = (name: string): KubeObject => ({...claim('fast'), metadata: {name, namespace: 'payments'}, spec: {storageClassName: 'fast', resources: {requests: {storage: '1Gi'}}}})
    const sts = (replicas: number): KubeObject => ({
      apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: {name: 'db', namespace: 'payments'},
      spec: {replicas, template: {spec: {containers: [app()]}}, volumeClaimTemplates: [{metadata: {name: 'data'}, spec: {resources: {requests: {storage: '1Gi'}}}}]},
    })
    expect(planUsage([sts(3)], [fast, sts(1), retained('data-db-0'), retained('data-db-1')]).delta).toMatchObject({persistentvolumeclaims: '1', 'requests.storage': '1Gi', pods: '2'})
    expect(planUsage([sts(2)], [fast, retained('data-db-0')]).delta).toMatchObject({persistentvolumeclaims: '1', 'requests.storage': '1Gi', pods: '2'})
    expect(planUsage([sts(2)], [fast, {...retained('data-db-0'), metadata: {name: 'data-db-0', namespace: 'other'}}]).delta).toMatchObject({persistentvolumeclaims: '2'})
  })

  test('expanding an existing claim charges the difference', () => {
    const existing = {...claim('fast')}
    const bigger: KubeObject = {...claim('fast'), spec: {storageClassName: 'fast', resources: {requests: {storage: '15Gi'}}}}
    expect(planUsage([bigger], [existing]).delta).toMatchObject({'requests.storage': '5Gi', persistentvolumeclaims: '0'})
  })
})

describe('planUsage: services', () => {
  test('turning a ClusterIP service into a LoadBalancer charges a load balancer and node ports', () => {
    const svc = (type: string): KubeObject => ({apiVersion: 'v1', kind: 'Service', metadata: {name: 'web', namespace: 'payments'}, spec: {type, ports: [{port: 80}, {port: 443}]}})
    expect(planUsage([svc('LoadBalancer')], [svc('ClusterIP')]).delta).toEqual({'count/services': '0', services: '0', 'services.loadbalancers': '1', 'services.nodeports': '2'})
  })
})

describe('planUsage: admission', () => {
  const limits: LimitRange = {
    apiVersion: 'v1', kind: 'LimitRange', metadata: {name: 'defaults', namespace: 'payments'},
    spec: {limits: [{type: 'Container', default: {cpu: '500m'}, defaultRequest: {cpu: '250m'}, max: {cpu: '1'}}]},
  }

  test('LimitRange defaults fill what the pod template leaves out', () => {
    const plan = planUsage([deployment('web', 2, [container(undefined, undefined, {name: 'app'})])], [limits])
    expect(plan.delta).toMatchObject({'requests.cpu': '500m', 'limits.cpu': '1'})
    expect(plan.violations).toEqual([])
  })

  test('LimitRanges of other namespaces do not apply', () => {
    const plan = planUsage([deployment('web', 2, [container(undefined, undefined, {name: 'app'})], undefined, 'other')], [limits])
    expect(plan.delta['requests.cpu']).toBeUndefined()
  })

  test('violations are reported with the server wording', () => {
    const plan = planUsage([deployment('web', 2, [container({cpu: '1'}, {cpu: '2'}, {name: 'app'})])], [limits])
    expect(plan.violations).toEqual([{kind: 'Deployment', namespace: 'payments', name: 'web', messages: ['maximum cpu usage per Container is 1, but limit is 2']}])
  })

  // Upstream apiserver admission/plugin/resourcequota/controller.go: "failed quota: <name>: <Constraints error>",
  // podEvaluator.Constraints (pkg/quota/v1/evaluator/core/pods.go) checked on the pod LimitRanger has defaulted.
  const bare = (name: string) => container(undefined, undefined, {name})
  const constrained = quota('compute', {'requests.cpu': '2', 'limits.memory': '2Gi', pods: '10'})
  test.each([
    {name: 'a container without the request or limit a quota limits is rejected', cluster: [constrained], messages: ['failed quota: compute: must specify limits.memory for: app,init; requests.cpu for: app,init']},
    {name: 'LimitRange defaults supply what the quota requires', cluster: [constrained, {...limits, spec: {limits: [{type: 'Container', default: {cpu: '500m', memory: '256Mi'}}]}}], messages: []},
    {name: 'a quota whose scopes do not match the pod requires nothing', cluster: [quota('critical', {'requests.cpu': '2'}, {}, {scopeSelector: {matchExpressions: [{scopeName: 'PriorityClass', operator: 'In', values: ['critical']}]}})], messages: []},
    {name: 'a quota without cpu or memory keys requires nothing', cluster: [quota('count', {pods: '10', 'requests.nvidia.com/gpu': '1'})], messages: []},
  ])('$name', ({cluster, messages}) => {
    const web = deployment('web', 2, [bare('app')])
    ;(web.spec as {template: {spec: {initContainers: unknown[]}}}).template.spec.initContainers = [bare('init')]
    const plan = planUsage([web], cluster as KubeObject[])
    expect(plan.violations).toEqual(messages.length === 0 ? [] : [{kind: 'Deployment', namespace: 'payments', name: 'web', messages}])
  })

  // Upstream pkg/apis/core/validation ValidateResourceRequirements runs after admission, on the defaulted pod.
  test('a request above the limit a LimitRange defaults makes the pod invalid', () => {
    const big = {...deployment('web', 1, [container({cpu: '800m'}, undefined, {name: 'app'})])}
    ;(big.spec as {template: {spec: {initContainers: unknown[]}}}).template.spec.initContainers = [container({cpu: '600m'}, undefined, {name: 'init'})]
    const plan = planUsage([big], [{...limits, spec: {limits: [{type: 'Container', default: {cpu: '500m'}}]}}])
    expect(plan.violations).toEqual([{kind: 'Deployment', namespace: 'payments', name: 'web', messages: [
      'spec.containers[0].resources.requests: Invalid value: "800m": must be less than or equal to cpu limit of 500m',
      'spec.initContainers[0].resources.requests: Invalid value: "600m": must be less than or equal to cpu limit of 500m',
    ]}])
  })
})

// Upstream plugin/pkg/admission/runtimeclass: the pod gets the RuntimeClass's overhead.podFixed, which quota charges.
describe('planUsage: RuntimeClass overhead', () => {
  const kata = {apiVersion: 'node.k8s.io/v1', kind: 'RuntimeClass', metadata: {name: 'kata'}, handler: 'kata', overhead: {podFixed: {cpu: '250m', memory: '160Mi'}}}
  const onKata = (runtimeClassName: string) => {
    const web = deployment('web', 2, [app()])
    ;(web.spec as {template: {spec: {runtimeClassName: string}}}).template.spec.runtimeClassName = runtimeClassName
    return web
  }

  test('each pod is charged its RuntimeClass\'s overhead: requests, and limits that are set', () => {
    const plan = planUsage([onKata('kata')], [compute, kata], {clusterRuntimeClassesListed: true})
    expect(plan.delta).toMatchObject({'requests.cpu': '700m', 'limits.cpu': '900m', 'requests.memory': '576Mi', 'limits.memory': '576Mi'})
    expect(plan.violations).toEqual([])
  })

  test('a RuntimeClass that does not exist refuses the pods, in the server\'s words', () => {
    const plan = planUsage([onKata('gvisor')], [compute, kata], {clusterRuntimeClassesListed: true})
    expect(plan.violations).toEqual([{kind: 'Deployment', namespace: 'payments', name: 'web', messages: ['pod rejected: RuntimeClass "gvisor" not found']}])
  })

  test('when the cluster\'s RuntimeClasses were not listed, an unknown one gets a note, not a refusal', () => {
    const plan = planUsage([onKata('gvisor')], [compute, kata])
    expect(plan.violations).toEqual([])
    expect(plan.delta).toMatchObject({'requests.cpu': '200m'})
    expect(plan.notes).toEqual([expect.stringContaining('RuntimeClass "gvisor" is not among the manifests')])
  })

  test('an upgrade of a Deployment on the same RuntimeClass charges only its surge pod with overhead', () => {
    const plan = planUsage([onKata('kata')], [compute, kata, onKata('kata')], {clusterRuntimeClassesListed: true})
    expect(plan.delta).toMatchObject({pods: '1', 'requests.cpu': '350m'})
  })
})

describe('planUsage: quota scopes', () => {
  test('each quota is charged only what its scopes match', () => {
    const bestEffort = quota('best-effort', {pods: '5'}, {}, {scopes: ['BestEffort']})
    const notBestEffort = quota('burstable', {pods: '5', 'requests.cpu': '4'}, {}, {scopes: ['NotBestEffort']})
    const services = quota('services', {services: '2'}, {}, {scopes: ['NotBestEffort']})
    const job: KubeObject = {apiVersion: 'batch/v1', kind: 'Job', metadata: {name: 'batch', namespace: 'payments'}, spec: {parallelism: 2, template: {spec: {containers: [container()]}}}}
    const plan = planUsage([deployment('web', 3, [app()]), job], [bestEffort, notBestEffort, services])
    expect(plan.deltaByQuota['payments/best-effort']).toEqual({'count/pods': '2', pods: '2'})
    expect(plan.deltaByQuota['payments/burstable']).toMatchObject({pods: '3', 'requests.cpu': '300m'})
    // a scoped quota never matches non-pod objects (MatchesNoScopeFunc)
    expect(plan.deltaByQuota['payments/services']).toEqual({})
  })

  test('quotas of other namespaces get nothing', () => {
    const elsewhere = quota('compute', {pods: '5'}, {}, {}, 'other')
    expect(planUsage([deployment('web', 3, [app()])], [elsewhere]).deltaByQuota).toEqual({'other/compute': {}})
  })
})
