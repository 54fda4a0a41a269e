import {Command, Errors} from '@oclif/core'
import {KubelineError} from '../errors/kubeline-error.js'
import {ExitCode} from '../errors/exit-code.js'
import type {KubeClient} from '../kube/kube-client.js'
import type {Output} from '../output/output.js'
import type {ResultView} from '../output/render-result.js'
import {streamFlushed} from '../output/stream-flushed.js'
import {exitOnClosedStdout} from '../output/closed-stdout.js'
import {CommandSession, kubelineCause} from './command-session.js'
import {kubeFlags} from './kube-flags.js'
import type {KubeFlagValues} from './kube-flags.js'

/**
 * The base of every kubeline command run by oclif: kubectl's connection flags, and the rest through
 * a CommandSession (one way to build the client, to print results and messages, and to map every
 * failure to a message and an exit code). Commands never catch errors themselves.
 */
export abstract class KubeCommand extends Command {
  static override baseFlags = kubeFlags
  static override enableJsonFlag = false

  protected session = new CommandSession({debug: false})

  protected get out(): Output {
    return this.session.out
  }

  override async init(): Promise<void> {
    exitOnClosedStdout()
    this.session = new CommandSession({debug: this.argv.includes('--debug')})
    await super.init()
  }

  /** Connect as kubectl would with these flags. client-node is loaded only here. */
  protected async kube(flags: KubeFlagValues): Promise<KubeClient> {
    return await this.session.kube(flags)
  }

  /** Check -l here, so a bad selector exits 2 before any request (the server would answer 400). */
  protected labelSelector(text: string | undefined): string | undefined {
    return this.session.labelSelector(text)
  }

  /** Print a result in the format of -o, to stdout. */
  protected print<Row>(view: ResultView<Row>, output: string, allowed: readonly string[], options: {noHeaders?: boolean} = {}): void {
    this.session.print(view, output, allowed, options)
  }

  /** oclif ends non-zero runs with process.exit(): let stdout and stderr finish writing first. */
  override async finally(err: Error | undefined): Promise<void> {
    await Promise.all([streamFlushed(process.stdout), streamFlushed(process.stderr)])
    await super.finally(err)
  }

  override async catch(err: Error & {exitCode?: number}): Promise<never> {
    if (err instanceof Errors.ExitError || (err as {code?: string}).code === 'EEXIT') throw err
    const failure = kubelineCause(err)
    if (!(failure instanceof KubelineError) && isParseError(failure)) {
      this.out.error(failure.message.replace(/^Error: /, '').replace(/\nSee more help with --help$/, ''))
      this.session.hint(`See '${this.config.bin}${commandWords(this.id, this.config.isSingleCommandCLI)} --help'.`)
      return this.exit(ExitCode.usage)
    }
    return this.exit(this.session.reportFailure(err))
  }
}

function commandWords(id: string | undefined, singleCommand: boolean): string {
  return !singleCommand && id ? ` ${id.replaceAll(':', ' ')}` : ''
}

function isParseError(err: Error): boolean {
  const oclif = (err as {oclif?: {exit?: number}}).oclif
  return err instanceof Errors.CLIError && oclif?.exit === 2
}
