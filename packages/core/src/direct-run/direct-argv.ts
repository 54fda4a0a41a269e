import type {ManifestFlag} from '../command/plugin-manifest.js'

/** Parsed flags: what oclif's parse would give for the same argv. */
export type DirectFlags = Record<string, unknown>

/**
 * The flags of `argv` as oclif would parse them, when every token is one a direct run reads without
 * oclif: `--name`, `--name value`, `--name=value`, `-c` and `-c value`, each of a flag in `accepted`
 * (flags whose value oclif passes through unchanged). undefined for anything else: arguments, `--`,
 * other or repeated flags, a missing value or one that starts with `-`, `-cVALUE`, a value outside the
 * flag's options, flags that exclude or need others, a required flag missing. oclif then parses that
 * argv and says what is wrong. A command with a flag whose value the manifest cannot tell (read from
 * the environment, split at a delimiter, a default not cached) always goes to oclif. The manifest
 * records no default of a boolean flag either: a command with a direct run must not have a boolean
 * flag with a default (each plugin's direct.test.ts, whose first command line is empty, shows it).
 */
export function parseDirectArgv(argv: readonly string[], flags: Readonly<Record<string, ManifestFlag>>, accepted: ReadonlySet<string>): DirectFlags | undefined {
  if (Object.values(flags).some(beyondTheManifest)) return undefined
  const byChar = new Map(Object.values(flags).flatMap((flag) => (flag.char ? [[flag.char, flag] as const] : [])))
  const given = new Map<ManifestFlag, string[]>()
  for (let i = 0; i < argv.length; i++) {
    const token = readToken(argv[i] ?? '', flags, byChar)
    if (token === undefined || !accepted.has(token.flag.name)) return undefined
    let value = token.value
    if (token.flag.type === 'option' && value === undefined) value = argv[++i]
    if (!acceptableValue(token.flag, value)) return undefined
    const values = given.get(token.flag) ?? []
    if (values.length > 0 && !token.flag.multiple) return undefined
    given.set(token.flag, [...values, value ?? ''])
  }
  if (!relationsHold(given) || Object.values(flags).some((flag) => flag.required && !given.has(flag))) return undefined
  return withDefaults(given, flags)
}

/** `--name`, `--name=value`, `-c`: the flag, and the value written in the token (`=`), if any. */
function readToken(text: string, flags: Readonly<Record<string, ManifestFlag>>, byChar: ReadonlyMap<string, ManifestFlag>): {flag: ManifestFlag; value?: string} | undefined {
  if (text.startsWith('--')) {
    const equals = text.indexOf('=')
    const name = equals < 0 ? text.slice(2) : text.slice(2, equals)
    const flag = Object.hasOwn(flags, name) ? flags[name] : undefined
    if (flag === undefined) return undefined
    if (equals < 0) return {flag}
    return flag.type === 'option' ? {flag, value: text.slice(equals + 1)} : undefined
  }
  const flag = /^-[^-]$/.test(text) ? byChar.get(text.slice(1)) : undefined
  return flag && {flag}
}

function acceptableValue(flag: ManifestFlag, value: string | undefined): boolean {
  if (flag.type === 'boolean') return value === undefined
  if (value === undefined || value === '' || value.startsWith('-')) return false
  return flag.options === undefined || flag.options.includes(value)
}

/** No flag given with one it excludes, none without one it depends on, none with other relationships. */
function relationsHold(given: ReadonlyMap<ManifestFlag, readonly string[]>): boolean {
  const names = new Set([...given.keys()].map((flag) => flag.name))
  return [...given.keys()].every(
    (flag) =>
      (flag.relationships ?? []).length === 0 &&
      (flag.exclusive ?? []).every((name) => !names.has(name)) &&
      (flag.dependsOn ?? []).every((name) => names.has(name)),
  )
}

/** Given values (booleans as true, multiple flags as arrays), then the manifest's defaults of the rest. */
function withDefaults(given: ReadonlyMap<ManifestFlag, readonly string[]>, flags: Readonly<Record<string, ManifestFlag>>): DirectFlags {
  const parsed: DirectFlags = {}
  for (const flag of Object.values(flags)) {
    const values = given.get(flag)
    if (values !== undefined) parsed[flag.name] = flag.type === 'boolean' ? true : flag.multiple ? [...values] : values[0]
    else if (flag.default !== undefined) parsed[flag.name] = structuredClone(flag.default)
  }
  return parsed
}

function beyondTheManifest(flag: ManifestFlag): boolean {
  return flag.env !== undefined || flag.delimiter !== undefined || flag.noCacheDefault === true
}
