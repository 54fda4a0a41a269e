import type {BlueGreenSide} from '../../domain/bluegreen-release.js'
import {releaseActor} from '../../services/release-actor.js'
import {switchBlueGreen} from '../../services/switch-bluegreen.js'
import {deploymentArg, outputFlag} from '../release-command.js'
import {BlueGreenCommand} from './bluegreen-command.js'

/** `switch` and `rollback`: the same command, toward one side or the other. */
export function moveSideCommand(side: BlueGreenSide, summary: string, example: string): typeof BlueGreenCommand {
  return class MoveSide extends BlueGreenCommand {
    static override summary = summary
    static override args = deploymentArg
    static override examples = [`<%= config.bin %> ${example}`]
    static override flags = outputFlag

    async run(): Promise<void> {
      const {args, flags} = await this.parse(MoveSide)
      const kube = await this.kube(flags)
      this.show(await switchBlueGreen(kube, args.deployment, kube.namespace, side, releaseActor()), flags.output)
    }
  }
}
