import {KubelineError} from '@kubeline/core'
import type {KubeClient} from '@kubeline/core'
import {releaseStatus, watchOutcome} from '../domain/release-status.js'
import type {ReleaseStatus, WatchTarget} from '../domain/release-status.js'
import {readReleaseObjects, requireState} from './release-objects.js'
import type {ReleaseObjects} from './release-objects.js'
import {waitForChange} from './wait-for-change.js'

export interface WatchReleaseOptions {
  name: string
  namespace: string
  until: WatchTarget
  /** 0: no limit. */
  timeoutMs: number
  onStatus: (status: ReleaseStatus) => void
}

// Without a time limit a watch is re-opened now and then, so a quietly dropped connection cannot hang us.
const REWATCH_MS = 5 * 60_000

/**
 * `status --watch`: read, and until the wanted phase (or Aborted/Degraded) is reached, wait on watches
 * of the stable and canary Deployments (no polling). Resolves with the objects at the end; TIMEOUT
 * (exit 1) when the time is up first.
 */
export async function watchRelease(kube: KubeClient, options: WatchReleaseOptions): Promise<ReleaseObjects> {
  const {name, namespace} = options
  const deadline = options.timeoutMs > 0 ? Date.now() + options.timeoutMs : undefined
  for (;;) {
    const objects = await readReleaseObjects(kube, name, namespace)
    const state = requireState(objects)
    const status = releaseStatus(state, objects.stable, objects.canary, objects.routedWeight)
    options.onStatus(status)
    if (watchOutcome(status.phase, options.until) !== 'waiting') return objects
    if (deadline !== undefined && Date.now() >= deadline) {
      throw new KubelineError('TIMEOUT', `timed out after ${options.timeoutMs / 1000}s waiting for deployment.apps/${name} to be ${options.until} (phase ${status.phase})`, {
        fix: 'Run status again to see where the release stands, or give a longer --timeout.',
      })
    }
    const watched = [
      {name, resourceVersion: objects.stable.metadata.resourceVersion},
      {name: state.canaryName, ...(objects.canary ? {resourceVersion: objects.canary.metadata.resourceVersion} : {})},
    ]
    await waitForChange(kube, namespace, watched, new Date(Math.min(deadline ?? Number.POSITIVE_INFINITY, Date.now() + REWATCH_MS)))
  }
}
