import tty from 'node:tty'
import {colorEnabled, paint} from './color.js'
import type {Paint} from './color.js'
import {escapeTerminal} from './escape-terminal.js'
import {redactSecrets} from './secret-redaction.js'

/** The part of a stream Output needs; `process.stdout` or a test collector. */
export interface OutputStream {
  write(text: string): unknown
  isTTY?: boolean
}

export interface OutputOptions {
  stdout: OutputStream
  stderr: OutputStream
  /** `--debug`: print `debug()` lines. */
  debug?: boolean
  /** Read for the colour rules; defaults to `process.env`. */
  env?: NodeJS.ProcessEnv
}

export interface CapturedOutput {
  output: Output
  /** Everything written to stdout so far. */
  readonly stdout: string
  /** Everything written to stderr so far. */
  readonly stderr: string
}

/**
 * The one place that writes (DESIGN principle 4): results go to stdout and are
 * written as given; everything for people goes to stderr, one line per call,
 * with control characters escaped (server messages are untrusted text).
 */
export class Output {
  /** Styles for each stream, no-ops where colour is off (see `colorEnabled`). */
  readonly paint: {stdout: Paint; stderr: Paint}
  readonly debugEnabled: boolean
  /** Whether anything went to stderr, which must then be flushed before an early exit. */
  wroteToStderr = false
  private readonly stdout: OutputStream
  private readonly stderr: OutputStream

  constructor(options: OutputOptions) {
    const env = options.env ?? process.env
    this.stdout = options.stdout
    this.stderr = options.stderr
    this.debugEnabled = options.debug === true
    this.paint = {stdout: paint(colorEnabled(options.stdout, env)), stderr: paint(colorEnabled(options.stderr, env))}
  }

  /**
   * An Output on the process's own streams. process.stderr is read only when something is written
   * there: Node makes the stream on the first read (a few ms of start-up), and most runs write nothing.
   */
  static forProcess(options: {debug?: boolean} = {}): Output {
    const stderr: OutputStream = {write: (text) => process.stderr.write(text), isTTY: tty.isatty(2)}
    return new Output({stdout: process.stdout, stderr, ...options})
  }

  /** For tests: an Output whose streams are collected into strings (not terminals, so no colour). */
  static capture(options: {debug?: boolean; env?: NodeJS.ProcessEnv} = {}): CapturedOutput {
    let stdout = ''
    let stderr = ''
    const output = new Output({
      stdout: {write: (text) => (stdout += text)},
      stderr: {write: (text) => (stderr += text)},
      env: {},
      ...options,
    })
    return {
      output,
      get stdout() {
        return stdout
      },
      get stderr() {
        return stderr
      },
    }
  }

  /** Data for stdout (a rendered table, JSON, YAML), written exactly as given. */
  result(text: string): void {
    if (text !== '') this.stdout.write(text)
  }

  info(text: string): void {
    this.toStderr(text)
  }

  /** `Warning: …`, as kubectl prints API warnings. */
  warn(text: string): void {
    this.toStderr(text, this.paint.stderr.yellow('Warning:'))
  }

  /** `error: …`, as kubectl prints failures. */
  error(text: string): void {
    this.toStderr(text, this.paint.stderr.red('error:'))
  }

  debug(text: string): void {
    if (this.debugEnabled) this.toStderr(text, this.paint.stderr.dim('debug:'))
  }

  private toStderr(text: string, prefix?: string): void {
    // The redaction guard: nothing written for people may carry a credential.
    const line = escapeTerminal(redactSecrets(text.replace(/\n+$/, '')), {keepLineBreaks: true})
    this.wroteToStderr = true
    this.stderr.write(prefix === undefined ? `${line}\n` : `${prefix} ${line}\n`)
  }
}
