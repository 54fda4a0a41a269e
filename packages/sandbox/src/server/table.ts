import type {KubeObject} from '../store/object-store.js'
import {tableColumns} from './columns/table-columns.js'

/** True when the Accept header asks for a meta.k8s.io Table, as `kubectl get` does. */
export function wantsTable(accept: string | undefined): boolean {
  return (accept ?? '').split(',').some((type) => /;\s*as=Table/.test(type) && /;\s*g=meta\.k8s\.io/.test(type))
}

export interface TableOptions {
  now: Date
  /** includeObject: None, Metadata (the default) or Object. */
  includeObject: string | null
  listMetadata?: Record<string, unknown>
}

/** A meta.k8s.io/v1 Table of the objects of one resource. */
export function toTable(resource: string, objects: Iterable<KubeObject>, options: TableOptions): Record<string, unknown> {
  const columns = tableColumns(resource)
  const rows = [...objects].map((object) => ({
    cells: columns.map((column) => column.cell(object, options.now)),
    ...rowObject(object, options.includeObject),
  }))
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: options.listMetadata ?? {},
    columnDefinitions: columns.map((column) => ({
      name: column.name,
      type: column.type,
      format: column.name === 'Name' ? 'name' : '',
      description: '',
      priority: column.priority,
    })),
    rows,
  }
}

function rowObject(object: KubeObject, includeObject: string | null): {object?: unknown} {
  if (includeObject === 'None') return {}
  if (includeObject === 'Object') return {object}
  return {object: {kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: object.metadata}}
}
