import {ageColumn, nameColumn} from './column.js'
import type {TableColumn} from './column.js'
import {CLUSTER_COLUMNS} from './cluster-columns.js'
import {WORKLOAD_COLUMNS} from './workload-columns.js'

export type {TableColumn} from './column.js'

/** The Table columns of a resource: kubectl's for the kinds the sandbox knows, Name and Age for the rest. */
export function tableColumns(resource: string): TableColumn[] {
  return WORKLOAD_COLUMNS[resource] ?? CLUSTER_COLUMNS[resource] ?? [nameColumn, ageColumn]
}
