import {badRequest} from '../store/api-error.js'
import {applyMergePatch, isObject} from './merge-patch.js'
import type {Json} from './merge-patch.js'

/**
 * The patchMergeKey of the lists the served types merge by key (from the Go struct tags in
 * k8s.io/api core/v1 and apps/v1). Lists not named here are replaced, as `atomic` lists are.
 */
const MERGE_KEYS: Record<string, string[]> = {
  containers: ['name'],
  initContainers: ['name'],
  ephemeralContainers: ['name'],
  env: ['name'],
  volumes: ['name'],
  volumeMounts: ['mountPath'],
  imagePullSecrets: ['name'],
  // Container ports merge by containerPort, Service ports by port.
  ports: ['containerPort', 'port'],
  conditions: ['type'],
  hostAliases: ['ip'],
  topologySpreadConstraints: ['topologyKey'],
}

/**
 * Strategic merge patch as far as the sandbox's types need: maps merge like a merge patch,
 * lists with a merge key merge item by item, `$patch: delete` removes an item, `$patch: replace`
 * replaces a map, and other `$` directives (`$setElementOrder`, `$retainKeys`) are ignored.
 */
export function applyStrategicMergePatch(target: Json, patch: Json): Json {
  if (!isObject(patch)) return patch
  if (patch.$patch === 'replace') return withoutDirectives(patch)
  if (patch.$patch === 'delete') return null
  const result: {[key: string]: Json} = isObject(target) ? {...target} : {}
  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith('$')) continue
    if (value === null) delete result[key]
    else if (Array.isArray(value)) result[key] = mergeList(key, result[key] ?? null, value)
    else if (isObject(value)) result[key] = applyStrategicMergePatch(result[key] ?? null, value)
    else result[key] = value
  }
  return result
}

function mergeList(field: string, target: Json, patch: Json[]): Json[] {
  const mergeKey = mergeKeyFor(field, patch, target)
  if (!mergeKey || !Array.isArray(target)) return patch.filter((item) => !isObject(item) || item.$patch !== 'delete').map(withoutDirectives)
  const merged = [...target]
  for (const item of patch) {
    if (!isObject(item)) throw badRequest(`unable to merge list "${field}": element is not an object`)
    const index = merged.findIndex((existing) => isObject(existing) && existing[mergeKey] === item[mergeKey])
    if (item.$patch === 'delete') {
      if (index >= 0) merged.splice(index, 1)
    } else if (index >= 0) {
      merged[index] = applyStrategicMergePatch(merged[index]!, item)
    } else {
      merged.push(withoutDirectives(item))
    }
  }
  return merged
}

function mergeKeyFor(field: string, patch: Json[], target: Json): string | undefined {
  const candidates = MERGE_KEYS[field]
  if (!candidates) return undefined
  const items = [...patch, ...(Array.isArray(target) ? target : [])]
  return candidates.find((key) => items.some((item) => isObject(item) && key in item))
}

function withoutDirectives(value: Json): Json {
  if (Array.isArray(value)) return value.map(withoutDirectives)
  if (!isObject(value)) return value
  const result: {[key: string]: Json} = {}
  for (const [key, child] of Object.entries(value)) if (!key.startsWith('$')) result[key] = withoutDirectives(child)
  return applyMergePatch({}, result)
}
