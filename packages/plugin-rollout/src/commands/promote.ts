import {Flags} from '@oclif/core'
import {promoteRelease} from '../domain/release-commands.js'
import {ReleaseCommand, deploymentArg, forceFlag, outputFlag, timeoutFlag} from './release-command.js'

export default class Promote extends ReleaseCommand {
  static override summary = "Skip the rest of the current step (its pause) and go on to the next one; --full promotes at once."
  static override args = deploymentArg
  static override description = `Skips what is left of the current step, its pause and its analysis gate, and drives to the next step's weight. With --full, copies the canary template into the stable Deployment at its original replicas, waits until it is available, and removes the canary.`

  static override examples = ['<%= config.bin %> promote web -n shop', '<%= config.bin %> promote web --full']
  static override flags = {
    ...outputFlag,
    ...timeoutFlag,
    ...forceFlag,
    full: Flags.boolean({description: 'Go straight to the promotion: the stable Deployment takes the new template.'}),
  }

  async run(): Promise<void> {
    const {args, flags} = await this.parse(Promote)
    const kube = await this.kube(flags)
    await this.changeThenDrive(kube, args.deployment, (state, context) => promoteRelease(state, flags.full, context), {mode: 'step', timeout: flags.timeout, output: flags.output, force: flags.force})
  }
}
