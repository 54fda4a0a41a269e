import type {KubeObject} from '@kubeline/core'
import {describe, expect, test} from 'vitest'
import {withPlannedAdmissionPolicies} from './planned-admission-policies.js'
import {deployment, quota} from './test-support/workload-builders.js'

const limitRange = (name: string, cpu: string, namespace = 'payments'): KubeObject => ({
  apiVersion: 'v1', kind: 'LimitRange', metadata: {name, namespace}, spec: {limits: [{type: 'Container', default: {cpu}}]},
})

describe('withPlannedAdmissionPolicies', () => {
  const live = quota('compute', {pods: '4'}, {pods: '3'})
  const web = deployment('web', 1, [])

  test.each([
    {name: 'no policies among the manifests: the cluster as it is', manifests: [web], want: [live, limitRange('defaults', '100m'), web]},
    {
      name: 'a quota of the same name: the manifest\'s hard limits, the live usage',
      manifests: [{...quota('compute', {pods: '10'}), status: {hard: {pods: '1'}, used: {pods: '0'}}}],
      want: [{...quota('compute', {pods: '10'}), status: {hard: {pods: '10'}, used: {pods: '3'}}}, limitRange('defaults', '100m'), web],
    },
    {name: 'a LimitRange of the same name replaces the live one', manifests: [limitRange('defaults', '300m')], want: [live, limitRange('defaults', '300m'), web]},
    {
      name: 'new ones join; the same names in another namespace are other objects',
      manifests: [limitRange('defaults', '300m', 'other'), quota('compute', {pods: '1'}, {}, {}, 'other')],
      want: [live, limitRange('defaults', '100m'), web, limitRange('defaults', '300m', 'other'), quota('compute', {pods: '1'}, {}, {}, 'other')],
    },
  ])('$name', ({manifests, want}) => {
    expect(withPlannedAdmissionPolicies([live, limitRange('defaults', '100m'), web], manifests)).toEqual(want)
  })

  test('a RuntimeClass replaces the live one of its name, or joins', () => {
    const runtimeClass = (name: string, cpu: string): KubeObject => ({apiVersion: 'node.k8s.io/v1', kind: 'RuntimeClass', metadata: {name}, handler: name, overhead: {podFixed: {cpu}}} as KubeObject)
    expect(withPlannedAdmissionPolicies([live, runtimeClass('kata', '100m')], [runtimeClass('kata', '250m'), runtimeClass('gvisor', '50m')])).toEqual([
      live, runtimeClass('kata', '250m'), runtimeClass('gvisor', '50m'),
    ])
  })

  test('a new policy joins as the manifest object itself, which planUsage takes as a create', () => {
    const added = limitRange('extra', '1')
    expect(withPlannedAdmissionPolicies([live], [added])[1]).toBe(added)
  })
})
