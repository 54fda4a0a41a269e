import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {parse} from 'yaml'
import {UsageError} from '../../errors/kubeline-error.js'
import {checkFieldTypes} from './kubeconfig-field-types.js'
import type {FieldOwner} from './kubeconfig-field-types.js'
import type {ClusterEntry, ContextEntry, MergedKubeconfig, Named, UserEntry} from './kubeconfig-types.js'
import {KUBECONFIG_YAML_OPTIONS, parsePlainBlockYaml} from './plain-block-yaml.js'

export interface KubeconfigSources {
  /** --kubeconfig: exactly this file, which must exist; no merging. */
  explicitPath?: string
  /** The KUBECONFIG environment variable. */
  kubeconfigEnv?: string
  homeDir?: string
}

/**
 * Which files to read, as client-go's ClientConfigLoadingRules does: --kubeconfig alone;
 * else the KUBECONFIG list (split on the OS separator, de-duplicated, empty entries
 * dropped, missing files skipped); else ~/.kube/config when it exists.
 */
export function kubeconfigFiles(sources: KubeconfigSources): string[] {
  if (sources.explicitPath !== undefined) {
    if (!fs.existsSync(sources.explicitPath)) {
      throw new UsageError('NO_CONFIG', `kubeconfig "${sources.explicitPath}" does not exist`, {
        fix: 'Check the path given to --kubeconfig.',
      })
    }
    return [sources.explicitPath]
  }
  if (sources.kubeconfigEnv !== undefined && sources.kubeconfigEnv !== '') {
    const listed = [...new Set(sources.kubeconfigEnv.split(path.delimiter).filter((file) => file !== ''))]
    return listed.filter((file) => fs.existsSync(file))
  }
  const home = path.join(sources.homeDir ?? os.homedir(), '.kube', 'config')
  return fs.existsSync(home) ? [home] : []
}

/**
 * Merge kubeconfig files with client-go's rules: the first file that sets a map key
 * (cluster, user or context name) wins, as does the first current-context; relative
 * paths are resolved against the directory of the file they appear in.
 */
export function loadKubeconfig(files: readonly string[]): MergedKubeconfig {
  const merged: MergedKubeconfig = {files: [...files], currentContext: undefined, clusters: new Map(), users: new Map(), contexts: new Map()}
  for (const file of files) {
    const doc = readKubeconfigFile(file)
    checkFieldTypes(doc, 'config', '', file)
    const dir = path.dirname(path.resolve(file))
    if (merged.currentContext === undefined && typeof doc['current-context'] === 'string' && doc['current-context'] !== '') {
      merged.currentContext = doc['current-context']
    }
    addFirst(merged.clusters, namedEntries<ClusterEntry>(doc, 'clusters', 'cluster', file), (entry) => resolveClusterPaths(entry, dir), file)
    addFirst(merged.users, namedEntries<UserEntry>(doc, 'users', 'user', file), (entry) => resolveUserPaths(entry, dir), file)
    addFirst(merged.contexts, namedEntries<ContextEntry>(doc, 'contexts', 'context', file), (entry) => entry, file)
  }
  return merged
}

function readKubeconfigFile(file: string): Record<string, unknown> {
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch (err) {
    throw new UsageError('INVALID_KUBECONFIG', `cannot read kubeconfig "${file}": ${(err as Error).message}`, {cause: err})
  }
  let doc: unknown
  try {
    // kubectl's plain block form is read without running `yaml`, which costs start-up time; anything else falls back.
    doc = parsePlainBlockYaml(text) ?? parse(text, KUBECONFIG_YAML_OPTIONS)
  } catch (err) {
    throw new UsageError('INVALID_KUBECONFIG', `kubeconfig "${file}" is not valid YAML: ${(err as Error).message}`, {
      fix: 'Fix or remove the file, or point KUBECONFIG elsewhere.',
    })
  }
  if (doc === null || doc === undefined) return {}
  if (typeof doc !== 'object' || Array.isArray(doc)) {
    throw new UsageError('INVALID_KUBECONFIG', `kubeconfig "${file}" is not a mapping`)
  }
  return doc as Record<string, unknown>
}

function namedEntries<T>(doc: Record<string, unknown>, listKey: string, entryKey: Exclude<FieldOwner, 'config'>, file: string): {name: string; entry: T}[] {
  const list = doc[listKey]
  if (list === undefined || list === null) return []
  if (!Array.isArray(list)) throw new UsageError('INVALID_KUBECONFIG', `kubeconfig "${file}": "${listKey}" must be a list`)
  return list.map((item: unknown, index) => {
    const record = (item ?? {}) as Record<string, unknown>
    if (typeof record.name !== 'string' || record.name === '') {
      throw new UsageError('INVALID_KUBECONFIG', `kubeconfig "${file}": ${listKey}[${index}] has no name`)
    }
    checkFieldTypes(record[entryKey], entryKey, `${entryKey} "${record.name}"`, file)
    return {name: record.name, entry: {...((withoutNulls(record[entryKey]) ?? {}) as T)}}
  })
}

/** The lists of structs inside kubeconfig entries (client-go types.go); the others hold strings. */
const STRUCT_LISTS = new Set(['env', 'extensions'])

/**
 * client-go decodes null as the zero value: a field left empty (here: absent), a list item an empty
 * string or struct. Never a value a caller must check for.
 */
function withoutNulls(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) return value.map((item) => (item === null ? (STRUCT_LISTS.has(key) ? {} : '') : withoutNulls(item)))
  if (typeof value !== 'object' || value === null) return value ?? undefined
  return Object.fromEntries(Object.entries(value).flatMap(([name, item]) => (item === null ? [] : [[name, withoutNulls(item, name)]])))
}

function addFirst<T, K extends string>(
  target: Map<string, Named<T, K>>,
  entries: {name: string; entry: T}[],
  resolve: (entry: T) => T,
  origin: string,
): void {
  for (const {name, entry} of entries) {
    if (!target.has(name)) target.set(name, {name, entry: resolve(entry), origin})
  }
}

function resolveClusterPaths(entry: ClusterEntry, dir: string): ClusterEntry {
  return {...entry, ...absolute(entry, ['certificate-authority'], dir)}
}

function resolveUserPaths(entry: UserEntry, dir: string): UserEntry {
  const resolved: UserEntry = {...entry, ...absolute(entry, ['client-certificate', 'client-key', 'tokenFile'], dir)}
  // As client-go: an exec command is resolved only when it is a path, not a name looked up on PATH (or null: left empty).
  if (entry.exec && typeof entry.exec.command === 'string' && entry.exec.command.includes(path.sep) && !path.isAbsolute(entry.exec.command)) {
    resolved.exec = {...entry.exec, command: path.join(dir, entry.exec.command)}
  }
  return resolved
}

function absolute<T extends object>(entry: T, keys: string[], dir: string): Partial<T> {
  const out: Record<string, string> = {}
  for (const key of keys) {
    const value = (entry as Record<string, unknown>)[key]
    if (typeof value === 'string' && value !== '' && !path.isAbsolute(value)) out[key] = path.join(dir, value)
  }
  return out as Partial<T>
}
