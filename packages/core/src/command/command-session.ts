import {BugError, KubelineError} from '../errors/kubeline-error.js'
import {ExitCode} from '../errors/exit-code.js'
import {parseRequestTimeout} from '../duration/parse-duration.js'
import {parseLabelSelector} from '../selectors/index.js'
import {connect} from '../kube/connect.js'
import type {KubeClient} from '../kube/kube-client.js'
import {redactSecrets} from '../output/secret-redaction.js'
import {Output} from '../output/output.js'
import {renderResult} from '../output/render-result.js'
import type {ResultView} from '../output/render-result.js'
import {parseOutputFormat} from '../output/output-format.js'
import type {KubeFlagValues} from './kube-flags.js'

/**
 * What every command does besides its own work: connect as kubectl would, check -l, print in the
 * format of -o, and turn a failure into a message and an exit code. Free of oclif, so that a command
 * run without it (direct-run/) behaves exactly as one run by KubeCommand, which delegates here.
 */
export class CommandSession {
  readonly out: Output

  constructor(options: {debug: boolean; out?: Output}) {
    this.out = options.out ?? Output.forProcess({debug: options.debug})
  }

  /** Connect as kubectl would with these flags. client-node is loaded only here. */
  async kube(flags: KubeFlagValues): Promise<KubeClient> {
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
  labelSelector(text: string | undefined): string | undefined {
    if (text === undefined) return undefined
    parseLabelSelector(text)
    return text
  }

  /** Print a result in the format of -o, to stdout. */
  print<Row>(view: ResultView<Row>, output: string, allowed: readonly string[], options: {noHeaders?: boolean} = {}): void {
    const format = parseOutputFormat(output, allowed)
    this.out.result(renderResult(view, format, {noHeaders: options.noHeaders}))
  }

  /**
   * Say what failed (our errors as they are, anything else as a bug) and return the exit code.
   * Commands never catch errors themselves: this is where every failure ends.
   */
  reportFailure(err: Error): number {
    const failure = kubelineCause(err)
    if (failure instanceof KubelineError) {
      this.out.error(failure.message)
      if (failure.fix) this.hint(failure.fix)
      this.traceCause(failure)
      return failure.exitCode
    }
    const bug = failure instanceof BugError ? failure : new BugError(failure.message, {cause: failure})
    this.out.error(`unexpected failure: ${bug.message}`)
    this.hint('This is a bug in kubeline; please report it with the command you ran. Run with --debug for details.')
    this.traceCause(failure)
    return ExitCode.failure
  }

  /** The "what to do" line under an error message. */
  hint(text: string): void {
    this.out.info(`  ${text}`)
  }

  private traceCause(err: Error): void {
    if (!this.out.debugEnabled) return
    this.out.debug(redactSecrets(err.stack ?? err.message))
    const cause = err.cause
    if (cause instanceof Error) this.out.debug(`caused by: ${redactSecrets(cause.stack ?? cause.message)}`)
  }
}

/** oclif wraps errors thrown from flag parsers: ours inside, or else the error itself. */
export function kubelineCause(err: Error): Error {
  let current: unknown = err
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    if (current instanceof KubelineError) return current
    current = current.cause
  }
  return err
}
