import type {KubeObject} from '@kubeline/core'
import {describe, expect, test} from 'vitest'
import {workloadPods} from './workload-pods.js'
import {app, deployment} from './test-support/workload-builders.js'

const template = {spec: {containers: [app()]}}
const object = (apiVersion: string, kind: string, spec: object): KubeObject => ({apiVersion, kind, metadata: {name: 'w', namespace: 'payments'}, spec})

describe('workloadPods', () => {
  test.each([
    {name: 'Deployment: replicas, default 25% surge rounded up', object: deployment('web', 10, [app()]), replicas: 10, surge: 3},
    {name: 'Deployment without replicas: 1, surge 1', object: object('apps/v1', 'Deployment', {template}), replicas: 1, surge: 1},
    {name: 'Deployment with explicit maxSurge', object: deployment('web', 4, [app()], {type: 'RollingUpdate', rollingUpdate: {maxSurge: 2, maxUnavailable: 0}}), replicas: 4, surge: 2},
    {name: 'Deployment with Recreate: no surge', object: deployment('web', 4, [app()], {type: 'Recreate'}), replicas: 4, surge: 0},
    {name: 'ReplicaSet', object: object('apps/v1', 'ReplicaSet', {replicas: 2, template}), replicas: 2, surge: 0},
    {name: 'ReplicationController', object: object('v1', 'ReplicationController', {replicas: 5, template}), replicas: 5, surge: 0},
    {name: 'StatefulSet: no surge', object: object('apps/v1', 'StatefulSet', {replicas: 3, template}), replicas: 3, surge: 0},
    {name: 'Job: parallelism', object: object('batch/v1', 'Job', {parallelism: 4, template}), replicas: 4, surge: 0},
    {name: 'Job: parallelism capped by completions', object: object('batch/v1', 'Job', {parallelism: 4, completions: 2, template}), replicas: 2, surge: 0},
    {name: 'Job: default parallelism 1', object: object('batch/v1', 'Job', {template}), replicas: 1, surge: 0},
    {name: 'Job: suspended', object: object('batch/v1', 'Job', {suspend: true, parallelism: 3, template}), replicas: 0, surge: 0},
    {name: 'CronJob: one Job', object: object('batch/v1', 'CronJob', {jobTemplate: {spec: {parallelism: 2, template}}}), replicas: 2, surge: 0},
    {name: 'CronJob: suspended', object: object('batch/v1', 'CronJob', {suspend: true, jobTemplate: {spec: {template}}}), replicas: 0, surge: 0},
    {name: 'DaemonSet: one per node', object: object('apps/v1', 'DaemonSet', {template}), replicas: 5, surge: 0},
    {name: 'DaemonSet: maxSurge against nodes', object: object('apps/v1', 'DaemonSet', {template, updateStrategy: {rollingUpdate: {maxSurge: '50%', maxUnavailable: 0}}}), replicas: 5, surge: 3},
    {name: 'Pod: itself', object: {apiVersion: 'v1', kind: 'Pod', metadata: {name: 'p'}, spec: {containers: [app()]}}, replicas: 1, surge: 0},
  ])('$name', ({object: o, replicas, surge}) => {
    const result = workloadPods(o, 'payments', {nodeCount: 5})
    expect(result?.replicas).toBe(replicas)
    expect(result?.surge).toBe(surge)
    expect(result?.pod.metadata.namespace).toBe('payments')
  })

  // kubernetes pkg/apis/apps/validation ValidateRollingUpdateDeployment: what the API server would refuse.
  test.each([
    {name: 'a negative maxSurge', rollingUpdate: {maxSurge: -1, maxUnavailable: 1}, message: 'spec.strategy.rollingUpdate.maxSurge: Invalid value: -1: must be greater than or equal to 0'},
    {name: 'a string that is not a percentage', rollingUpdate: {maxSurge: '25'}, message: 'spec.strategy.rollingUpdate.maxSurge: Invalid value: "25": a valid percent string'},
    {name: 'both 0', rollingUpdate: {maxSurge: 0, maxUnavailable: '0%'}, message: 'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "0%": may not be 0 when `maxSurge` is 0'},
    {name: 'maxUnavailable over 100%', rollingUpdate: {maxUnavailable: '150%'}, message: 'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "150%": must not be greater than 100%'},
  ])('a Deployment with $name is INVALID_MANIFEST naming the field', ({rollingUpdate, message}) => {
    const invalid = deployment('web', 4, [app()], {type: 'RollingUpdate', rollingUpdate})
    expect(() => workloadPods(invalid, 'payments')).toThrow(expect.objectContaining({code: 'INVALID_MANIFEST', message: expect.stringContaining(message)}))
  })

  test('objects without pods', () => {
    expect(workloadPods(object('v1', 'ConfigMap', {}), 'payments')).toBeUndefined()
    expect(workloadPods(object('example.com/v1', 'Deployment', {}), 'payments')).toBeUndefined()
  })

  test('CronJob with the default concurrencyPolicy (Allow) is flagged as unbounded', () => {
    const result = workloadPods(object('batch/v1', 'CronJob', {jobTemplate: {spec: {template}}}), 'payments')
    expect(result?.notes).toEqual(['CronJob w: concurrencyPolicy Allow lets runs overlap, so usage is not bounded; counted as one Job'])
    expect(result?.children).toEqual([{apiVersion: 'batch/v1', kind: 'Job', metadata: {name: 'w', namespace: 'payments'}}])
  })

  test('a suspended CronJob starts no Job: none is counted, and its overlap note does not apply', () => {
    const result = workloadPods(object('batch/v1', 'CronJob', {suspend: true, jobTemplate: {spec: {template}}}), 'payments')
    expect(result?.children).toEqual([])
    expect(result?.notes).toEqual([])
  })

  test('CronJob with Forbid is bounded', () => {
    expect(workloadPods(object('batch/v1', 'CronJob', {concurrencyPolicy: 'Forbid', jobTemplate: {spec: {template}}}), 'payments')?.notes).toEqual([])
  })

  test('DaemonSet without a node count counts no pods and says so', () => {
    const result = workloadPods(object('apps/v1', 'DaemonSet', {template}), 'payments')
    expect(result?.replicas).toBe(0)
    expect(result?.notes).toHaveLength(1)
  })

  test('StatefulSet claim templates become namespaced PVCs', () => {
    const result = workloadPods(object('apps/v1', 'StatefulSet', {replicas: 2, template, volumeClaimTemplates: [{metadata: {name: 'data'}, spec: {resources: {requests: {storage: '1Gi'}}}}]}), 'payments')
    expect(result?.claimsPerReplica).toEqual([{apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: {name: 'data', namespace: 'payments'}, spec: {resources: {requests: {storage: '1Gi'}}}}])
  })

  test('a Deployment creates a ReplicaSet', () => {
    expect(workloadPods(deployment('web', 1, [app()]), 'payments')?.children.map((c) => c.kind)).toEqual(['ReplicaSet'])
  })
})
