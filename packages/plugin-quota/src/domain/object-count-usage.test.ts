import {describe, expect, test} from 'vitest'
import {objectCountResourceName, objectCountUsage} from './object-count-usage.js'

describe('objectCountResourceName (ObjectCountQuotaResourceNameFor)', () => {
  test.each([
    {apiVersion: 'v1', kind: 'Pod', want: 'count/pods'},
    {apiVersion: 'v1', kind: 'ConfigMap', want: 'count/configmaps'},
    {apiVersion: 'v1', kind: 'Secret', want: 'count/secrets'},
    {apiVersion: 'v1', kind: 'Endpoints', want: 'count/endpoints'},
    {apiVersion: 'apps/v1', kind: 'Deployment', want: 'count/deployments.apps'},
    {apiVersion: 'apps/v1', kind: 'StatefulSet', want: 'count/statefulsets.apps'},
    {apiVersion: 'batch/v1', kind: 'CronJob', want: 'count/cronjobs.batch'},
    {apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', want: 'count/ingresses.networking.k8s.io'},
    {apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', want: 'count/poddisruptionbudgets.policy'},
    {apiVersion: 'example.com/v1', kind: 'Widget', want: 'count/widgets.example.com'},
    {apiVersion: 'example.com/v1', kind: 'Policy', want: 'count/policies.example.com'},
    {apiVersion: 'example.com/v1', kind: 'Gateway', want: 'count/gateways.example.com'},
    {apiVersion: 'example.com/v1', kind: 'Box', want: 'count/boxes.example.com'},
  ])('$apiVersion $kind → $want', ({apiVersion, kind, want}) => expect(objectCountResourceName(apiVersion, kind)).toBe(want))
})

describe('objectCountUsage', () => {
  const object = (apiVersion: string, kind: string) => ({apiVersion, kind, metadata: {name: 'x', namespace: 'ns'}})
  test.each([
    {name: 'a Deployment', object: object('apps/v1', 'Deployment'), want: {'count/deployments.apps': '1'}},
    {name: 'a ConfigMap also charges the legacy name', object: object('v1', 'ConfigMap'), want: {'count/configmaps': '1', configmaps: '1'}},
    {name: 'a Secret also charges the legacy name', object: object('v1', 'Secret'), want: {'count/secrets': '1', secrets: '1'}},
    {name: 'a ResourceQuota also charges the legacy name', object: object('v1', 'ResourceQuota'), want: {'count/resourcequotas': '1', resourcequotas: '1'}},
    {name: 'events are ignored by quota', object: object('v1', 'Event'), want: {}},
    {name: 'cluster-scoped objects are never charged', object: object('v1', 'Namespace'), want: {}},
    {name: 'StorageClasses are cluster-scoped', object: object('storage.k8s.io/v1', 'StorageClass'), want: {}},
  ])('$name', ({object: o, want}) => expect(objectCountUsage(o)).toEqual(want))
})
