import {Args, Flags} from '@oclif/core'
import {KubeCommand, parseOutputFormat, selectorFlag} from '@kubeline/core'
import {suspendView} from './render/suspend-view.js'
import {setSuspend} from './services/set-suspend.js'

const OUTPUTS = ['table', 'json', 'yaml', 'name'] as const

/** `suspend` and `resume` differ only in the value they set. */
export abstract class SetSuspendCommand extends KubeCommand {
  static override strict = false
  static override args = {name: Args.string({description: 'CronJob name(s).', ignoreStdin: true})}
  static override flags = {
    ...selectorFlag,
    'dry-run': Flags.string({
      description: 'client: only show what would change; server: let the API server check the change without saving it.',
      options: ['none', 'client', 'server'],
      default: 'none',
    }),
    output: Flags.string({char: 'o', description: 'Output format: json|yaml|name.', default: 'table'}),
  }

  protected abstract readonly suspend: boolean

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(SetSuspendCommand)
    // Checked before the patches: a bad -o must not change anything.
    const output = parseOutputFormat(flags.output, OUTPUTS)
    const kube = await this.kube(flags)
    const dryRun = flags['dry-run'] as 'none' | 'client' | 'server'
    const changes = await setSuspend(kube, {names: argv as string[], selector: this.labelSelector(flags.selector), namespace: flags.namespace}, this.suspend, dryRun)
    this.print(suspendView(changes, dryRun), output, OUTPUTS)
  }
}
