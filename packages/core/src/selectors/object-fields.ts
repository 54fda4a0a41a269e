import type {FieldSet} from './field-selector.js'

/** The part of any Kubernetes object that object metadata field selectors read. */
export interface ObjectWithMetadata {
  metadata?: {name?: string; namespace?: string} | null
}

/**
 * The field set every object supports (upstream generic.ObjectMetaFieldsSet):
 * `metadata.name`, plus `metadata.namespace` for namespaced kinds. Missing values are "".
 * Callers add kind-specific fields, e.g. `{...objectFields(pod), 'status.phase': pod.status?.phase ?? ''}`.
 */
export function objectFields(object: ObjectWithMetadata, options: {clusterScoped?: boolean} = {}): FieldSet {
  const name = object.metadata?.name ?? ''
  if (options.clusterScoped) return {'metadata.name': name}
  return {'metadata.name': name, 'metadata.namespace': object.metadata?.namespace ?? ''}
}
