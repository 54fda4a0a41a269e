import type {KubeClient} from '@kubeline/core'
import type {ReleaseState} from '../domain/release-state.js'
import {patchStable} from './apply-release-plan.js'
import {isConflict, readReleaseObjects} from './release-objects.js'
import type {ReleaseObjects} from './release-objects.js'

const MAX_ATTEMPTS = 5

/**
 * Record a user's change (start, promote, abort, resume) on the stable Deployment: read, compute the new
 * state from what is recorded now, write it guarded by the resourceVersion; on 409 read again and
 * recompute. `change` throws (exit 2) when the change is not allowed, before anything is written.
 */
export async function recordReleaseChange(
  kube: KubeClient,
  name: string,
  namespace: string,
  change: (observed: ReleaseObjects) => ReleaseState,
): Promise<ReleaseState> {
  for (let attempt = 1; ; attempt++) {
    const observed = await readReleaseObjects(kube, name, namespace)
    const state = change(observed)
    try {
      await patchStable(kube, observed, state)
      return state
    } catch (err) {
      if (!isConflict(err) || attempt >= MAX_ATTEMPTS) throw err
    }
  }
}
