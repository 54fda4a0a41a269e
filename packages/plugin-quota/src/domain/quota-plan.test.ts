import type {KubeObject} from '@kubeline/core'
import {describe, expect, test} from 'vitest'
import type {LimitRange} from './kubernetes-objects.js'
import {CLIENT_BLIND_SPOTS, quotaPlan} from './quota-plan.js'
import {container, pod} from './test-support/pod-builders.js'
import {app, deployment, quota} from './test-support/workload-builders.js'

const online = {namespace: 'payments', offline: false}
const runningPod = pod({containers: [container({cpu: '300m'}, {cpu: '300m'}, {name: 'app'})]}, {phase: 'Running'}, {name: 'old', namespace: 'payments'})

describe('quotaPlan', () => {
  test.each([
    {name: 'fits under the hard limit', hard: '1', used: '500m', fits: true, after: '800m', shortfall: '0'},
    {name: 'exactly at the hard limit fits', hard: '800m', used: '500m', fits: true, after: '800m', shortfall: '0'},
    {name: 'one millicore over does not fit', hard: '799m', used: '500m', fits: false, after: '800m', shortfall: '1m'},
  ])('$name', ({hard, used, fits, after, shortfall}) => {
    // 3 replicas × 100m requested
    const plan = quotaPlan([deployment('web', 3, [app()])], [quota('compute', {'requests.cpu': hard}, {'requests.cpu': used})], online)
    expect(plan.fits).toBe(fits)
    expect(plan.quotas).toEqual([
      expect.objectContaining({namespace: 'payments', name: 'compute', fits, lines: [expect.objectContaining({resource: 'requests.cpu', used, requested: '300m', after, hard, fits, shortfall})]}),
    ])
    expect(plan.quotas[0]!.message !== undefined).toBe(!fits)
  })

  test('quantities are also given in base units: millicores, bytes, counts', () => {
    const plan = quotaPlan([deployment('web', 2, [app('250m', '1Gi')])], [quota('compute', {'requests.cpu': '2', 'requests.memory': '4Gi', pods: '10'}, {'requests.cpu': '1', 'requests.memory': '1Gi', pods: '3'})], online)
    expect(plan.quotas[0]!.lines.map(({resource, usedValue, requestedValue, afterValue, hardValue}) => [resource, usedValue, requestedValue, afterValue, hardValue])).toEqual([
      ['pods', 3, 2, 5, 10],
      ['requests.cpu', 1000, 500, 1500, 2000],
      ['requests.memory', 2 ** 30, 2 ** 31, 3 * 2 ** 30, 2 ** 32],
    ])
  })

  test('status.used wins over what the objects charge: the API server compares against it', () => {
    const plan = quotaPlan([deployment('web', 1, [app()])], [quota('compute', {'requests.cpu': '1'}, {'requests.cpu': '700m'}), runningPod], online)
    expect(plan.quotas[0]!.lines[0]).toMatchObject({used: '700m', after: '800m'})
    expect(plan.notes).toEqual(CLIENT_BLIND_SPOTS)
  })

  test('keys status.used does not report yet are recomputed from the objects, with a note', () => {
    const plan = quotaPlan([deployment('web', 1, [app()])], [quota('compute', {'requests.cpu': '1', pods: '5'}, {pods: '1'}), runningPod], online)
    expect(plan.quotas[0]!.lines).toEqual([expect.objectContaining({resource: 'pods', used: '1'}), expect.objectContaining({resource: 'requests.cpu', used: '300m', after: '400m'})])
    expect(plan.notes[0]).toMatch(/^quota payments\/compute: status\.used does not report requests\.cpu yet; recomputed/)
  })

  test('offline, a quota without status starts empty and no note says so', () => {
    const bare = {...quota('compute', {'requests.cpu': '1'}), status: undefined}
    const plan = quotaPlan([deployment('web', 2, [app()])], [bare], {namespace: 'payments', offline: true})
    expect(plan.offline).toBe(true)
    expect(plan.quotas[0]!.lines[0]).toMatchObject({used: '0', requested: '200m', after: '200m'})
    expect(plan.notes).toEqual(CLIENT_BLIND_SPOTS)
  })

  test('quotas the manifests do not touch are left out; a quota in another namespace is not charged', () => {
    const elsewhere = quota('compute', {'requests.cpu': '1'}, {'requests.cpu': '0'}, {}, 'other')
    const storage = quota('storage', {'requests.storage': '10Gi'}, {'requests.storage': '0'})
    const plan = quotaPlan([deployment('web', 1, [app()])], [elsewhere, storage], online)
    expect(plan.quotas).toEqual([])
    expect(plan.fits).toBe(true)
  })

  test('online, the quotas and LimitRanges among the manifests replace or join the live ones, as Helm installs them first', () => {
    const live = quota('compute', {pods: '4', 'requests.cpu': '1'}, {pods: '2', 'requests.cpu': '200m'})
    const raised = {...quota('compute', {pods: '10', 'requests.cpu': '2'}), status: undefined}
    const added = {...quota('deployments', {'count/deployments.apps': '1'}), status: undefined}
    const defaults: LimitRange = {apiVersion: 'v1', kind: 'LimitRange', metadata: {name: 'defaults', namespace: 'payments'}, spec: {limits: [{type: 'Container', default: {cpu: '250m'}}]}}
    const bare = deployment('web', 3, [{name: 'app'}])
    const plan = quotaPlan([raised, added, defaults as KubeObject, bare], [live, runningPod], online)
    expect(plan.violations).toEqual([])
    expect(plan.fits).toBe(true)
    expect(plan.quotas).toEqual([
      expect.objectContaining({name: 'compute', fits: true, lines: [
        expect.objectContaining({resource: 'pods', used: '2', requested: '3', after: '5', hard: '10'}),
        expect.objectContaining({resource: 'requests.cpu', used: '200m', requested: '750m', after: '950m', hard: '2'}),
      ]}),
      expect.objectContaining({name: 'deployments', fits: true, lines: [expect.objectContaining({resource: 'count/deployments.apps', used: '0', requested: '1', after: '1', hard: '1'})]}),
    ])
    expect(plan.objects.map(({kind, name, action}) => `${action} ${kind}/${name}`)).toEqual(['update ResourceQuota/compute', 'create ResourceQuota/deployments', 'create LimitRange/defaults', 'create Deployment/web'])
  })

  test('online, a RuntimeClass among the manifests replaces the live one of its name before the pods are admitted', () => {
    const runtimeClass = (cpu: string): KubeObject => ({apiVersion: 'node.k8s.io/v1', kind: 'RuntimeClass', metadata: {name: 'kata'}, handler: 'kata', overhead: {podFixed: {cpu}}} as KubeObject)
    const web = deployment('web', 2, [app()])
    ;(web.spec as {template: {spec: {runtimeClassName: string}}}).template.spec.runtimeClassName = 'kata'
    const plan = quotaPlan([runtimeClass('400m'), web], [quota('compute', {'requests.cpu': '1'}), runtimeClass('100m')], {...online, clusterRuntimeClassesListed: true})
    expect(plan.quotas).toEqual([expect.objectContaining({fits: true, lines: [expect.objectContaining({resource: 'requests.cpu', requested: '1'})]})])
    expect(plan.objects.map(({kind}) => kind)).toEqual(['Deployment'])
  })

  test('offline, a RuntimeClass the manifests do not define gets a note, not a refusal: the cluster may have it', () => {
    const web = deployment('web', 1, [app()])
    ;(web.spec as {template: {spec: {runtimeClassName: string}}}).template.spec.runtimeClassName = 'kata'
    const plan = quotaPlan([web], [], {...online, offline: true})
    expect(plan.violations).toEqual([])
    expect(plan.fits).toBe(true)
    expect(plan.notes).toContainEqual(expect.stringContaining('RuntimeClass "kata" is not among the manifests'))
  })

  test('a LimitRange rejection makes the plan not fit even when every quota has room', () => {
    const limits: LimitRange = {apiVersion: 'v1', kind: 'LimitRange', metadata: {name: 'max', namespace: 'payments'}, spec: {limits: [{type: 'Container', max: {cpu: '150m'}}]}}
    const plan = quotaPlan([deployment('web', 1, [app()])], [limits as KubeObject], online)
    expect(plan.quotas).toEqual([])
    expect(plan.violations).toEqual([{kind: 'Deployment', namespace: 'payments', name: 'web', messages: ['maximum cpu usage per Container is 150m, but limit is 200m']}])
    expect(plan.fits).toBe(false)
  })
})
