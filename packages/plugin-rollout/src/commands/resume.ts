import {Flags} from '@oclif/core'
import {resumeRelease} from '../domain/release-commands.js'
import {ReleaseCommand, deploymentArg, outputFlag, timeoutFlag} from './release-command.js'

export default class Resume extends ReleaseCommand {
  static override summary = 'End the current pause and drive the release to its next step (with --wait, to the end).'
  static override args = deploymentArg
  static override examples = ['<%= config.bin %> resume web', '<%= config.bin %> resume web --wait']
  static override flags = {
    ...outputFlag,
    ...timeoutFlag,
    wait: Flags.boolean({description: 'Carry on through timed pauses until Healthy (0), Aborted (3) or a manual pause.'}),
  }

  async run(): Promise<void> {
    const {args, flags} = await this.parse(Resume)
    const kube = await this.kube(flags)
    await this.changeThenDrive(kube, args.deployment, resumeRelease, {mode: flags.wait ? 'finish' : 'step', timeout: flags.timeout, output: flags.output})
  }
}
