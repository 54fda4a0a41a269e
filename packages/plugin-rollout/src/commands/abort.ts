import {abortRelease} from '../domain/release-commands.js'
import {ReleaseCommand, deploymentArg, outputFlag, timeoutFlag} from './release-command.js'

export default class Abort extends ReleaseCommand {
  static override summary = 'Abort a release: the stable Deployment back to its original replicas, then the canary removed. Exits 3.'
  static override args = deploymentArg
  static override examples = ['<%= config.bin %> abort web']
  static override flags = {...outputFlag, ...timeoutFlag}

  async run(): Promise<void> {
    const {args, flags} = await this.parse(Abort)
    const kube = await this.kube(flags)
    await this.changeThenDrive(kube, args.deployment, (state, context) => abortRelease(state, `aborted by ${context.actor}`, context), {mode: 'finish', timeout: flags.timeout, output: flags.output})
  }
}
