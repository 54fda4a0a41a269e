import {Args, Flags} from '@oclif/core'
import {ExitCode, KubeCommand, parseNonNegativeDuration} from '@kubeline/core'
import type {KubeClient} from '@kubeline/core'
import type {ChangeContext} from '../domain/release-commands.js'
import {isLockExpired} from '../domain/release-lock.js'
import type {ReleaseState} from '../domain/release-state.js'
import type {Deployment} from '../domain/rollout-objects.js'
import {releaseStatus} from '../domain/release-status.js'
import {releaseStatusView} from '../render/release-status-view.js'
import {driveRelease} from '../services/drive-release.js'
import type {DriveMode, DriveOptions} from '../services/drive-release.js'
import {releaseActor} from '../services/release-actor.js'
import {recordReleaseChange} from '../services/record-release-change.js'
import {readReleaseObjects, requireState} from '../services/release-objects.js'
import type {ReleaseObjects} from '../services/release-objects.js'

const OUTPUTS = ['table', 'json', 'yaml', 'name'] as const

/** For the commands that drive the release. */
export const timeoutFlag = {
  timeout: Flags.string({description: 'Give up waiting after this long (exit 1): 30s, 10m; 0 waits forever.', default: '10m'}),
}

/** For the commands that drive the release: --force takes the lock over. */
export const forceFlag = {
  force: Flags.boolean({description: 'Take the release lock over from another holder that is driving it (a CI job that died, say).'}),
}

/** The stable Deployment. oclif's parse reads only a class's own statics, so each command declares `args = deploymentArg`. */
export const deploymentArg = {deployment: Args.string({description: 'The stable Deployment.', required: true, ignoreStdin: true})}

/** -o for a release result. */
export const outputFlag = {
  output: Flags.string({char: 'o', description: 'Output format: json|yaml|name.', default: 'table'}),
}

/** What every release command shares: driving, and how a result ends (exit 3 when aborted or degraded). */
export abstract class ReleaseCommand extends KubeCommand {
  /** Drive the release to the mode's stopping point, reporting progress on stderr. */
  protected async drive(kube: KubeClient, name: string, mode: DriveMode, timeout: string, actor: string, extra: Pick<DriveOptions, 'force' | 'change'> = {}): Promise<ReleaseObjects> {
    const timeoutMs = parseNonNegativeDuration(timeout, '--timeout')
    return await driveRelease(kube, {name, namespace: kube.namespace, mode, timeoutMs, actor, ...extra, onProgress: (line) => this.out.info(line)})
  }

  /**
   * Record a user's change on the recorded release and drive it to the mode's stopping point. The change
   * goes out in the same write as the first step it leads to (a new weight with its replicas). When
   * another holder is driving (and no --force), the change is only recorded: that driver carries it out.
   */
  protected async changeThenDrive(
    kube: KubeClient,
    name: string,
    change: (state: ReleaseState, context: ChangeContext) => ReleaseState,
    options: {mode: DriveMode; timeout: string; output: string; force?: boolean; refuse?: (stable: Deployment) => void},
  ): Promise<void> {
    parseNonNegativeDuration(options.timeout, '--timeout')
    const actor = releaseActor()
    let reported = false
    // A 409 makes the change run again on a fresh read: report it once. A change that changes nothing is not reported.
    const announced = (state: ReleaseState, context: ChangeContext): ReleaseState => {
      const next = change(state, context)
      if (!reported && next !== state) this.out.info(`deployment.apps/${name}: ${next.lastChange.what} (phase ${next.phase})`)
      reported = true
      return next
    }
    const observed = await readReleaseObjects(kube, name, kube.namespace)
    const {lock} = requireState(observed)
    options.refuse?.(observed.stable)
    if (lock && lock.holder !== actor && !isLockExpired(lock, new Date()) && !options.force) {
      await recordReleaseChange(kube, name, kube.namespace, (observed) => announced(requireState(observed), {now: new Date(), actor}))
      this.out.info(`${lock.holder} is driving this release; it carries the change out`)
      this.finish(await readReleaseObjects(kube, name, kube.namespace), options.output)
      return
    }
    this.finish(await this.drive(kube, name, options.mode, options.timeout, actor, {change: announced, force: options.force ?? false}), options.output)
  }

  /** Print the release's status; exit 3 when it ended Aborted or Degraded. */
  protected finish(objects: ReleaseObjects, output: string): void {
    const state = requireState(objects)
    this.print(releaseStatusView(releaseStatus(state, objects.stable, objects.canary, objects.routedWeight)), output, OUTPUTS)
    if (state.phase === 'Aborted' || state.phase === 'Degraded') this.exit(ExitCode.verdictNo)
  }
}
