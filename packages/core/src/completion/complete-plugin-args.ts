import type {ManifestCommand, ManifestFlag, PluginManifest} from '../command/plugin-manifest.js'
import {SINGLE_COMMAND_ID} from '../command/plugin-manifest.js'
import {ShellCompDirective} from './shell-comp-directive.js'
import {OUTPUT_FORMATS} from '../output/output-format.js'
import type {ShellCompDirectiveValue} from './shell-comp-directive.js'

/** The kinds of live names completion can offer. */
export type LiveResource = 'namespaces' | 'cronjobs' | 'deployments'

/** The connection flags found among the words, so the lookup targets what the command would. */
export interface LookupTarget {
  kubeconfig?: string
  context?: string
  cluster?: string
  user?: string
  namespace?: string
  insecureSkipTlsVerify?: boolean
}

/** Names to fetch from the cluster; offer those that start with `prefix`. */
export interface LiveLookup {
  resource: LiveResource
  prefix: string
  target: LookupTarget
}

export interface CompletionCandidate {
  value: string
  description?: string
}

export interface Completion {
  candidates: CompletionCandidate[]
  directive: ShellCompDirectiveValue
  lookup?: LiveLookup
}

export interface CompletePluginArgsOptions {
  /** Command id -> the resource its positional arguments name (cron-trigger `now` -> cronjobs). */
  liveArguments?: Readonly<Record<string, LiveResource>>
}

/** Flags whose value is a path: let the shell complete files (directive 0). */
const FILE_FLAGS = new Set(['filename', 'kubeconfig'])

interface ScannedWords {
  command: ManifestCommand | undefined
  commandChosen: boolean
  /** The topic words typed before the command's last word (`bluegreen` of `bluegreen start`). */
  topic: string[]
  positionals: number
  flagsEnded: boolean
  /** A flag that still waits for its value: the current word. */
  pending: ManifestFlag | undefined
  values: Map<string, string>
}

/**
 * What to offer for the last of `words` (the word being completed, possibly
 * empty), given the words before it: sub-commands, flags, flag values, or a
 * lookup of live names for the caller to perform. Pure.
 */
export function completePluginArgs(manifest: PluginManifest, words: readonly string[], options: CompletePluginArgsOptions = {}): Completion {
  const current = words.at(-1) ?? ''
  const scan = scanWords(manifest, words.slice(0, -1))
  if (scan.pending) return completeFlagValue(scan.pending, current, scan)
  if (!scan.flagsEnded && current.startsWith('-')) return completeFlagWord(manifest, scan, current)
  if (!scan.commandChosen) return offer(commandCandidates(manifest, scan.topic), current)
  return completePositional(scan, current, options)
}

function scanWords(manifest: PluginManifest, typed: readonly string[]): ScannedWords {
  const single = manifest.commands[SINGLE_COMMAND_ID]
  const scan: ScannedWords = {command: single, commandChosen: single !== undefined, topic: [], positionals: 0, flagsEnded: false, pending: undefined, values: new Map()}
  for (const word of typed) {
    if (scan.pending) {
      scan.values.set(scan.pending.name, word)
      scan.pending = undefined
    } else if (!scan.flagsEnded && word === '--') {
      scan.flagsEnded = true
    } else if (!scan.flagsEnded && word.startsWith('-') && word !== '-') {
      readFlagWord(flagsOf(manifest, scan.command), word, scan)
    } else if (scan.commandChosen) {
      scan.positionals++
    } else {
      readCommandWord(manifest, word, scan)
    }
  }
  return scan
}

/** A word of the command: the command (`start`, the `start` of `bluegreen start`), a topic's (`bluegreen`), or an unknown one. */
function readCommandWord(manifest: PluginManifest, word: string, scan: ScannedWords): void {
  const id = [...scan.topic, word].join(':')
  const commands = visibleCommands(manifest)
  scan.command = commands.find((command) => command.id === id)
  if (scan.command === undefined && commands.some((command) => command.id.startsWith(`${id}:`))) scan.topic.push(word)
  else scan.commandChosen = true
}

function readFlagWord(flags: ManifestFlag[], word: string, scan: ScannedWords): void {
  const {flag, inlineValue} = parseFlagWord(flags, word)
  if (flag === undefined) return
  if (flag.type === 'boolean') scan.values.set(flag.name, 'true')
  else if (inlineValue === undefined) scan.pending = flag
  else scan.values.set(flag.name, inlineValue)
}

/** `--name`, `--name=v`, `--no-name`, `-c`, `-cv`, `-c=v`, as oclif reads them. */
function parseFlagWord(flags: ManifestFlag[], word: string): {flag?: ManifestFlag; inlineValue?: string} {
  if (word.startsWith('--')) {
    const equals = word.indexOf('=')
    const name = equals < 0 ? word.slice(2) : word.slice(2, equals)
    const flag = flags.find((candidate) => candidate.name === name || (candidate.allowNo === true && `no-${candidate.name}` === name))
    return {flag, inlineValue: equals < 0 ? undefined : word.slice(equals + 1)}
  }
  const flag = flags.find((candidate) => candidate.char === word[1])
  const rest = word.slice(2).replace(/^=/, '')
  return {flag, inlineValue: rest === '' ? undefined : rest}
}

