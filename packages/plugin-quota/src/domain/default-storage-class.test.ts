import type {KubeObject} from '@kubeline/core'
import {describe, expect, test} from 'vitest'
import {defaultStorageClassName, withDefaultStorageClass} from './default-storage-class.js'
import type {PersistentVolumeClaim} from './kubernetes-objects.js'

const storageClass = (name: string, isDefault?: string, created = '2025-01-01T00:00:00Z', beta = false): KubeObject => ({
  apiVersion: 'storage.k8s.io/v1',
  kind: 'StorageClass',
  metadata: {
    name,
    creationTimestamp: created,
    ...(isDefault === undefined ? {} : {annotations: {[beta ? 'storageclass.beta.kubernetes.io/is-default-class' : 'storageclass.kubernetes.io/is-default-class']: isDefault}}),
  },
})

describe('defaultStorageClassName', () => {
  test.each([
    {name: 'no classes', classes: [], want: undefined},
    {name: 'no default', classes: [storageClass('a'), storageClass('b', 'false')], want: undefined},
    {name: 'the annotated one', classes: [storageClass('a'), storageClass('b', 'true')], want: 'b'},
    {name: 'the beta annotation counts', classes: [storageClass('old', 'true', undefined, true)], want: 'old'},
    {name: 'several defaults: the newest', classes: [storageClass('a', 'true', '2024-01-01T00:00:00Z'), storageClass('b', 'true', '2025-06-01T00:00:00Z')], want: 'b'},
    {name: 'same age: the first by name', classes: [storageClass('z', 'true'), storageClass('m', 'true')], want: 'm'},
  ])('$name', ({classes, want}) => expect(defaultStorageClassName(classes)).toBe(want))
})

describe('withDefaultStorageClass', () => {
  const claim = (spec: PersistentVolumeClaim['spec'], annotations?: Record<string, string>): PersistentVolumeClaim => ({
    apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: {name: 'c', ...(annotations ? {annotations} : {})}, spec,
  })
  test.each([
    {name: 'unset gets the default', pvc: claim({}), want: 'fast'},
    {name: 'null gets the default', pvc: claim({storageClassName: null}), want: 'fast'},
    {name: '"" stays without a class', pvc: claim({storageClassName: ''}), want: ''},
    {name: 'an explicit class is kept', pvc: claim({storageClassName: 'slow'}), want: 'slow'},
    {name: 'the legacy annotation counts as set', pvc: claim({}, {'volume.beta.kubernetes.io/storage-class': 'slow'}), want: undefined},
  ])('$name', ({pvc, want}) => expect(withDefaultStorageClass(pvc, 'fast').spec?.storageClassName).toBe(want))

  test('no default class leaves the claim alone', () => {
    const pvc = claim({})
    expect(withDefaultStorageClass(pvc, undefined)).toBe(pvc)
  })
})
