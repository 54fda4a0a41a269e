/**
 * `kubectl <plugin> chek`: kubectl's "unknown command" error with Cobra's suggestions, instead of oclif's
 * "command chek not found", also for `chek --help` and `help chek`; and `kubectl <plugin> help CMD`, as
 * kubectl's `help` command, shows CMD's help.
 */
import {Errors, Help, loadHelpClass} from '@oclif/core'
import type {Hook, Interfaces} from '@oclif/core'
import {Output} from '../output/output.js'
import {ExitCode} from '../errors/exit-code.js'

/** Cobra's SuggestionsMinimumDistance. */
const SUGGESTION_DISTANCE = 2

/**
 * The commands Cobra would suggest (spf13/cobra command.go SuggestionsFor): those within Levenshtein
 * distance 2 of what was typed, ignoring case, and those that start with it. Commands as typed, words
 * apart by spaces.
 */
export function suggestedCommands(typed: string, commands: readonly string[]): string[] {
  const wanted = typed.toLowerCase()
  return commands.filter((command) => command.toLowerCase().startsWith(wanted) || levenshtein(wanted, command.toLowerCase()) <= SUGGESTION_DISTANCE)
}

/** The error for an unknown command of `bin` (`kubectl netpol-test`), and what to do about it. */
export function unknownCommandMessage(bin: string, typed: string, commands: readonly string[]): {message: string; fix: string} {
  const suggestions = suggestedCommands(typed, commands)
  const usage = `Run '${bin} --help' for the commands.`
  const didYouMean = suggestions.length === 0 ? '' : `Did you mean ${suggestions.length === 1 ? 'this' : 'one of these'}? ${suggestions.join(', ')}. `
  return {message: `unknown command "${typed}" for "${bin}"`, fix: `${didYouMean}${usage}`}
}

/** oclif's `command_not_found` hook of a plugin with several commands (its package.json `oclif.hooks`). */
export const unknownCommand: Hook.CommandNotFound = async function (options) {
  const words = options.id.split(':')
  if (words[0] === 'help') return await showHelp(options.config, [...words.slice(1), ...(options.argv ?? [])])
  failUnknownCommand(options.config, words)
}

/**
 * The same error for help (the package.json's `oclif.helpClass`): oclif shows help before it looks for the
 * command, so `chek --help` and `help chek` would be oclif's "Command chek not found". The help's subject is
 * what oclif takes for it: the words before the first flag, help words left out.
 */
export class UnknownCommandHelp extends Help {
  override async showHelp(argv: string[]): Promise<void> {
    const helpWords = new Set(['help', '--help', ...(this.config.pjson.oclif.additionalHelpFlags ?? [])])
    const words = argv.filter((word) => !helpWords.has(word))
    const firstFlag = words.findIndex((word) => word.startsWith('-'))
    const subject = firstFlag === -1 ? words : words.slice(0, firstFlag)
    const id = typedCommand(subject, visibleCommands(this.config)).replaceAll(' ', ':')
    if (id !== '' && !this.config.findCommand(id) && !this.config.findTopic(id)) failUnknownCommand(this.config, subject)
    await super.showHelp(argv)
  }
}

/** Prints kubectl's unknown-command error for oclif's id words (`stat web`) and exits 2. */
function failUnknownCommand(config: Interfaces.Config, words: readonly string[]): never {
  const commands = visibleCommands(config)
  const {message, fix} = unknownCommandMessage(config.bin, typedCommand(words, commands), commands)
  const out = Output.forProcess()
  out.error(message)
  out.info(`  ${fix}`)
  Errors.exit(ExitCode.usage)
}

/** The commands a user sees, as typed: `bluegreen switch`. */
function visibleCommands(config: Interfaces.Config): string[] {
  return config.commands.filter((command) => !command.hidden).map((command) => command.id.replaceAll(':', ' '))
}

/**
 * What was typed for a command: oclif's id holds every word before the first flag (`stat web`), but only
 * the words up to the first that no command starts with are the command (`stat`; `bluegreen swtich`).
 */
export function typedCommand(words: readonly string[], commands: readonly string[]): string {
  const end = words.findIndex((_, index) => !commands.some((command) => command.startsWith(`${words.slice(0, index + 1).join(' ')} `)))
  return words.slice(0, end === -1 ? words.length : end + 1).join(' ')
}

async function showHelp(config: Interfaces.Config, argv: string[]): Promise<void> {
  const Help = await loadHelpClass(config)
  await new Help(config).showHelp(argv)
}

/** The edit distance of Cobra's ld(): insertions, deletions and substitutions, each 1. */
function levenshtein(a: string, b: string): number {
  let previous = Array.from({length: b.length + 1}, (_, index) => index)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1)
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution))
    }
    previous = current
  }
  return previous[b.length] ?? 0
}
