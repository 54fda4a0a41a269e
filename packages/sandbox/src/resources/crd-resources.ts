import {STANDARD_VERBS} from './resource-type.js'
import type {ServedResource, Subresource} from './resource-type.js'
import type {KubeObject} from '../store/object-store.js'

interface CrdSpec {
  group?: string
  scope?: string
  names?: {plural?: string; singular?: string; kind?: string; shortNames?: string[]; categories?: string[]}
  versions?: {name?: string; served?: boolean; subresources?: {status?: unknown; scale?: unknown}}[]
}

/** One served resource per served version of an apiextensions.k8s.io/v1 CustomResourceDefinition. */
export function crdServedResources(crd: KubeObject): ServedResource[] {
  const spec = (crd.spec ?? {}) as CrdSpec
  const {group, names} = spec
  if (!group || !names?.plural || !names.kind) return []
  return (spec.versions ?? [])
    .filter((version) => version.name && version.served !== false)
    .map((version) => ({
      group,
      version: version.name!,
      resource: names.plural!,
      singular: names.singular ?? names.kind!.toLowerCase(),
      kind: names.kind!,
      namespaced: spec.scope !== 'Cluster',
      shortNames: names.shortNames ?? [],
      categories: names.categories ?? [],
      subresources: subresourcesOf(version.subresources),
      verbs: STANDARD_VERBS,
    }))
}

function subresourcesOf(subresources: {status?: unknown; scale?: unknown} | undefined): Subresource[] {
  const result: Subresource[] = []
  if (subresources?.status) result.push('status')
  if (subresources?.scale) result.push('scale')
  return result
}
