import type {ResourceKey} from '../store/object-store.js'

/** The resources the controllers read and write. */
export const PODS: ResourceKey = {group: '', resource: 'pods'}
export const NODES: ResourceKey = {group: '', resource: 'nodes'}
export const REPLICA_SETS: ResourceKey = {group: 'apps', resource: 'replicasets'}
export const DEPLOYMENTS: ResourceKey = {group: 'apps', resource: 'deployments'}
export const JOBS: ResourceKey = {group: 'batch', resource: 'jobs'}
export const CRON_JOBS: ResourceKey = {group: 'batch', resource: 'cronjobs'}

export function isResource(key: ResourceKey, wanted: ResourceKey): boolean {
  return key.group === wanted.group && key.resource === wanted.resource
}
