import {Flags} from '@oclif/core'
import {requireNoBlueGreenRelease, retryRelease} from '../domain/release-commands.js'
import {ReleaseCommand, deploymentArg, forceFlag, outputFlag, timeoutFlag} from './release-command.js'

export default class Retry extends ReleaseCommand {
  static override summary = 'Start an Aborted release over from its first step, with the same canary template and gates.'
  static override description = `After an abort (by hand, a failed analysis or a progress deadline), recreates the canary from the recorded template and drives to the first step, as start did; the analysis failures start again from 0. Allowed when Aborted or Degraded. With --wait, drives on to the end as start --wait does.`

  static override args = deploymentArg
  static override flags = {
    ...outputFlag,
    ...timeoutFlag,
    ...forceFlag,
    wait: Flags.boolean({description: 'Carry on through timed pauses until Healthy (0), Aborted (3) or a manual pause.'}),
  }

  static override examples = ['<%= config.bin %> retry web -n shop', '<%= config.bin %> retry web --wait --timeout 30m']

  async run(): Promise<void> {
    const {args, flags} = await this.parse(Retry)
    const kube = await this.kube(flags)
    await this.changeThenDrive(kube, args.deployment, retryRelease, {mode: flags.wait ? 'finish' : 'step', timeout: flags.timeout, output: flags.output, force: flags.force, refuse: requireNoBlueGreenRelease})
  }
}
