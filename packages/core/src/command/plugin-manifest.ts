/** The parts of an oclif.manifest.json that completion and direct runs (direct-run/) read. */
export interface ManifestFlag {
  name: string
  char?: string
  type: 'option' | 'boolean'
  summary?: string
  description?: string
  options?: readonly string[]
  default?: unknown
  allowNo?: boolean
  hidden?: boolean
  multiple?: boolean
  required?: boolean
  /** Read from this environment variable when not given. */
  env?: string
  /** A multiple flag's values split at this. */
  delimiter?: string
  /** The default is not in the manifest. */
  noCacheDefault?: boolean
  exclusive?: readonly string[]
  dependsOn?: readonly string[]
  relationships?: readonly unknown[]
}

export interface ManifestCommand {
  id: string
  pluginName?: string
  summary?: string
  description?: string
  hidden?: boolean
  /** false: the last argument repeats (`suspend a b c`). */
  strict?: boolean
  args: Record<string, {name: string; description?: string; options?: readonly string[]}>
  flags: Record<string, ManifestFlag>
}

export interface PluginManifest {
  commands: Record<string, ManifestCommand>
}

/** The key oclif writes for a single-command CLI (`String(Symbol('SINGLE_COMMAND_CLI'))`). */
export const SINGLE_COMMAND_ID = 'Symbol(SINGLE_COMMAND_CLI)'
