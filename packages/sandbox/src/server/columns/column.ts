import type {KubeObject} from '../../store/object-store.js'
import {humanDuration} from '../human-duration.js'

export interface TableColumn {
  name: string
  type: 'string' | 'integer'
  /** 0 is shown by default, 1 only with -o wide. */
  priority: number
  cell(object: KubeObject, now: Date): string | number
}

export type Loose = Record<string, unknown>
export const field = (object: KubeObject, ...path: string[]): unknown =>
  path.reduce<unknown>((value, key) => (value !== null && typeof value === 'object' ? (value as Loose)[key] : undefined), object)
export const text = (value: unknown, fallback = '<none>'): string => (value === undefined || value === null || value === '' ? fallback : String(value))
export const count = (value: unknown): number => (typeof value === 'number' ? value : 0)

export const column = (name: string, cell: TableColumn['cell'], priority = 0, type: TableColumn['type'] = 'string'): TableColumn => ({name, type, priority, cell})
export const nameColumn = column('Name', (o) => o.metadata.name ?? '')
export const ageColumn = column('Age', (o, now) => age(o.metadata.creationTimestamp, now))

export function age(timestamp: string | undefined, now: Date): string {
  return timestamp ? humanDuration(now.getTime() - Date.parse(timestamp)) : '<unknown>'
}
