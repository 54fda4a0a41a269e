import {readFile} from 'node:fs/promises'
import {fileURLToPath} from 'node:url'
import {completePluginArgs} from './complete-plugin-args.js'
import type {Completion, CompletionCandidate, LiveLookup, LiveResource} from './complete-plugin-args.js'
import {listLiveNames} from './list-live-names.js'
import type {PluginManifest} from '../command/plugin-manifest.js'
import {ShellCompDirective} from './shell-comp-directive.js'

/** Which plugin commands take the names of which live objects, by package name. */
const LIVE_ARGUMENTS: Readonly<Record<string, Readonly<Record<string, LiveResource>>>> = {
  '@kubeline/plugin-cron': {now: 'cronjobs', next: 'cronjobs', history: 'cronjobs', suspend: 'cronjobs', resume: 'cronjobs'},
  '@kubeline/plugin-rollout': {
    start: 'deployments',
    status: 'deployments',
    promote: 'deployments',
    abort: 'deployments',
    resume: 'deployments',
    pause: 'deployments',
    'set-weight': 'deployments',
    retry: 'deployments',
    'bluegreen:start': 'deployments',
    'bluegreen:switch': 'deployments',
    'bluegreen:rollback': 'deployments',
    'bluegreen:finish': 'deployments',
  },
}

/** cobra's request words; kubectl itself calls without them, a shell or a user may not. */
const REQUEST_WORDS = new Set(['__complete', '__completeNoDesc'])

export interface CompleteMainIo {
  write?: (text: string) => void
  env?: NodeJS.ProcessEnv
  listNames?: (lookup: LiveLookup) => Promise<string[]>
}

/**
 * A `kubectl_complete-<plugin>` executable: argv is the plugin's oclif.manifest.json
 * path, then the words after the plugin name (the last one being completed).
 * Prints one candidate per line (`value\tdescription`), then `:<directive>`.
 * Never fails loudly: on any error it offers nothing with directive NoFileComp.
 */
export async function main(argv: readonly string[], io: CompleteMainIo = {}): Promise<void> {
  const [manifestPath = '', ...rest] = argv
  await answer(async () => JSON.parse(await readFile(manifestPath, 'utf8')) as PluginManifest, rest, io)
}

/** The same answer from a manifest in memory: the standalone builds have no file beside them. */
export async function completeWithManifest(manifest: PluginManifest, argv: readonly string[], io: CompleteMainIo = {}): Promise<void> {
  await answer(async () => manifest, argv, io)
}

async function answer(loadManifest: () => Promise<PluginManifest>, argv: readonly string[], io: CompleteMainIo): Promise<void> {
  const write = io.write ?? ((text: string) => process.stdout.write(text))
  const withDescriptions = argv[0] !== '__completeNoDesc'
  const words = REQUEST_WORDS.has(argv[0] ?? '') ? argv.slice(1) : argv
  const completion = await complete(loadManifest, words.length === 0 ? [''] : [...words], io).catch(() => offerNothing())
  write(formatCompletion(completion, withDescriptions))
}

/**
 * A plugin package's own completion: `kubectl-<plugin> __complete WORDS...` (what the
 * `completion` scripts ask) and `kubectl_complete-<plugin> WORDS...` (what kubectl runs)
 * both answer from the oclif.manifest.json beside the package's bin/ directory.
 */
export async function completePlugin(binFileUrl: string, argv: readonly string[]): Promise<void> {
  await main([fileURLToPath(new URL('../oclif.manifest.json', binFileUrl)), ...argv])
}

async function complete(loadManifest: () => Promise<PluginManifest>, words: string[], io: CompleteMainIo): Promise<Completion> {
  const manifest = await loadManifest()
  const pluginName = Object.values(manifest.commands)[0]?.pluginName ?? ''
  const completion = completePluginArgs(manifest, words, {liveArguments: LIVE_ARGUMENTS[pluginName]})
  if (completion.lookup === undefined) return completion
  const {prefix} = completion.lookup
  const names = await (io.listNames ?? ((lookup: LiveLookup) => listLiveNames(lookup, io.env)))(completion.lookup)
  return {...completion, candidates: names.filter((name) => name.startsWith(prefix)).map((value) => ({value}))}
}

function offerNothing(): Completion {
  return {candidates: [], directive: ShellCompDirective.NoFileComp}
}

/** cobra's answer format (completions.go): candidates, then `:<directive>`. */
export function formatCompletion(completion: Completion, withDescriptions = true): string {
  const line = (candidate: CompletionCandidate) =>
    withDescriptions && candidate.description !== undefined ? `${candidate.value}\t${candidate.description}` : candidate.value
  return [...completion.candidates.map(line), `:${completion.directive}`].join('\n') + '\n'
}
