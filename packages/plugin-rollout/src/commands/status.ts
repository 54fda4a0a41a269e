import {Flags} from '@oclif/core'
import {parseNonNegativeDuration} from '@kubeline/core'
import type {WatchTarget} from '../domain/release-status.js'
import {releaseStatusLine} from '../render/release-status-line.js'
import {readReleaseObjects} from '../services/release-objects.js'
import {watchRelease} from '../services/watch-release.js'
import {ReleaseCommand, deploymentArg, outputFlag} from './release-command.js'

export default class Status extends ReleaseCommand {
  static override summary = 'Show a release: phase, step, desired and actual weight, replicas and images of each side.'
  static override description = `Exits 3 when the release is Aborted or Degraded. With --watch, follows the release through watches on its Deployments, a line on stderr per change, and prints the status once the wanted state is reached: exit 0 at Healthy (or, with --until paused, at a pause), 3 at Aborted or Degraded, 1 when --timeout passes first.`

  static override args = deploymentArg
  static override flags = {
    ...outputFlag,
    watch: Flags.boolean({char: 'w', description: 'Follow the release until --until is reached (exit 0), it is Aborted or Degraded (3), or --timeout (1).'}),
    until: Flags.string({description: 'With --watch: the state to wait for, healthy or paused (a pause, or Healthy). Default healthy.', options: ['healthy', 'paused'], dependsOn: ['watch']}),
    timeout: Flags.string({description: 'With --watch: give up after this long (exit 1); 0 waits forever. Default 10m.', dependsOn: ['watch']}),
  }

  // Stated, not generated: oclif's DocOpts renders --timeout's dependsOn group empty ("[--timeout <value> ]").
  static override usage = [
    '<%= command.id %> DEPLOYMENT [-n <value>] [-o table|json|yaml|name] [flags]',
    '<%= command.id %> DEPLOYMENT -w [--until healthy|paused] [--timeout <value>] [-o table|json|yaml|name] [flags]',
  ]

  static override examples = [
    '<%= config.bin %> status web -n shop',
    '<%= config.bin %> status web -o json',
    '<%= config.bin %> status web --watch --until paused --timeout 15m',
  ]

  async run(): Promise<void> {
    const {args, flags} = await this.parse(Status)
    const timeoutMs = parseNonNegativeDuration(flags.timeout ?? '10m', '--timeout')
    const kube = await this.kube(flags)
    if (!flags.watch) {
      this.finish(await readReleaseObjects(kube, args.deployment, kube.namespace), flags.output)
      return
    }
    let lastLine = ''
    const objects = await watchRelease(kube, {
      name: args.deployment,
      namespace: kube.namespace,
      until: (flags.until ?? 'healthy') as WatchTarget,
      timeoutMs,
      onStatus: (status) => {
        const line = releaseStatusLine(status)
        if (line !== lastLine) this.out.info(line)
        lastLine = line
      },
    })
    this.finish(objects, flags.output)
  }
}
