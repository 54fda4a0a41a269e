import {ReleaseCommand, deploymentArg, outputFlag} from './release-command.js'
import {readReleaseObjects} from '../services/release-objects.js'

export default class Status extends ReleaseCommand {
  static override summary = 'Show a release: phase, step, desired and actual weight, replicas and images of each side.'
  static override args = deploymentArg
  static override flags = outputFlag
  static override examples = ['<%= config.bin %> status web -n shop', '<%= config.bin %> status web -o json']

  async run(): Promise<void> {
    const {args, flags} = await this.parse(Status)
    const kube = await this.kube(flags)
    this.finish(await readReleaseObjects(kube, args.deployment, kube.namespace), flags.output)
  }
}
