import {Flags} from '@oclif/core'
import {parseNonNegativeDuration} from '@kubeline/core'
import {analysisPolicyFromFlags} from '../domain/analysis-policy.js'
import {DEFAULT_STEPS, parsePause, parseSteps} from '../domain/canary-steps.js'
import {parseImageOverride} from '../domain/image-override.js'
import {beginRelease} from '../services/begin-release.js'
import {readCanaryTemplate} from '../services/read-canary-template.js'
import {releaseActor} from '../services/release-actor.js'
import {analysisFlags} from './analysis-flags.js'
import {trafficFlags, trafficOptions} from './traffic-flags.js'
import {ReleaseCommand, deploymentArg, forceFlag, outputFlag, timeoutFlag} from './release-command.js'

export default class Start extends ReleaseCommand {
  static override summary = 'Start a canary release of a Deployment with new images, traffic split by replicas, an nginx canary Ingress or HTTPRoute weights.'
  static override description = `Creates DEPLOY-canary with the new images (or the -f pod template) and moves replicas to it step by step; the last step (100) copies the new template into DEPLOY at its original replicas and removes the canary. Without --wait, returns once the first step's weight is reached.`

  static override args = deploymentArg
  static override examples = [
    '<%= config.bin %> start web --image web=registry.example.com/web:2',
    '<%= config.bin %> start web --image web=registry.example.com/web:2 --steps 20,50 --pause 2m --wait',
    '<%= config.bin %> start web -f web-v2.yaml',
    `<%= config.bin %> start web --image web=registry.example.com/web:2 --pause 2m --wait --prometheus http://prometheus.monitoring:9090 --query 'sum(rate(http_requests_total{track="canary",code=~"5.."}[1m]))' --max 1 --check ./smoke-test.sh`,
  ]

  static override flags = {
    ...outputFlag,
    ...timeoutFlag,
    ...forceFlag,
    ...analysisFlags,
    ...trafficFlags,
    image: Flags.string({description: 'New image, as kubectl set image: CONTAINER=IMAGE for a container or init container, *=IMAGE for all (IMAGE alone when the pod has one container). Repeatable.', multiple: true, exactlyOne: ['image', 'filename']}),
    filename: Flags.string({char: 'f', description: 'The canary pod template instead of --image: a file (- for stdin) with one apps/v1 Deployment (its spec.template) or v1 PodTemplate.', exactlyOne: ['image', 'filename']}),
    steps: Flags.string({description: 'Canary weights in percent, increasing; 100 (promotion) is added when missing.', default: DEFAULT_STEPS}),
    pause: Flags.string({description: 'Pause after each step: a duration (30s, 5m) or manual (until resume).', default: 'manual'}),
    wait: Flags.boolean({description: 'Carry on through timed pauses until Healthy (0), Aborted (3) or a manual pause.'}),
  }

  async run(): Promise<void> {
    const {args, flags} = await this.parse(Start)
    const canary = flags.filename === undefined ? {images: (flags.image ?? []).map(parseImageOverride)} : {template: await readCanaryTemplate(flags.filename)}
    const steps = parseSteps(flags.steps)
    const pause = parsePause(flags.pause)
    parseNonNegativeDuration(flags.timeout, '--timeout')
    const traffic = trafficOptions(flags)
    const analysis = analysisPolicyFromFlags({...flags, failureLimit: flags['failure-limit'], analysisTimeout: flags['analysis-timeout']})
    const kube = await this.kube(flags)
    const actor = releaseActor()
    const state = await beginRelease(kube, {name: args.deployment, namespace: kube.namespace, canary, steps, pause, actor, ...traffic, ...(analysis ? {analysis} : {})})
    this.out.info(`deployment.apps/${args.deployment}: release started, steps ${state.steps.join(',')}`)
    this.finish(await this.drive(kube, args.deployment, flags.wait ? 'finish' : 'step', flags.timeout, actor, {force: flags.force}), flags.output)
  }
}
