import {KREW_API_VERSION, KREW_KIND} from './krew-plugin.js'
import type {KrewFileOperation, KrewPlatform, KrewPlugin, KrewSelector} from './krew-plugin.js'

// krew's own checks: kubernetes-sigs/krew internal/index/validation/validate.go
// (ValidatePlugin, validatePlatform, validateFiles, validateSelector) and
// internal/installation/semver/version.go (Parse). First problem wins, as there.

const SAFE_NAME = /^[\w-]+$/
const SHA256 = /^[a-f0-9]{64}$/
const WINDOWS_FORBIDDEN = ['CON', 'PRN', 'AUX', 'NUL', ...[1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap((n) => [`COM${n}`, `LPT${n}`])]
/** semver 2 with krew's leading "v"; numeric parts without leading zeros (apimachinery ParseSemantic). */
const KREW_VERSION = /^v(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$/

/** krew's IsSafePluginName: word characters and dashes, not a reserved Windows file name. */
export function isSafePluginName(name: string): boolean {
  return SAFE_NAME.test(name) && !WINDOWS_FORBIDDEN.includes(name.toUpperCase())
}

export function isKrewVersion(version: string): boolean {
  return KREW_VERSION.test(version)
}

/** The first reason krew would reject `plugin` read from `<name>.yaml`, or undefined. */
export function krewPluginProblem(name: string, plugin: KrewPlugin): string | undefined {
  const {spec} = plugin
  if (plugin.apiVersion !== KREW_API_VERSION) return `apiVersion is "${plugin.apiVersion}", krew reads only "${KREW_API_VERSION}"`
  if (plugin.kind !== KREW_KIND) return `kind is "${plugin.kind}", must be "${KREW_KIND}"`
  if (!isSafePluginName(name)) return `the plugin name "${name}" is not allowed, must match ${SAFE_NAME.source}`
  if (plugin.metadata.name !== name) return `plugin should be named "${name}" (its file name), not "${plugin.metadata.name}"`
  if (!spec.shortDescription) return 'should have a short description'
  if (/[\r\n]/.test(spec.shortDescription)) return 'should not have line breaks in short description'
  if (spec.platforms.length === 0) return 'should have a platform specified'
  if (!spec.version) return 'should have a version specified'
  if (!isKrewVersion(spec.version)) return `version "${spec.version}" is not a semantic version with a leading "v"`
  for (const platform of spec.platforms) {
    const problem = krewPlatformProblem(platform)
    if (problem !== undefined) return `platform ${platform.uri || '(no uri)'}: ${problem}`
  }
  return undefined
}

export function krewPlatformProblem(platform: KrewPlatform): string | undefined {
  if (!platform.uri) return '`uri` has to be set'
  if (!platform.sha256) return '`sha256` sum has to be set'
  if (!SHA256.test(platform.sha256)) return `\`sha256\` value ${platform.sha256} is not valid, must match ${SHA256.source}`
  if (!platform.bin) return '`bin` has to be set'
  return filesProblem(platform.files) ?? selectorProblem(platform.selector)
}

export function filesProblem(files: KrewFileOperation[] | undefined): string | undefined {
  if (files === undefined) return undefined
  if (files.length === 0) return '`files` has to be unspecified or non-empty'
  if (files.some((file) => !file.from)) return '`files`: `from` field has to be set'
  if (files.some((file) => !file.to)) return '`files`: `to` field has to be set'
  return undefined
}

export function selectorProblem(selector: KrewSelector | undefined): string | undefined {
  if (selector === undefined) return 'nil selector is not supported'
  const {matchLabels, matchExpressions} = selector
  if (matchLabels === undefined && (matchExpressions ?? []).length === 0) return 'empty selector is not supported'
  const keys = [...Object.keys(matchLabels ?? {}), ...(matchExpressions ?? []).map((expression) => expression.key)]
  const unsupported = keys.find((key) => key !== 'os' && key !== 'arch')
  if (unsupported !== undefined) return `selector key "${unsupported}" not supported (only os and arch)`
  if (matchLabels !== undefined && Object.keys(matchLabels).length === 0) return '`matchLabels` specified but empty'
  if (matchExpressions !== undefined && matchExpressions.length === 0) return '`matchExpressions` specified but empty'
  return undefined
}
