import {Args} from '@oclif/core'
import {parseWeight, setReleaseWeight} from '../domain/release-commands.js'
import {ReleaseCommand, deploymentArg, forceFlag, outputFlag, timeoutFlag} from './release-command.js'

export default class SetWeight extends ReleaseCommand {
  static override summary = 'Drive the canary to a weight now (0-100), then pause as after any step.'
  static override description = `Moves the release to W percent at once, lifting a user pause. The new weight and the first replica change go out in one write per Deployment. Once the weight is reached the release pauses as after a step (--pause of start); resume carries on with the first step above W. 100 is the promotion (like promote --full). Allowed while Progressing or Paused.`

  static override args = {
    ...deploymentArg,
    weight: Args.string({description: 'The canary weight in percent: a whole number from 0 to 100.', required: true, ignoreStdin: true}),
  }

  static override flags = {...outputFlag, ...timeoutFlag, ...forceFlag}
  static override examples = ['<%= config.bin %> set-weight web 30 -n shop', '<%= config.bin %> set-weight web 0 -o json']

  async run(): Promise<void> {
    const {args, flags} = await this.parse(SetWeight)
    const weight = parseWeight(args.weight)
    const kube = await this.kube(flags)
    await this.changeThenDrive(kube, args.deployment, (state, context) => setReleaseWeight(state, weight, context), {mode: 'step', timeout: flags.timeout, output: flags.output, force: flags.force})
  }
}
