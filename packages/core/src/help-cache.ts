/**
 * Help text rendered by oclif at build time (scripts/render-help.js), printed without importing
 * oclif when oclif would print exactly the same bytes. Imports node: builtins only: it runs at start-up.
 */
import fs from 'node:fs'

/** dist/help.json: oclif's stdout for each help argv, rendered at `width` columns with no colour. */
export interface HelpCache {
  width: number
  /** oclif's help flags for the plugin (`--help` and its `additionalHelpFlags`, such as `-h`): each prints the same page. */
  helpFlags: string[]
  /** By `JSON.stringify(argv)`, with `--help` for the help flag. */
  pages: Record<string, string>
}

/** The help flag the pages are stored under. */
export const STORED_HELP_FLAG = '--help'

/** What decides oclif's help width and colour (ansis reads the environment when oclif is imported). */
export interface HelpTerminal {
  env: NodeJS.ProcessEnv
  stdoutIsTTY: boolean
}

/** Setting it makes every plugin render help through oclif: a debugging aid. */
export const NO_HELP_CACHE_ENV = 'KUBELINE_NO_HELP_CACHE'

/** Environment variables with which ansis colours output that is not a terminal (its colour detection, ansis 3). */
const COLOUR_ENV = ['FORCE_COLOR', 'COLORTERM', 'TF_BUILD', 'CI', 'PM2_HOME', 'NEXT_RUNTIME']

const isTeamCity = (name: string): boolean => name.startsWith('TEAMCI')

function colourMayBeOn({env}: HelpTerminal): boolean {
  if (env.NO_COLOR) return false
  return COLOUR_ENV.some((name) => name in env) || Object.keys(env).some(isTeamCity)
}

/** The variables that change how oclif renders help: the build renders without them, tests run without them. */
export function isHelpStyleEnv(name: string): boolean {
  return ['OCLIF_COLUMNS', 'NO_COLOR', NO_HELP_CACHE_ENV, ...COLOUR_ENV].includes(name) || isTeamCity(name)
}

/** oclif's width for a stdout that is not a terminal: OCLIF_COLUMNS, else 80 (oclif's screen.js). */
function oclifWidth({env}: HelpTerminal): number {
  return Number.parseInt(env.OCLIF_COLUMNS ?? '', 10) || 80
}

/**
 * The stored help for `argv`, when oclif would print the same: stdout is not a terminal (oclif would
 * use the terminal's width and bold headers), no colour is forced, and the width is the rendered one.
 */
export function cachedHelp(cache: HelpCache, argv: readonly string[], terminal: HelpTerminal): string | undefined {
  if (terminal.env[NO_HELP_CACHE_ENV] || terminal.stdoutIsTTY || colourMayBeOn(terminal)) return undefined
  if (oclifWidth(terminal) !== cache.width) return undefined
  const key = storedHelpKey(cache, argv)
  return Object.hasOwn(cache.pages, key) ? cache.pages[key] : undefined
}

/**
 * `argv` as the build stored its page: each of the plugin's help flags written `--help`. oclif drops every
 * help flag before it picks the page, so `list -h` and `list --help` print the same bytes.
 */
export function storedHelpArgv(cache: HelpCache, argv: readonly string[]): string[] {
  return argv.map((word) => (cache.helpFlags.includes(word) ? STORED_HELP_FLAG : word))
}

/** The key of `argv`'s page in `cache.pages` (which may have none). */
export function storedHelpKey(cache: HelpCache, argv: readonly string[]): string {
  return JSON.stringify(storedHelpArgv(cache, argv))
}

function isHelpCache(value: unknown): value is HelpCache {
  if (typeof value !== 'object' || value === null) return false
  const {width, helpFlags, pages} = value as Partial<HelpCache>
  const isText = (item: unknown): boolean => typeof item === 'string'
  return typeof width === 'number' && Array.isArray(helpFlags) && helpFlags.every(isText) && typeof pages === 'object' && pages !== null && Object.values(pages).every(isText)
}

/** The plugin's dist/help.json, or undefined when it is missing or not one (oclif then renders the help). */
export function readHelpCache(file: URL): HelpCache | undefined {
  try {
    return parseHelpCache(fs.readFileSync(file, 'utf8'))
  } catch {
    return undefined
  }
}

/** A help.json's text (a file, or a SEA's asset), or undefined when it is not one. */
export function parseHelpCache(text: string): HelpCache | undefined {
  try {
    const value: unknown = JSON.parse(text)
    return isHelpCache(value) ? value : undefined
  } catch {
    return undefined
  }
}

/** Longest help argv: a two-word command or topic and a help flag (`bluegreen start --help`, `bluegreen start -h`). */
export const MAX_HELP_ARGV = 3
