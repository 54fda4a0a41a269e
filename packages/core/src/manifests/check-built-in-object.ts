import type {KubeObject} from '../kube/kube-object.js'
import {frozenGroup, interpretedKindVersions, splitApiVersion} from './built-in-kinds.js'
import {throwInvalidManifest} from './invalid-manifest.js'
import {objectNameProblems} from './object-name-problems.js'

/**
 * Refuses what the API server would surely refuse, before anything else: a kind that the core,
 * apps or batch group does not have, a version that does not serve a kind we know, and a name
 * its kind does not allow. What the client cannot know (new kinds and versions of evolving
 * groups, CRDs) passes. `at` is `file:line`.
 */
export function checkBuiltInObject(object: KubeObject, at: string): void {
  const {apiVersion, kind} = object
  const {group, version} = splitApiVersion(apiVersion)
  const known = checkFrozenGroup(group, version, kind, at) || checkInterpretedKind(group, version, kind, at)
  const name = object.metadata.name
  if (!known || name === undefined || name === '') return // an empty name with generateName is named by the server
  const [problem] = objectNameProblems(group, kind, name)
  if (problem !== undefined) throwInvalidManifest(at, `invalid metadata.name ${JSON.stringify(name)} for ${kind}: ${problem}`)
}

/** True when the group is frozen and the kind is served at that version; throws when it is not. */
function checkFrozenGroup(group: string, version: string, kind: string, at: string): boolean {
  const versions = frozenGroup(group)
  if (versions === undefined) return false
  const kinds = versions[version]
  if (kinds === undefined) {
    const servedAs = Object.keys(versions).filter((each) => versions[each]?.includes(kind))
    throwUnservedVersion(group, version, kind, servedAs, at)
  }
  if (!kinds.includes(kind)) throwInvalidManifest(at, `unknown kind "${kind}" in apiVersion "${withGroup(group, version)}"`, `Kinds in ${withGroup(group, version)}: ${kinds.join(', ')}.`)
  return true
}

/** True when the kind is one the plugins interpret and the version serves it; throws when it does not. */
function checkInterpretedKind(group: string, version: string, kind: string, at: string): boolean {
  const served = interpretedKindVersions(group, kind)
  if (served === undefined) return false
  if (!served.includes(version)) throwUnservedVersion(group, version, kind, served, at)
  return true
}

function throwUnservedVersion(group: string, version: string, kind: string, servedAs: readonly string[], at: string): never {
  const fix = servedAs.length > 0 ? `${kind} is served as ${servedAs.map((each) => withGroup(group, each)).join(', ')}.` : undefined
  const where = group === '' ? 'the core group' : `group "${group}"`
  throwInvalidManifest(at, `unknown apiVersion "${withGroup(group, version)}" for kind "${kind}": the API does not serve version "${version}" of ${where}`, fix)
}

function withGroup(group: string, version: string): string {
  return group === '' ? version : `${group}/${version}`
}
