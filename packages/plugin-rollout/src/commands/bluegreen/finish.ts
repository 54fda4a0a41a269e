import {Flags} from '@oclif/core'
import {parseNonNegativeDuration} from '@kubeline/core'
import {finishBlueGreen} from '../../services/finish-bluegreen.js'
import {releaseActor} from '../../services/release-actor.js'
import {deploymentArg, outputFlag, timeoutFlag} from '../release-command.js'
import {BlueGreenCommand} from './bluegreen-command.js'

export default class BlueGreenFinish extends BlueGreenCommand {
  static override summary = 'End a blue/green release after --scale-down-delay: retire the side that does not serve.'
  static override description = `Green serves: DEPLOY takes the green template at its replicas, the Service gets its own selector back, and DEPLOY-green is deleted. Blue serves (never switched, or rolled back): DEPLOY-green is deleted and the Service gets its own selector back. DEPLOY is never scaled to 0.`

  static override args = deploymentArg
  static override examples = ['<%= config.bin %> bluegreen finish web --scale-down-delay 5m']
  static override flags = {
    ...outputFlag,
    ...timeoutFlag,
    'scale-down-delay': Flags.string({description: 'Keep the other side this long after the last switch (30s, 5m).', default: '30s'}),
  }

  async run(): Promise<void> {
    const {args, flags} = await this.parse(BlueGreenFinish)
    const scaleDownDelayMs = parseNonNegativeDuration(flags['scale-down-delay'], '--scale-down-delay')
    const timeoutMs = parseNonNegativeDuration(flags.timeout, '--timeout')
    const kube = await this.kube(flags)
    const {objects, finished} = await finishBlueGreen(kube, {
      name: args.deployment,
      namespace: kube.namespace,
      scaleDownDelayMs,
      timeoutMs,
      actor: releaseActor(),
      onProgress: (line) => this.out.info(line),
    })
    this.show(objects, flags.output, finished)
  }
}