function completeFlagWord(manifest: PluginManifest, scan: ScannedWords, current: string): Completion {
  const flags = flagsOf(manifest, scan.command)
  const equals = current.indexOf('=')
  if (current.startsWith('--') && equals > 0) {
    // Like cobra, answer with the value only: the shell keeps the `--flag=` part.
    const {flag} = parseFlagWord(flags, current)
    return flag?.type === 'option' ? completeFlagValue(flag, current.slice(equals + 1), scan) : nothing()
  }
  return offer(flags.flatMap(flagCandidates), current)
}

function completeFlagValue(flag: ManifestFlag, current: string, scan: ScannedWords): Completion {
  const values = flag.options ?? outputFormats(flag)
  if (values.length > 0) return offer(values.map((value) => ({value})), current)
  if (FILE_FLAGS.has(flag.name)) return {candidates: [], directive: ShellCompDirective.Default}
  if (flag.name === 'namespace') return lookup('namespaces', current, scan)
  return nothing()
}

/**
 * The -o values of a command. Commands check -o themselves (to answer with kubectl's
 * message), so the manifest has no options: read the formats from the description
 * that `outputFlag` writes (`Output format: wide|json|yaml.`), the default first.
 */
function outputFormats(flag: ManifestFlag): string[] {
  if (flag.name !== 'output') return []
  const listed = /Output format: ([\w|]+)/.exec(flag.description ?? '')?.[1]?.split('|') ?? []
  const formats = [flag.default, ...listed].filter((format): format is string => (OUTPUT_FORMATS as readonly unknown[]).includes(format))
  return [...new Set(formats)]
}

/** An argument's own values (`completion bash|zsh|fish`), else live names for the commands that take them. */
function completePositional(scan: ScannedWords, current: string, options: CompletePluginArgsOptions): Completion {
  const command = scan.command
  if (command === undefined) return nothing()
  const argument = Object.values(command.args)[scan.positionals]
  if (argument?.options !== undefined) return offer(argument.options.map((value) => ({value})), current)
  const resource = options.liveArguments?.[command.id]
  const takesMore = command.strict === false || argument !== undefined
  return resource !== undefined && takesMore ? lookup(resource, current, scan) : nothing()
}

function lookup(resource: LiveResource, prefix: string, scan: ScannedWords): Completion {
  const value = (name: string) => scan.values.get(name)
  const target: LookupTarget = {
    kubeconfig: value('kubeconfig'),
    context: value('context'),
    cluster: value('cluster'),
    user: value('user'),
    namespace: value('namespace'),
    insecureSkipTlsVerify: value('insecure-skip-tls-verify') === 'true' || undefined,
  }
  return {candidates: [], directive: ShellCompDirective.NoFileComp, lookup: {resource, prefix, target}}
}

function visibleCommands(manifest: PluginManifest): ManifestCommand[] {
  return Object.values(manifest.commands).filter((command) => command.hidden !== true)
}

/** The command's flags; before a sub-command is known, every command's (the kube flags are shared). */
function flagsOf(manifest: PluginManifest, command: ManifestCommand | undefined): ManifestFlag[] {
  const commands = command ? [command] : visibleCommands(manifest)
  const byName = new Map(commands.flatMap((each) => Object.values(each.flags)).map((flag) => [flag.name, flag]))
  return [...byName.values()].filter((flag) => flag.hidden !== true)
}

/** The next word of the commands under `topic` (all, when empty): a command's last word with its summary, or a topic's, once. */
function commandCandidates(manifest: PluginManifest, topic: readonly string[]): CompletionCandidate[] {
  const prefix = topic.map((word) => `${word}:`).join('')
  const candidates = new Map<string, CompletionCandidate>()
  for (const command of visibleCommands(manifest).filter(({id}) => id.startsWith(prefix))) {
    const [word = '', ...rest] = command.id.slice(prefix.length).split(':')
    if (!candidates.has(word)) candidates.set(word, rest.length === 0 ? {value: word, description: firstLine(command.summary ?? command.description)} : {value: word})
  }
  return [...candidates.values()]
}

function flagCandidates(flag: ManifestFlag): CompletionCandidate[] {
  const description = firstLine(flag.summary ?? flag.description)
  const names = [`--${flag.name}`, ...(flag.allowNo === true ? [`--no-${flag.name}`] : []), ...(flag.char ? [`-${flag.char}`] : [])]
  return names.map((value) => ({value, description}))
}

function offer(candidates: CompletionCandidate[], prefix: string): Completion {
  return {candidates: candidates.filter((candidate) => candidate.value.startsWith(prefix)), directive: ShellCompDirective.NoFileComp}
}

function nothing(): Completion {
  return {candidates: [], directive: ShellCompDirective.NoFileComp}
}

/** One line, no tabs: a description must not break the `value\tdescription` line format. */
function firstLine(text: string | undefined): string | undefined {
  const line = text?.split('\n')[0]?.replaceAll('\t', ' ').trim()
  return line === '' ? undefined : line
}
