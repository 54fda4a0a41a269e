/** A REST resource the sandbox serves, with what discovery says about it. */
export interface ServedResource {
  /** '' for the core group. */
  group: string
  version: string
  /** Plural REST name, e.g. "deployments". */
  resource: string
  singular: string
  kind: string
  namespaced: boolean
  shortNames: string[]
  categories: string[]
  subresources: Subresource[]
  verbs: string[]
}

export type Subresource = 'status' | 'scale' | 'log' | 'ephemeralcontainers' | 'exec'

export const STANDARD_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch']

export function apiVersionOf(type: ServedResource): string {
  return type.group === '' ? type.version : `${type.group}/${type.version}`
}

/** Where the resource's collection lives: /api/v1 or /apis/apps/v1. */
export function groupVersionPath(group: string, version: string): string {
  return group === '' ? `/api/${version}` : `/apis/${group}/${version}`
}
