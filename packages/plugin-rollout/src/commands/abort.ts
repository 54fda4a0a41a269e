import {abortRelease} from '../domain/release-commands.js'
import {ReleaseCommand, deploymentArg, forceFlag, outputFlag, timeoutFlag} from './release-command.js'

export default class Abort extends ReleaseCommand {
  static override summary = 'Abort a release: the stable Deployment back to its original replicas, then the canary removed. Exits 3.'
  static override args = deploymentArg
  static override description = `Takes the canary's weight to 0: the stable Deployment back to its original replicas and available, then the canary removed. Phase Aborted, exit 3; retry starts the same release over. Refused once the stable Deployment runs the new template (finish with resume).`

  static override examples = ['<%= config.bin %> abort web -n shop', '<%= config.bin %> abort web --force -o json']
  static override flags = {...outputFlag, ...timeoutFlag, ...forceFlag}

  async run(): Promise<void> {
    const {args, flags} = await this.parse(Abort)
    const kube = await this.kube(flags)
    await this.changeThenDrive(kube, args.deployment, (state, context) => abortRelease(state, `aborted by ${context.actor}`, context), {mode: 'finish', timeout: flags.timeout, output: flags.output, force: flags.force})
  }
}
