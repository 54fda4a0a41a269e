import {Parser} from '@oclif/core'
import type {Command} from '@oclif/core'
import type {ManifestFlag} from '../command/plugin-manifest.js'

/**
 * The flags oclif's own parser gives a command for `argv`: what a direct run's flags must equal
 * (each plugin's src/direct.test.ts). For tests; a direct run itself never loads oclif.
 */
export async function oclifParsedFlags(command: Pick<Command.Class, 'flags' | 'baseFlags'>, argv: readonly string[]): Promise<Record<string, unknown>> {
  const parsed = await Parser.parse([...argv], {flags: {...command.baseFlags, ...command.flags}, args: {}, strict: true})
  return parsed.flags
}

/**
 * Command lines for a parity test: none at all (every default, the booleans' too, which the manifest
 * does not record), then each flag a direct run takes, written alone as a user would (`--name value`,
 * `--bool`), with the flags it depends on. A name the manifest lacks throws, so package.json cannot list
 * a flag that is not there.
 */
export function eachDirectFlag(flags: Readonly<Record<string, ManifestFlag>>, accepted: readonly string[]): string[][] {
  return [[], ...eachAcceptedFlag(flags, accepted)]
}

function eachAcceptedFlag(flags: Readonly<Record<string, ManifestFlag>>, accepted: readonly string[]): string[][] {
  return accepted.map((name) => {
    const flag = Object.hasOwn(flags, name) ? flags[name] : undefined
    if (flag === undefined) throw new Error(`the direct run names the flag "${name}", which the command does not have`)
    const needed = (flag.dependsOn ?? []).flatMap((other) => [`--${other}`, `${other}-value`])
    return flag.type === 'boolean' ? [`--${name}`, ...needed] : [`--${name}`, `${name}-value`, ...needed]
  })
}
