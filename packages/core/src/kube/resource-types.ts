/** A REST resource of the Kubernetes API: where it lives and what it holds. */
export interface ResourceType {
  /** '' for the core group. */
  group: string
  version: string
  /** Plural REST name, e.g. "deployments". */
  resource: string
  kind: string
  namespaced: boolean
}

const core = (resource: string, kind: string, namespaced = true): ResourceType => ({group: '', version: 'v1', resource, kind, namespaced})
const grouped = (group: string, version: string, resource: string, kind: string, namespaced = true): ResourceType => ({
  group,
  version,
  resource,
  kind,
  namespaced,
})

/** The resources the plugins read and write. CRDs can be described ad hoc with the same shape. */
export const RESOURCES = {
  namespaces: core('namespaces', 'Namespace', false),
  nodes: core('nodes', 'Node', false),
  pods: core('pods', 'Pod'),
  services: core('services', 'Service'),
  configmaps: core('configmaps', 'ConfigMap'),
  events: core('events', 'Event'),
  persistentvolumeclaims: core('persistentvolumeclaims', 'PersistentVolumeClaim'),
  resourcequotas: core('resourcequotas', 'ResourceQuota'),
  limitranges: core('limitranges', 'LimitRange'),
  serviceaccounts: core('serviceaccounts', 'ServiceAccount'),
  deployments: grouped('apps', 'v1', 'deployments', 'Deployment'),
  replicasets: grouped('apps', 'v1', 'replicasets', 'ReplicaSet'),
  statefulsets: grouped('apps', 'v1', 'statefulsets', 'StatefulSet'),
  daemonsets: grouped('apps', 'v1', 'daemonsets', 'DaemonSet'),
  jobs: grouped('batch', 'v1', 'jobs', 'Job'),
  cronjobs: grouped('batch', 'v1', 'cronjobs', 'CronJob'),
  networkpolicies: grouped('networking.k8s.io', 'v1', 'networkpolicies', 'NetworkPolicy'),
  ingresses: grouped('networking.k8s.io', 'v1', 'ingresses', 'Ingress'),
  storageclasses: grouped('storage.k8s.io', 'v1', 'storageclasses', 'StorageClass', false),
  runtimeclasses: grouped('node.k8s.io', 'v1', 'runtimeclasses', 'RuntimeClass', false),
  horizontalpodautoscalers: grouped('autoscaling', 'v2', 'horizontalpodautoscalers', 'HorizontalPodAutoscaler'),
  httproutes: grouped('gateway.networking.k8s.io', 'v1', 'httproutes', 'HTTPRoute'),
  adminnetworkpolicies: grouped('policy.networking.k8s.io', 'v1alpha1', 'adminnetworkpolicies', 'AdminNetworkPolicy', false),
  baselineadminnetworkpolicies: grouped(
    'policy.networking.k8s.io',
    'v1alpha1',
    'baselineadminnetworkpolicies',
    'BaselineAdminNetworkPolicy',
    false,
  ),
  clusternetworkpolicies: grouped('policy.networking.k8s.io', 'v1alpha2', 'clusternetworkpolicies', 'ClusterNetworkPolicy', false),
} as const satisfies Record<string, ResourceType>

/** "deployments.apps", "pods": the name kube-apiserver uses in its messages. */
export function qualifiedResource(type: ResourceType): string {
  return type.group === '' ? type.resource : `${type.resource}.${type.group}`
}

/** The collection or object path: /api/v1/namespaces/x/pods/name/log. */
export function resourcePath(type: ResourceType, where: {namespace?: string; name?: string; subresource?: string} = {}): string {
  const prefix = type.group === '' ? `/api/${type.version}` : `/apis/${type.group}/${type.version}`
  const scope = type.namespaced && where.namespace !== undefined ? `/namespaces/${encodeURIComponent(where.namespace)}` : ''
  const name = where.name === undefined ? '' : `/${encodeURIComponent(where.name)}`
  const sub = where.subresource === undefined ? '' : `/${where.subresource}`
  return `${prefix}${scope}/${type.resource}${name}${sub}`
}
