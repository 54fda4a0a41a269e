import {pathNotFound} from '../store/api-error.js'
import type {ResourceRegistry} from '../resources/resource-registry.js'
import type {ServedResource} from '../resources/resource-type.js'

export const SERVER_VERSION = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.0-kubeline-sandbox',
  gitCommit: '0000000000000000000000000000000000000000',
  gitTreeState: 'clean',
  buildDate: '2026-01-01T00:00:00Z',
  goVersion: 'go1.23.0',
  compiler: 'gc',
  platform: 'linux/amd64',
}

/**
 * Legacy discovery documents (/api, /apis, /apis/<group>, /api/v1, /apis/<group>/<version>).
 * They are sent as plain application/json, so clients asking for aggregated discovery
 * (apidiscovery.k8s.io/v2) fall back to these, as they do with older servers.
 */
export function discoveryDocument(registry: ResourceRegistry, path: string, serverAddress: string): unknown {
  const parts = path.split('/').filter((part) => part !== '')
  if (path === '/version') return SERVER_VERSION
  if (parts.length === 1 && parts[0] === 'api') {
    return {kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{clientCIDR: '0.0.0.0/0', serverAddress}]}
  }
  if (parts.length === 1 && parts[0] === 'apis') return {kind: 'APIGroupList', apiVersion: 'v1', groups: apiGroups(registry)}
  if (parts.length === 2 && parts[0] === 'apis') {
    const group = apiGroups(registry).find((g) => g.name === parts[1])
    if (group) return {kind: 'APIGroup', apiVersion: 'v1', ...group}
  }
  if ((parts.length === 2 && parts[0] === 'api') || (parts.length === 3 && parts[0] === 'apis')) {
    const [group, version] = parts[0] === 'api' ? ['', parts[1]!] : [parts[1]!, parts[2]!]
    const types = registry.inGroupVersion(group, version)
    if (types.length > 0) {
      return {kind: 'APIResourceList', apiVersion: 'v1', groupVersion: group === '' ? version : `${group}/${version}`, resources: types.flatMap(apiResources)}
    }
  }
  return undefined
}

export function requireDiscoveryDocument(registry: ResourceRegistry, path: string, serverAddress: string): unknown {
  const document = discoveryDocument(registry, path, serverAddress)
  if (document === undefined) throw pathNotFound()
  return document
}

function apiGroups(registry: ResourceRegistry) {
  return registry.groups().map(({group, versions}) => {
    const groupVersions = versions.map((version) => ({groupVersion: `${group}/${version}`, version}))
    return {name: group, versions: groupVersions, preferredVersion: groupVersions[0]}
  })
}

function apiResources(type: ServedResource): Record<string, unknown>[] {
  const main = {
    name: type.resource,
    singularName: type.singular,
    namespaced: type.namespaced,
    kind: type.kind,
    verbs: type.verbs,
    ...(type.shortNames.length > 0 ? {shortNames: type.shortNames} : {}),
    ...(type.categories.length > 0 ? {categories: type.categories} : {}),
  }
  const subresources = type.subresources.map((subresource) => {
    const base = {name: `${type.resource}/${subresource}`, singularName: '', namespaced: type.namespaced}
    if (subresource === 'log') return {...base, kind: 'Pod', verbs: ['get']}
    if (subresource === 'exec') return {...base, kind: 'PodExecOptions', verbs: ['create', 'get']}
    if (subresource === 'scale') return {...base, group: 'autoscaling', version: 'v1', kind: 'Scale', verbs: ['get', 'patch', 'update']}
    return {...base, kind: type.kind, verbs: ['get', 'patch', 'update']}
  })
  return [main, ...subresources]
}
