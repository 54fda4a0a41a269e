import {Flags} from '@oclif/core'
import {parseNonNegativeDuration} from '@kubeline/core'
import {parseImageOverride} from '../../domain/image-override.js'
import {releaseActor} from '../../services/release-actor.js'
import {startBlueGreen} from '../../services/start-bluegreen.js'
import {deploymentArg, outputFlag, timeoutFlag} from '../release-command.js'
import {BlueGreenCommand} from './bluegreen-command.js'

export default class BlueGreenStart extends BlueGreenCommand {
  static override summary = 'Start a blue/green release: a full-size DEPLOY-green with the new images, the Service still on blue.'
  static override description = `Pins the active Service to the current (blue) pods, creates DEPLOY-green at DEPLOY's replicas and, with --preview-service, a Service on the green pods only; returns once green is available. Then: switch, rollback, finish.`

  static override args = deploymentArg
  static override examples = ['<%= config.bin %> bluegreen start web --image web=registry.example.com/web:2 --service web --preview-service web-preview']
  static override flags = {
    ...outputFlag,
    ...timeoutFlag,
    image: Flags.string({description: 'New image, as kubectl set image: CONTAINER=IMAGE for a container or init container, *=IMAGE for all (IMAGE alone when the pod has one container). Repeatable.', multiple: true, required: true}),
    service: Flags.string({description: 'The Service in front of DEPLOY: switch moves its selector.', required: true}),
    'preview-service': Flags.string({description: 'Create this Service on the green pods only, for testing green before the switch.'}),
  }

  async run(): Promise<void> {
    const {args, flags} = await this.parse(BlueGreenStart)
    const images = flags.image.map(parseImageOverride)
    const timeoutMs = parseNonNegativeDuration(flags.timeout, '--timeout')
    const kube = await this.kube(flags)
    const objects = await startBlueGreen(kube, {
      name: args.deployment,
      namespace: kube.namespace,
      images,
      service: flags.service,
      ...(flags['preview-service'] ? {previewService: flags['preview-service']} : {}),
      actor: releaseActor(),
      timeoutMs,
      onProgress: (line) => this.out.info(line),
    })
    this.show(objects, flags.output)
  }
}
