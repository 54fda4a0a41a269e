import {Command, Errors} from '@oclif/core'
import {BugError, KubelineError} from '../errors/kubeline-error.js'
import {parseRequestTimeout} from '../duration/parse-duration.js'
import {parseLabelSelector} from '../selectors/index.js'
import {connect} from '../kube/connect.js'
import type {KubeClient} from '../kube/kube-client.js'
import {redactSecrets} from '../output/secret-redaction.js'
import {Output} from '../output/output.js'
import {renderResult} from '../output/render-result.js'
import type {ResultView} from '../output/render-result.js'
import {parseOutputFormat} from '../output/output-format.js'
import {streamFlushed} from '../output/stream-flushed.js'
import {exitOnClosedStdout} from '../output/closed-stdout.js'
import {kubeFlags} from './kube-flags.js'
import type {KubeFlagValues} from './kube-flags.js'

/** Exit codes of every plugin (docs/exit-codes.md). */
export const ExitCode = {ok: 0, failure: 1, usage: 2, verdictNo: 3} as const

/**
 * The base of every kubeline command: kubectl's connection flags, one way to build the
 * client, one way to print results (stdout) and messages (stderr), and the mapping of
 * every failure to a message and an exit code. Commands never catch errors themselves.
 */
export abstract class KubeCommand extends Command {
  static override baseFlags = kubeFlags
  static override enableJsonFlag = false

  protected out: Output = Output.forProcess()
  private debugEnabled = false

  override async init(): Promise<void> {
    exitOnClosedStdout()
    this.debugEnabled = this.argv.includes('--debug')
    this.out = Output.forProcess({debug: this.debugEnabled})
    await super.init()
  }

  /** Connect as kubectl would with these flags. client-node is loaded only here. */
  protected async kube(flags: KubeFlagValues): Promise<KubeClient> {
    if (flags['insecure-skip-tls-verify']) {
      this.out.warn("TLS verification is off (--insecure-skip-tls-verify): the server's identity is not checked.")
    }
    return await connect({
      kubeconfig: flags.kubeconfig,
      context: flags.context,
      cluster: flags.cluster,
      user: flags.user,
      namespace: flags.namespace,
      insecureSkipTlsVerify: flags['insecure-skip-tls-verify'],
      requestTimeoutMs: parseRequestTimeout(flags['request-timeout']),
      debug: flags.debug ? (line) => this.out.debug(line) : undefined,
    })
  }

  /** Check -l here, so a bad selector exits 2 before any request (the server would answer 400). */
  protected labelSelector(text: string | undefined): string | undefined {
    if (text === undefined) return undefined
    parseLabelSelector(text)
    return text
  }

  /** Print a result in the format of -o, to stdout. */
  protected print<Row>(view: ResultView<Row>, output: string, allowed: readonly string[], options: {noHeaders?: boolean} = {}): void {
    const format = parseOutputFormat(output, allowed)
    this.out.result(renderResult(view, format, {noHeaders: options.noHeaders}))
  }

  /** oclif ends non-zero runs with process.exit(): let stdout and stderr finish writing first. */
  override async finally(err: Error | undefined): Promise<void> {
    await Promise.all([streamFlushed(process.stdout), streamFlushed(process.stderr)])
    await super.finally(err)
  }

  override async catch(err: Error & {exitCode?: number}): Promise<never> {
    if (err instanceof Errors.ExitError || (err as {code?: string}).code === 'EEXIT') throw err
    const failure = unwrap(err)
    if (failure instanceof KubelineError) {
      this.out.error(failure.message)
      if (failure.fix) this.hint(failure.fix)
      this.traceCause(failure)
      return this.exit(failure.exitCode)
    }
    if (isParseError(failure)) {
      this.out.error(failure.message.replace(/^Error: /, '').replace(/\nSee more help with --help$/, ''))
      this.hint(`See '${this.config.bin}${commandWords(this.id, this.config.isSingleCommandCLI)} --help'.`)
      return this.exit(ExitCode.usage)
    }
    const bug = failure instanceof BugError ? failure : new BugError(failure.message, {cause: failure})
    this.out.error(`unexpected failure: ${bug.message}`)
    this.hint('This is a bug in kubeline; please report it with the command you ran. Run with --debug for details.')
    this.traceCause(failure)
    return this.exit(ExitCode.failure)
  }

  /** The "what to do" line under an error message. */
  private hint(text: string): void {
    this.out.info(`  ${text}`)
  }

  private traceCause(err: Error): void {
    if (!this.debugEnabled) return
    this.out.debug(redactSecrets(err.stack ?? err.message))
    const cause = err.cause
    if (cause instanceof Error) this.out.debug(`caused by: ${redactSecrets(cause.stack ?? cause.message)}`)
  }
}

function commandWords(id: string | undefined, singleCommand: boolean): string {
  return !singleCommand && id ? ` ${id.replaceAll(':', ' ')}` : ''
}

/** oclif wraps errors thrown from flag parsers; find ours inside. */
function unwrap(err: Error): Error {
  let current: unknown = err
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    if (current instanceof KubelineError) return current
    current = current.cause
  }
  return err
}

function isParseError(err: Error): boolean {
  const oclif = (err as {oclif?: {exit?: number}}).oclif
  return err instanceof Errors.CLIError && oclif?.exit === 2
}
