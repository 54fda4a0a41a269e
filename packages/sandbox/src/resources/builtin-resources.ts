import {STANDARD_VERBS} from './resource-type.js'
import type {ServedResource, Subresource} from './resource-type.js'

interface Options {
  namespaced?: boolean
  shortNames?: string[]
  categories?: string[]
  subresources?: Subresource[]
  verbs?: string[]
}

function served(group: string, version: string, resource: string, kind: string, options: Options = {}): ServedResource {
  return {
    group,
    version,
    resource,
    singular: kind.toLowerCase(),
    kind,
    namespaced: options.namespaced ?? true,
    shortNames: options.shortNames ?? [],
    categories: options.categories ?? [],
    subresources: options.subresources ?? [],
    verbs: options.verbs ?? STANDARD_VERBS,
  }
}

const all = ['all']
const cluster = false

/** What kube-apiserver 1.32 discovery says about the resources the sandbox serves (kubectl api-resources). */
export const BUILTIN_RESOURCES: readonly ServedResource[] = [
  served('', 'v1', 'namespaces', 'Namespace', {namespaced: cluster, shortNames: ['ns'], subresources: ['status']}),
  served('', 'v1', 'pods', 'Pod', {shortNames: ['po'], categories: all, subresources: ['status', 'log', 'ephemeralcontainers', 'exec']}),
  served('', 'v1', 'services', 'Service', {shortNames: ['svc'], categories: all, subresources: ['status']}),
  served('', 'v1', 'configmaps', 'ConfigMap', {shortNames: ['cm']}),
  served('', 'v1', 'events', 'Event', {shortNames: ['ev']}),
  served('', 'v1', 'persistentvolumeclaims', 'PersistentVolumeClaim', {shortNames: ['pvc'], subresources: ['status']}),
  served('', 'v1', 'resourcequotas', 'ResourceQuota', {shortNames: ['quota'], subresources: ['status']}),
  served('', 'v1', 'limitranges', 'LimitRange', {shortNames: ['limits']}),
  served('', 'v1', 'nodes', 'Node', {namespaced: cluster, shortNames: ['no'], subresources: ['status']}),
  served('', 'v1', 'serviceaccounts', 'ServiceAccount', {shortNames: ['sa']}),
  served('apps', 'v1', 'deployments', 'Deployment', {shortNames: ['deploy'], categories: all, subresources: ['status', 'scale']}),
  served('apps', 'v1', 'replicasets', 'ReplicaSet', {shortNames: ['rs'], categories: all, subresources: ['status', 'scale']}),
  served('apps', 'v1', 'statefulsets', 'StatefulSet', {shortNames: ['sts'], categories: all, subresources: ['status', 'scale']}),
  served('apps', 'v1', 'daemonsets', 'DaemonSet', {shortNames: ['ds'], categories: all, subresources: ['status']}),
  served('batch', 'v1', 'jobs', 'Job', {categories: all, subresources: ['status']}),
  served('batch', 'v1', 'cronjobs', 'CronJob', {shortNames: ['cj'], categories: all, subresources: ['status']}),
  served('networking.k8s.io', 'v1', 'networkpolicies', 'NetworkPolicy', {shortNames: ['netpol']}),
  served('networking.k8s.io', 'v1', 'ingresses', 'Ingress', {shortNames: ['ing'], subresources: ['status']}),
  served('storage.k8s.io', 'v1', 'storageclasses', 'StorageClass', {namespaced: cluster, shortNames: ['sc']}),
  served('node.k8s.io', 'v1', 'runtimeclasses', 'RuntimeClass', {namespaced: cluster}),
  served('autoscaling', 'v2', 'horizontalpodautoscalers', 'HorizontalPodAutoscaler', {shortNames: ['hpa'], categories: all, subresources: ['status']}),
  served('apiextensions.k8s.io', 'v1', 'customresourcedefinitions', 'CustomResourceDefinition', {
    namespaced: cluster,
    shortNames: ['crd', 'crds'],
    categories: ['api-extensions'],
    subresources: ['status'],
  }),
  served('authorization.k8s.io', 'v1', 'selfsubjectaccessreviews', 'SelfSubjectAccessReview', {namespaced: cluster, verbs: ['create']}),
  // Custom resources on a real cluster (Gateway API, network-policy-api); built in here so every fixture has them.
  served('gateway.networking.k8s.io', 'v1', 'httproutes', 'HTTPRoute', {categories: ['gateway-api'], subresources: ['status']}),
  served('policy.networking.k8s.io', 'v1alpha1', 'adminnetworkpolicies', 'AdminNetworkPolicy', {
    namespaced: cluster,
    shortNames: ['anp'],
    subresources: ['status'],
  }),
  served('policy.networking.k8s.io', 'v1alpha1', 'baselineadminnetworkpolicies', 'BaselineAdminNetworkPolicy', {
    namespaced: cluster,
    shortNames: ['banp'],
    subresources: ['status'],
  }),
  // Their successor in network-policy-api v0.2: one kind with an Admin and a Baseline tier.
  served('policy.networking.k8s.io', 'v1alpha2', 'clusternetworkpolicies', 'ClusterNetworkPolicy', {
    namespaced: cluster,
    shortNames: ['cnp'],
    subresources: ['status'],
  }),
]
