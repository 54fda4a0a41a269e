import {pauseRelease} from '../domain/release-commands.js'
import {recordReleaseChange} from '../services/record-release-change.js'
import {releaseActor} from '../services/release-actor.js'
import {readReleaseObjects, requireState} from '../services/release-objects.js'
import {ReleaseCommand, deploymentArg, outputFlag} from './release-command.js'

export default class Pause extends ReleaseCommand {
  static override summary = 'Hold a release where it is, until resume.'
  static override description = `Records a user pause in the release state (one write). A driver at work (start --wait, resume) reads it on its next round and stops there; no step, pause end or analysis moves the release on until resume, promote or set-weight. Allowed while Progressing or Paused.`

  static override args = deploymentArg
  static override flags = outputFlag
  static override examples = ['<%= config.bin %> pause web -n shop', '<%= config.bin %> pause web -o json']

  async run(): Promise<void> {
    const {args, flags} = await this.parse(Pause)
    const kube = await this.kube(flags)
    const actor = releaseActor()
    const state = await recordReleaseChange(kube, args.deployment, kube.namespace, (observed) => pauseRelease(requireState(observed), {now: new Date(), actor}))
    this.out.info(`deployment.apps/${args.deployment}: paused at ${state.desiredWeight}% (step ${state.stepIndex + 1} of ${state.steps.length})`)
    this.finish(await readReleaseObjects(kube, args.deployment, kube.namespace), flags.output)
  }
}
