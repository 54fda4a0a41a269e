import type {KubeObject} from '../../store/object-store.js'
import {age, ageColumn, column, field, nameColumn, text} from './column.js'
import type {Loose, TableColumn} from './column.js'

function servicePorts(service: KubeObject): string {
  const ports = (field(service, 'spec', 'ports') as Loose[] | undefined) ?? []
  return text(ports.map((p) => `${String(p.port)}${p.nodePort ? `:${String(p.nodePort)}` : ''}/${text(p.protocol, 'TCP')}`).join(','))
}

function nodeStatus(node: KubeObject): string {
  const conditions = (field(node, 'status', 'conditions') as Loose[] | undefined) ?? []
  const ready = conditions.find((c) => c.type === 'Ready')
  const status = ready?.status === 'True' ? 'Ready' : ready ? 'NotReady' : 'Unknown'
  return field(node, 'spec', 'unschedulable') === true ? `${status},SchedulingDisabled` : status
}

function nodeRoles(node: KubeObject): string {
  const prefix = 'node-role.kubernetes.io/'
  return text(Object.keys(node.metadata.labels ?? {}).filter((key) => key.startsWith(prefix)).map((key) => key.slice(prefix.length)).join(','))
}

function matchLabelsText(selector: unknown): string {
  const matchLabels = (selector as {matchLabels?: Record<string, string>} | undefined)?.matchLabels ?? {}
  return text(Object.entries(matchLabels).map(([key, value]) => `${key}=${value}`).join(','))
}

/** `cpu: 500m/2, memory: 1Gi/4Gi`: used/hard for the quota's requests (limits.* go to the Limit column). */
function quotaUsage(quota: KubeObject, limits: boolean): string {
  const hard = (field(quota, 'status', 'hard') ?? field(quota, 'spec', 'hard') ?? {}) as Record<string, string>
  const used = (field(quota, 'status', 'used') ?? {}) as Record<string, string>
  return Object.keys(hard)
    .sort()
    .filter((name) => name.startsWith('limits.') === limits)
    .map((name) => `${name}: ${used[name] ?? '0'}/${hard[name]}`)
    .join(', ')
}

function ingressHosts(ingress: KubeObject): string {
  const rules = (field(ingress, 'spec', 'rules') as Loose[] | undefined) ?? []
  return text(rules.map((rule) => text(rule.host, '*')).join(','), '*')
}

/** kube-apiserver's columns (pkg/printers/internalversion/printers.go) for the cluster and networking kinds. */
export const CLUSTER_COLUMNS: Record<string, TableColumn[]> = {
  namespaces: [nameColumn, column('Status', (o) => text(field(o, 'status', 'phase'), 'Active')), ageColumn],
  nodes: [nameColumn, column('Status', nodeStatus), column('Roles', nodeRoles), ageColumn, column('Version', (o) => text(field(o, 'status', 'nodeInfo', 'kubeletVersion'), ''))],
  services: [
    nameColumn,
    column('Type', (o) => text(field(o, 'spec', 'type'), 'ClusterIP')),
    column('Cluster-IP', (o) => text(field(o, 'spec', 'clusterIP'))),
    column('External-IP', () => '<none>'),
    column('Port(s)', servicePorts),
    ageColumn,
  ],
  configmaps: [nameColumn, column('Data', (o) => Object.keys((o.data as Loose | undefined) ?? {}).length, 0, 'integer'), ageColumn],
  networkpolicies: [nameColumn, column('Pod-Selector', (o) => matchLabelsText(field(o, 'spec', 'podSelector'))), ageColumn],
  resourcequotas: [nameColumn, ageColumn, column('Request', (o) => quotaUsage(o, false)), column('Limit', (o) => quotaUsage(o, true))],
  ingresses: [
    nameColumn,
    column('Class', (o) => text(field(o, 'spec', 'ingressClassName'))),
    column('Hosts', ingressHosts),
    column('Address', () => ''),
    column('Ports', (o) => ((field(o, 'spec', 'tls') as unknown[] | undefined)?.length ? '80, 443' : '80')),
    ageColumn,
  ],
  persistentvolumeclaims: [
    nameColumn,
    column('Status', (o) => text(field(o, 'status', 'phase'), 'Pending')),
    column('Volume', (o) => text(field(o, 'spec', 'volumeName'), '')),
    column('Capacity', (o) => text(field(o, 'status', 'capacity', 'storage'), '')),
    column('Access Modes', (o) => ((field(o, 'spec', 'accessModes') as string[] | undefined) ?? []).map((m) => m.replace(/[a-z]/g, '')).join(',')),
    column('StorageClass', (o) => text(field(o, 'spec', 'storageClassName'))),
    ageColumn,
  ],
  events: [
    column('Last Seen', (o, now) => age(typeof o.lastTimestamp === 'string' ? o.lastTimestamp : o.metadata.creationTimestamp, now)),
    column('Type', (o) => text(o.type, 'Normal')),
    column('Reason', (o) => text(o.reason, '')),
    column('Object', (o) => `${String(field(o, 'involvedObject', 'kind') ?? '').toLowerCase()}/${String(field(o, 'involvedObject', 'name') ?? '')}`),
    column('Message', (o) => text(o.message, '')),
  ],
}
