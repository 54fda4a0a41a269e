/**
 * Help that oclif rendered in an earlier run, for the help the build could not store (help-cache.ts):
 * in a terminal, or with colour forced, oclif's page depends on the width, the colours the environment
 * asks for and the user's theme. So the first `--help` in such a terminal renders through oclif and is
 * kept in the user's cache directory; the next one with the same argv, width, environment and theme is
 * printed without oclif. Imports node: builtins only: it runs at start-up.
 */
import fs from 'node:fs'
import path from 'node:path'
import {isTemporary, readOrUndefined, writeAtomically} from './cache-file.js'
import {NO_HELP_CACHE_ENV, storedHelpKey} from './help-cache.js'
import type {HelpCache} from './help-cache.js'

/** The terminal oclif renders help for: stdout's and stderr's TTY-ness and stdout's width decide it, with the environment. */
export interface HelpScreen {
  env: NodeJS.ProcessEnv
  stdoutIsTTY: boolean
  stderrIsTTY: boolean
  /** stdout's columns, when it is a terminal. */
  columns: number | undefined
}

/**
 * Variables left out of the key. The shell changes the first four between commands; DEBUG only turns on
 * oclif's log on stderr (a run that writes to stderr is never remembered).
 */
const NOT_IN_KEY = new Set(['PWD', 'OLDPWD', '_', 'SHLVL', 'DEBUG'])

/** Remembered pages kept per user; the oldest go first. */
export const MAX_REMEMBERED_PAGES = 64

const PREFIX = 'help-'

/** What a remembered page holds beside the text: oclif's user files (theme, user plugins) as they were. */
interface RememberedPage {
  files: Record<string, FileState>
  page: string
}

type FileState = {mtimeMs: number; size: number} | null

function fileState(file: string): FileState {
  try {
    const {mtimeMs, size} = fs.statSync(file)
    return {mtimeMs, size}
  } catch {
    return null
  }
}

/**
 * The remembered page's file for `argv` on this screen, by a hash of all that decides what oclif prints
 * (the build's stored help stands for the build). FNV-1a, two lanes: node:crypto would cost more than the
 * lookup saves, and a collision could only show another width's help.
 */
export function rememberedHelpFile(cacheDir: string, helpFile: string, argv: readonly string[], screen: HelpScreen): string {
  const env = Object.entries(screen.env).filter(([name]) => !NOT_IN_KEY.has(name)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  const {env: _env, ...terminal} = screen
  const key = JSON.stringify({helpFile, build: fileState(helpFile), argv, terminal, env})
  return path.join(cacheDir, `${PREFIX}${fnv1a(key, 0x811c9dc5)}${fnv1a(key, 0x01000193)}`)
}

function fnv1a(text: string, seed: number): string {
  let hash = seed >>> 0
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0
  return hash.toString(16).padStart(8, '0')
}

/** The remembered page in `file`, when oclif's user files are still as they were; else undefined. */
export function readRememberedHelp(file: string): string | undefined {
  const bytes = readOrUndefined(file)
  if (bytes === undefined) return undefined
  try {
    const {files, page} = JSON.parse(bytes.toString('utf8')) as RememberedPage
    const unchanged = Object.entries(files).every(([name, state]) => JSON.stringify(fileState(name)) === JSON.stringify(state))
    return unchanged && typeof page === 'string' ? page : undefined
  } catch {
    return undefined
  }
}

/** Whether help for `argv` may be remembered: a help argv the build knows (with any of its help flags), and the caches are on. */
export function mayRememberHelp(stored: HelpCache | undefined, argv: readonly string[], env: NodeJS.ProcessEnv): stored is HelpCache {
  return stored !== undefined && !env[NO_HELP_CACHE_ENV] && Object.hasOwn(stored.pages, storedHelpKey(stored, argv))
}

/**
 * Copy what is written to stdout from now on, and notice any write to stderr. `save(userFiles)` then keeps
 * the page when the run wrote to stdout only and succeeded, with the state of oclif's user files
 * (read after the run: a theme written meanwhile makes the page stale at once, never wrongly fresh).
 */
export function recordHelp(file: string, cacheDir: string): {save: (userFiles: readonly string[]) => void} {
  const chunks: string[] = []
  let wroteStderr = false
  const {write: stdoutWrite} = process.stdout
  const {write: stderrWrite} = process.stderr
  process.stdout.write = function (this: NodeJS.WriteStream, chunk: string | Uint8Array, ...rest: never[]) {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'))
    return stdoutWrite.call(this, chunk, ...rest)
  } as typeof process.stdout.write
  process.stderr.write = function (this: NodeJS.WriteStream, chunk: string | Uint8Array, ...rest: never[]) {
    wroteStderr = true
    return stderrWrite.call(this, chunk, ...rest)
  } as typeof process.stderr.write
  return {
    save(userFiles) {
      process.stdout.write = stdoutWrite
      process.stderr.write = stderrWrite
      if (wroteStderr || (process.exitCode !== undefined && process.exitCode !== 0) || chunks.length === 0) return
      const files = Object.fromEntries(userFiles.map((name) => [name, fileState(name)]))
      if (writeAtomically(file, JSON.stringify({files, page: chunks.join('')} satisfies RememberedPage))) pruneRememberedHelp(cacheDir)
    },
  }
}

/** Keep the newest MAX_REMEMBERED_PAGES pages: a new environment (a new terminal window) makes a new one. */
function pruneRememberedHelp(cacheDir: string): void {
  try {
    const pages = fs
      .readdirSync(cacheDir)
      .filter((name) => name.startsWith(PREFIX) && !isTemporary(name))
      .map((name) => ({file: path.join(cacheDir, name), mtimeMs: fileState(path.join(cacheDir, name))?.mtimeMs ?? 0}))
      .sort((a, b) => b.mtimeMs - a.mtimeMs)
    for (const {file} of pages.slice(MAX_REMEMBERED_PAGES)) fs.rmSync(file, {force: true})
  } catch {
    // Another process pruned first.
  }
}
