import {Flags} from '@oclif/core'
import {resumeRelease} from '../domain/release-commands.js'
import {ReleaseCommand, deploymentArg, forceFlag, outputFlag, timeoutFlag} from './release-command.js'

export default class Resume extends ReleaseCommand {
  static override summary = 'End the current pause and drive the release to its next step (with --wait, to the end).'
  static override args = deploymentArg
  static override description = `Lifts a user pause and ends the current step pause; the analysis gates, if any, run before the next step. Without --wait, returns at the next pause; with it, carries on through timed pauses to the end. A release whose driver died (its lock expired) is picked up here; --force takes a live lock over. On a release that ended (Healthy, Aborted), removes a canary that a driver cut off at the end left behind.`

  static override examples = ['<%= config.bin %> resume web -n shop', '<%= config.bin %> resume web --wait --timeout 30m']
  static override flags = {
    ...outputFlag,
    ...timeoutFlag,
    ...forceFlag,
    wait: Flags.boolean({description: 'Carry on through timed pauses until Healthy (0), Aborted (3) or a manual pause.'}),
  }

  async run(): Promise<void> {
    const {args, flags} = await this.parse(Resume)
    const kube = await this.kube(flags)
    await this.changeThenDrive(kube, args.deployment, resumeRelease, {mode: flags.wait ? 'finish' : 'step', timeout: flags.timeout, output: flags.output, force: flags.force})
  }
}
