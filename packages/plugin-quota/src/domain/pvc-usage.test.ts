import {describe, expect, test} from 'vitest'
import type {PersistentVolumeClaim} from './kubernetes-objects.js'
import {pvcStorageClass, pvcUsage} from './pvc-usage.js'
import {quotaTracksResource} from './quota-scopes.js'

const claim = (spec: PersistentVolumeClaim['spec'], status?: PersistentVolumeClaim['status'], annotations?: Record<string, string>): PersistentVolumeClaim => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: {name: 'foo', namespace: 'ns', ...(annotations ? {annotations} : {})},
  spec,
  ...(status ? {status} : {}),
})
const counts = {persistentvolumeclaims: '1', 'count/persistentvolumeclaims': '1'}
const gold = {'gold.storageclass.storage.k8s.io/persistentvolumeclaims': '1'}

// kubernetes pkg/quota/v1/evaluator/core/persistent_volume_claims_test.go TestPersistentVolumeClaimEvaluatorUsage.
describe('pvcUsage', () => {
  test.each([
    {name: 'pvc-usage', pvc: claim({resources: {requests: {storage: '10Gi'}}}), usage: {...counts, 'requests.storage': '10Gi'}},
    {
      name: 'pvc-usage-by-class',
      pvc: claim({storageClassName: 'gold', resources: {requests: {storage: '10Gi'}}}),
      usage: {...counts, ...gold, 'requests.storage': '10Gi', 'gold.storageclass.storage.k8s.io/requests.storage': '10Gi'},
    },
    {name: 'pvc-usage-rounded (1001m -> 2)', pvc: claim({resources: {requests: {storage: '1001m'}}}), usage: {...counts, 'requests.storage': '2'}},
    {
      name: 'pvc-usage-by-class-rounded (1001m -> 2)',
      pvc: claim({storageClassName: 'gold', resources: {requests: {storage: '1001m'}}}),
      usage: {...counts, ...gold, 'requests.storage': '2', 'gold.storageclass.storage.k8s.io/requests.storage': '2'},
    },
    {name: 'pvc-usage-higher-allocated-resource', pvc: claim({resources: {requests: {storage: '5G'}}}, {allocatedResources: {storage: '10G'}}), usage: {...counts, 'requests.storage': '10G'}},
    {name: 'pvc-usage-lower-allocated-resource', pvc: claim({resources: {requests: {storage: '10G'}}}, {allocatedResources: {storage: '5G'}}), usage: {...counts, 'requests.storage': '10G'}},
    // Beyond the table: the class rules of storagehelpers.GetPersistentVolumeClaimClass.
    {name: 'empty storageClassName is no class', pvc: claim({storageClassName: '', resources: {requests: {storage: '1Gi'}}}), usage: {...counts, 'requests.storage': '1Gi'}},
    {
      name: 'the beta annotation wins over spec.storageClassName',
      pvc: claim({storageClassName: 'gold', resources: {requests: {storage: '1Gi'}}}, undefined, {'volume.beta.kubernetes.io/storage-class': 'silver'}),
      usage: {...counts, 'silver.storageclass.storage.k8s.io/persistentvolumeclaims': '1', 'requests.storage': '1Gi', 'silver.storageclass.storage.k8s.io/requests.storage': '1Gi'},
    },
    {name: 'no storage request: counts only', pvc: claim({storageClassName: 'gold'}), usage: {...counts, ...gold}},
    {name: 'numbers from YAML are DecimalSI quantities', pvc: claim({resources: {requests: {storage: 1073741824}}}), usage: {...counts, 'requests.storage': '1073741824'}},
  ])('$name', ({pvc, usage}) => expect(pvcUsage(pvc)).toEqual(usage))

  test('pvcStorageClass of a claim without spec is ""', () => {
    expect(pvcStorageClass(claim(undefined))).toBe('')
  })
})

// persistent_volume_claims_test.go TestPersistentVolumeClaimEvaluatorMatchingResources.
describe('PVC matching resources', () => {
  test.each([
    {resource: 'count/persistentvolumeclaims', tracked: true},
    {resource: 'requests.storage', tracked: true},
    {resource: 'persistentvolumeclaims', tracked: true},
    {resource: 'gold.storageclass.storage.k8s.io/requests.storage', tracked: true},
    {resource: 'gold.storageclass.storage.k8s.io/persistentvolumeclaims', tracked: true},
    {resource: 'storage', tracked: false},
    {resource: 'ephemeral-storage', tracked: false},
    {resource: 'bronze.storageclass.storage.k8s.io/storage', tracked: false},
    {resource: 'gold.storage.k8s.io/requests.storage', tracked: false},
  ])('$resource: $tracked', ({resource, tracked}) => expect(quotaTracksResource('persistentvolumeclaims', resource)).toBe(tracked))
})
