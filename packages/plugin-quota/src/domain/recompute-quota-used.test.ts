import type {KubeObject} from '@kubeline/core'
import {describe, expect, test} from 'vitest'
import type {Pod, ResourceQuota} from './kubernetes-objects.js'
import {recomputeQuotaUsed} from './recompute-quota-used.js'
import {container, pod} from './test-support/pod-builders.js'

// kubernetes pkg/quota/v1/evaluator/core/pods_test.go TestPodEvaluatorUsageStats: makePod(name, priorityClass, cpu 1
// as request and limit, phase). The quota's hard keys decide which keys are reported; they start at zero.
const makePod = (name: string, priorityClassName: string, cpu: boolean, phase: string): Pod =>
  pod({priorityClassName, containers: [cpu ? container({cpu: '1'}, {cpu: '1'}) : container()]}, {phase}, {name, namespace: 'ns'})
const hard = {pods: '10', 'count/pods': '10', cpu: '10', 'requests.cpu': '10', 'limits.cpu': '10'}
const quota = (spec: Partial<NonNullable<ResourceQuota['spec']>> = {}): ResourceQuota => ({
  apiVersion: 'v1', kind: 'ResourceQuota', metadata: {name: 'q', namespace: 'ns'}, spec: {hard, ...spec}, status: {hard},
})
const used = (pods: string, countPods: string, cpu: string) => ({pods, 'count/pods': countPods, cpu, 'requests.cpu': cpu, 'limits.cpu': cpu})
const highPriority = {scopeSelector: {matchExpressions: [{scopeName: 'PriorityClass', operator: 'In', values: ['high-priority']}]}}
const threePods = [makePod('p1', 'high-priority', true, 'Running'), makePod('p2', 'high-priority', true, 'Succeeded'), makePod('p3', 'low-priority', true, 'Running')]

describe('recomputeQuotaUsed (TestPodEvaluatorUsageStats)', () => {
  test.each([
    {name: 'nil case', objects: [], quota: quota(), want: used('0', '0', '0')},
    {name: 'all pods in running state', objects: [makePod('p1', '', true, 'Running'), makePod('p2', '', true, 'Running')], quota: quota(), want: used('2', '2', '2')},
    {name: 'one pods in terminal state', objects: [makePod('p1', '', true, 'Running'), makePod('p2', '', true, 'Succeeded')], quota: quota(), want: used('1', '2', '1')},
    {name: 'partial pods matching quotaScopeSelector', objects: threePods, quota: quota(highPriority), want: used('1', '2', '1')},
    {name: 'partial pods matching quotaScopeSelector - w/ scopeName specified', objects: threePods, quota: quota({scopes: ['PriorityClass'], ...highPriority}), want: used('1', '2', '1')},
    {
      name: 'partial pods matching quotaScopeSelector - w/ multiple scopeNames specified',
      objects: [...threePods, makePod('p4', 'high-priority', false, 'Failed')],
      quota: quota({scopes: ['PriorityClass', 'BestEffort'], ...highPriority}),
      want: used('0', '1', '0'),
    },
  ] as {name: string; objects: KubeObject[]; quota: ResourceQuota; want: Record<string, string>}[])('$name', ({objects, quota: q, want}) => {
    expect(recomputeQuotaUsed(q, objects)).toEqual(want)
  })

  test('objects in other namespaces, and keys of other evaluators, are not counted', () => {
    const mixed = quota()
    mixed.status = {hard: {pods: '10', services: '5', 'count/configmaps': '5', 'limits.nvidia.com/gpu': '1'}}
    const objects: KubeObject[] = [
      makePod('a', '', true, 'Running'),
      {...makePod('b', '', true, 'Running'), metadata: {name: 'b', namespace: 'other'}},
      {apiVersion: 'v1', kind: 'Service', metadata: {name: 's', namespace: 'ns'}, spec: {type: 'ClusterIP'}},
      {apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'c', namespace: 'ns'}},
    ]
    expect(recomputeQuotaUsed(mixed, objects)).toEqual({pods: '1', services: '1', 'count/configmaps': '1'})
  })
})
