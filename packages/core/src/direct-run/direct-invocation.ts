import {SINGLE_COMMAND_ID} from '../command/plugin-manifest.js'
import type {ManifestFlag} from '../command/plugin-manifest.js'
import {parseDirectArgv} from './direct-argv.js'
import type {DirectFlags} from './direct-argv.js'

/** The part of oclif.manifest.json a direct run reads. */
export interface FlagManifest {
  commands: Record<string, {flags: Record<string, ManifestFlag>}>
}

/**
 * package.json's `kubeline.directRun`: per command id (`.` for a single-command plugin), the flags its
 * direct run takes, which must be flags whose value oclif passes through unchanged (strings, booleans).
 */
export type DirectRunConfig = Readonly<Record<string, readonly string[]>>

/** The key of a single-command plugin's command in DirectRunConfig. */
export const SINGLE_COMMAND = '.'

export interface DirectInvocation {
  /** The key in DirectRunConfig. */
  command: string
  flags: DirectFlags
}

/**
 * The command argv names and its flags, when it can run without oclif; undefined sends it to oclif.
 * A command is named by its leading words (`bluegreen status`); a direct run takes no arguments.
 */
export function directInvocation(argv: readonly string[], manifest: FlagManifest, config: DirectRunConfig, singleCommand: boolean): DirectInvocation | undefined {
  const words = argv.findIndex((word) => word.startsWith('-'))
  const wordCount = words < 0 ? argv.length : words
  const command = singleCommand ? SINGLE_COMMAND : argv.slice(0, wordCount).join(':')
  const accepted = Object.hasOwn(config, command) ? config[command] : undefined
  const manifestCommand = manifest.commands[singleCommand ? SINGLE_COMMAND_ID : command]
  if (accepted === undefined || manifestCommand === undefined || (singleCommand && wordCount > 0)) return undefined
  const flags = parseDirectArgv(argv.slice(wordCount), manifestCommand.flags, new Set(accepted))
  return flags && {command, flags}
}
