import {KubelineError} from '@kubeline/core'
import type {KubeClient} from '@kubeline/core'
import {moveActiveSide, sideSelector} from '../domain/bluegreen-release.js'
import type {BlueGreenSide} from '../domain/bluegreen-release.js'
import {specReplicas} from '../domain/deployment-readiness.js'
import {patchBlueGreen, readBlueGreenObjects, requireBlueGreen} from './bluegreen-objects.js'
import type {BlueGreenObjects} from './bluegreen-objects.js'
import {patchSelector} from './canary-service-objects.js'
import {isConflict} from './release-objects.js'

const MAX_ATTEMPTS = 5

/**
 * `switch` (to green) and `rollback` (to blue): record the side, then move the active Service's selector
 * in ONE patch. Both writes are guarded by the resourceVersion read and retried on 409 from a fresh read;
 * running it again is harmless (a Service left behind by a crash is put right).
 */
export async function switchBlueGreen(kube: KubeClient, name: string, namespace: string, side: BlueGreenSide, actor: string): Promise<BlueGreenObjects> {
  for (let attempt = 1; ; attempt++) {
    const observed = await readBlueGreenObjects(kube, name, namespace)
    const state = moveActiveSide(requireBlueGreen(observed), side, observed.green, specReplicas(observed.stable), {now: new Date(), actor})
    if (!observed.service) throw new KubelineError('NOT_FOUND', `Service ${state.service} of the blue/green release of ${name} is gone`, {fix: 'Recreate it, then switch again.'})
    try {
      if (state !== observed.state) await patchBlueGreen(kube, observed.stable, state)
      const selector = sideSelector(state, side)
      if (JSON.stringify(observed.service.spec.selector) !== JSON.stringify(selector)) await patchSelector(kube, observed.service, selector)
      return await readBlueGreenObjects(kube, name, namespace)
    } catch (err) {
      if (!isConflict(err) || attempt >= MAX_ATTEMPTS) throw err
    }
  }
}
