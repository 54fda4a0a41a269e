import {expect, test} from 'vitest'
import {KubelineError} from '../errors/kubeline-error.js'
import type {KubeObject} from '../kube/kube-object.js'
import {checkBuiltInObject} from './check-built-in-object.js'

const object = (apiVersion: string, kind: string, name?: string): KubeObject => ({apiVersion, kind, metadata: name === undefined ? {} : {name}})

function refusal(apiVersion: string, kind: string, name?: string): KubelineError | undefined {
  try {
    checkBuiltInObject(object(apiVersion, kind, name), 'app.yaml:3')
  } catch (error) {
    if (error instanceof KubelineError) return error
    throw error
  }
  return undefined
}

test.each([
  {apiVersion: 'v1', kind: 'Pod'},
  {apiVersion: 'v1', kind: 'Namespace'},
  {apiVersion: 'apps/v1', kind: 'Deployment'},
  {apiVersion: 'batch/v1', kind: 'CronJob'},
  {apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy'},
  {apiVersion: 'policy/v1', kind: 'PodDisruptionBudget'},
  {apiVersion: 'autoscaling/v1', kind: 'HorizontalPodAutoscaler'},
  {apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler'},
  {apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole'},
  {apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass'},
  {apiVersion: 'policy.networking.k8s.io/v1alpha1', kind: 'AdminNetworkPolicy'},
  {apiVersion: 'policy.networking.k8s.io/v1alpha1', kind: 'BaselineAdminNetworkPolicy'},
  {apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute'},
  {apiVersion: 'policy.networking.k8s.io/v1alpha2', kind: 'ClusterNetworkPolicy'},
  // evolving built-in groups gain kinds and versions with each release: not ours to judge
  {apiVersion: 'storage.k8s.io/v1', kind: 'VolumeAttributesClass'},
  {apiVersion: 'networking.k8s.io/v1', kind: 'ServiceCIDR'},
  {apiVersion: 'resource.k8s.io/v1', kind: 'ResourceClaim'},
  {apiVersion: 'networking.k8s.io/v1', kind: 'AdminNetworkPolicy'},
  // CRD groups are not ours to judge
  {apiVersion: 'example.com/v1', kind: 'Potato'},
  {apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout'},
  {apiVersion: 'apps.example.com/v999', kind: 'Deployment'},
])('$apiVersion $kind is accepted', ({apiVersion, kind}) => {
  expect(refusal(apiVersion, kind, 'web')).toBeUndefined()
})

test.each([
  {name: 'unknown core kind', apiVersion: 'v1', kind: 'Potato', message: 'app.yaml:3: unknown kind "Potato" in apiVersion "v1"'},
  {name: 'kind of another group', apiVersion: 'v1', kind: 'Deployment', message: 'app.yaml:3: unknown kind "Deployment" in apiVersion "v1"'},
  {name: 'kind is case-sensitive', apiVersion: 'apps/v1', kind: 'deployment', message: 'app.yaml:3: unknown kind "deployment" in apiVersion "apps/v1"'},
  {name: 'batch/v1beta1 CronJob was removed in 1.25', apiVersion: 'batch/v1beta1', kind: 'CronJob', message: /unknown apiVersion "batch\/v1beta1"/, fix: 'CronJob is served as batch/v1.'},
  {name: 'networking.k8s.io/v1beta1 Ingress was removed in 1.22', apiVersion: 'networking.k8s.io/v1beta1', kind: 'Ingress', message: /unknown apiVersion "networking.k8s.io\/v1beta1" for kind "Ingress"/, fix: 'Ingress is served as networking.k8s.io/v1.'},
  {name: 'policy/v1beta1 PodDisruptionBudget was removed in 1.25', apiVersion: 'policy/v1beta1', kind: 'PodDisruptionBudget', message: /unknown apiVersion "policy\/v1beta1"/},
  {
    name: 'unserved version of apps',
    apiVersion: 'apps/v999',
    kind: 'Deployment',
    message: 'app.yaml:3: unknown apiVersion "apps/v999" for kind "Deployment": the API does not serve version "v999" of group "apps"',
    fix: 'Deployment is served as apps/v1.',
  },
  {
    name: 'removed version (extensions-era apps/v1beta2)',
    apiVersion: 'apps/v1beta2',
    kind: 'Deployment',
    message: 'app.yaml:3: unknown apiVersion "apps/v1beta2" for kind "Deployment": the API does not serve version "v1beta2" of group "apps"',
  },
  {name: 'unserved core version', apiVersion: 'v2', kind: 'Pod', message: 'app.yaml:3: unknown apiVersion "v2" for kind "Pod": the API does not serve version "v2" of the core group'},
  {name: 'autoscaling v2beta2 is gone', apiVersion: 'autoscaling/v2beta2', kind: 'HorizontalPodAutoscaler', message: /unknown apiVersion "autoscaling\/v2beta2"/, fix: 'HorizontalPodAutoscaler is served as autoscaling/v1, autoscaling/v2.'},
])('$name is refused', ({apiVersion, kind, message, fix}) => {
  const error = refusal(apiVersion, kind, 'web')
  expect(error?.code).toBe('INVALID_MANIFEST')
  expect(error?.exitCode).toBe(2)
  if (typeof message === 'string') expect(error?.message).toBe(message)
  else expect(error?.message).toMatch(message)
  if (fix !== undefined) expect(error?.fix).toBe(fix)
})

test.each([
  {apiVersion: 'v1', kind: 'Pod', name: 'Bad_Name!', rule: /RFC 1123 subdomain/},
  {apiVersion: 'apps/v1', kind: 'Deployment', name: 'Web', rule: /RFC 1123 subdomain/},
  {apiVersion: 'v1', kind: 'Namespace', name: 'a.b', rule: /RFC 1123 label/},
  {apiVersion: 'v1', kind: 'Service', name: '1web', rule: /DNS-1035 label/},
])('$kind named "$name" is refused: $rule', ({apiVersion, kind, name, rule}) => {
  const error = refusal(apiVersion, kind, name)
  expect(error?.code).toBe('INVALID_MANIFEST')
  expect(error?.message).toContain(`app.yaml:3: invalid metadata.name ${JSON.stringify(name)} for ${kind}: `)
  expect(error?.message).toMatch(rule)
})

test.each([
  {apiVersion: 'v1', kind: 'Pod', name: 'web-0.shard'},
  {apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', name: 'system:controller:job-controller'},
  {apiVersion: 'example.com/v1', kind: 'Widget', name: 'Any_Name!'},
  // name rules of kinds we do not check are the cluster's business
  {apiVersion: 'resource.k8s.io/v1', kind: 'DeviceClass', name: 'Any_Name!'},
  {apiVersion: 'v1', kind: 'Pod', name: undefined},
])('$kind named $name is accepted', ({apiVersion, kind, name}) => {
  expect(refusal(apiVersion, kind, name)).toBeUndefined()
})
