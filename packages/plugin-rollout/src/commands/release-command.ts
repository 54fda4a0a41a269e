import {Args, Flags} from '@oclif/core'
import {ExitCode, KubeCommand, parseNonNegativeDuration} from '@kubeline/core'
import type {KubeClient} from '@kubeline/core'
import type {ChangeContext} from '../domain/release-commands.js'
import {isLockExpired} from '../domain/release-lock.js'
import type {ReleaseState} from '../domain/release-state.js'
import {releaseStatus} from '../domain/release-status.js'
import {releaseStatusView} from '../render/release-status-view.js'
import {driveRelease} from '../services/drive-release.js'
import type {DriveMode} from '../services/drive-release.js'
import {releaseActor} from '../services/release-actor.js'
import {recordReleaseChange} from '../services/record-release-change.js'
import {readReleaseObjects, requireState} from '../services/release-objects.js'
import type {ReleaseObjects} from '../services/release-objects.js'

const OUTPUTS = ['table', 'json', 'yaml', 'name'] as const

/** For the commands that drive the release. */
export const timeoutFlag = {
  timeout: Flags.string({description: 'Give up waiting after this long (exit 1): 30s, 10m; 0 waits forever.', default: '10m'}),
}

/** The stable Deployment. oclif's parse reads only a class's own statics, so each command declares `args = deploymentArg`. */
export const deploymentArg = {deployment: Args.string({description: 'The stable Deployment.', required: true})}

/** -o for a release result. */
export const outputFlag = {
  output: Flags.string({char: 'o', description: 'Output format: json|yaml|name.', default: 'table'}),
}

/** What every release command shares: driving, and how a result ends (exit 3 when aborted or degraded). */
export abstract class ReleaseCommand extends KubeCommand {
  /** Drive the release to the mode's stopping point, reporting progress on stderr. */
  protected async drive(kube: KubeClient, name: string, mode: DriveMode, timeout: string, actor: string): Promise<ReleaseObjects> {
    const timeoutMs = parseNonNegativeDuration(timeout, '--timeout')
    return await driveRelease(kube, {name, namespace: kube.namespace, mode, timeoutMs, actor, onProgress: (line) => this.out.info(line)})
  }

  /** Record a user's change on the recorded release, then drive it to the mode's stopping point. */
  protected async changeThenDrive(
    kube: KubeClient,
    name: string,
    change: (state: ReleaseState, context: ChangeContext) => ReleaseState,
    options: {mode: DriveMode; timeout: string; output: string},
  ): Promise<void> {
    parseNonNegativeDuration(options.timeout, '--timeout')
    const actor = releaseActor()
    const state = await recordReleaseChange(kube, name, kube.namespace, (observed) => change(requireState(observed), {now: new Date(), actor}))
    this.out.info(`deployment.apps/${name}: ${state.lastChange.what} (phase ${state.phase})`)
    if (state.lock && state.lock.holder !== actor && !isLockExpired(state.lock, new Date())) {
      // Another driver is live: it reads the change on its next round and carries it out.
      this.out.info(`${state.lock.holder} is driving this release; it carries the change out`)
      this.finish(await readReleaseObjects(kube, name, kube.namespace), options.output)
      return
    }
    this.finish(await this.drive(kube, name, options.mode, options.timeout, actor), options.output)
  }

  /** Print the release's status; exit 3 when it ended Aborted or Degraded. */
  protected finish(objects: ReleaseObjects, output: string): void {
    const state = requireState(objects)
    this.print(releaseStatusView(releaseStatus(state, objects.stable, objects.canary)), output, OUTPUTS)
    if (state.phase === 'Aborted' || state.phase === 'Degraded') this.exit(ExitCode.verdictNo)
  }
}
