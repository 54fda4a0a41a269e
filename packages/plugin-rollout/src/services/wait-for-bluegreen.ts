import {KubelineError} from '@kubeline/core'
import type {KubeClient} from '@kubeline/core'
import {describeAvailability, isSettledAt} from '../domain/deployment-readiness.js'
import {readBlueGreenObjects, requireBlueGreen} from './bluegreen-objects.js'
import type {BlueGreenObjects} from './bluegreen-objects.js'
import {waitForChange} from './wait-for-change.js'

/** Watch (not poll) until the green Deployment is available at `replicas`; TIMEOUT (exit 1) after timeoutMs (0: no limit). */
export async function waitForGreen(kube: KubeClient, name: string, namespace: string, replicas: number, options: {timeoutMs: number; onProgress?: (line: string) => void}): Promise<BlueGreenObjects> {
  const deadline = options.timeoutMs > 0 ? Date.now() + options.timeoutMs : undefined
  for (let reported = false; ; reported = true) {
    const objects = await readBlueGreenObjects(kube, name, namespace)
    const state = requireBlueGreen(objects)
    if (isSettledAt(objects.green, replicas)) return objects
    const reason = `waiting for ${describeAvailability(state.green, objects.green, replicas)}`
    if (!reported) options.onProgress?.(reason)
    if (deadline !== undefined && Date.now() >= deadline) throw blueGreenTimeout(options.timeoutMs, reason)
    await waitForChange(kube, namespace, [{name: state.green, ...(objects.green ? {resourceVersion: objects.green.metadata.resourceVersion} : {})}], new Date(Math.min(deadline ?? Infinity, Date.now() + 30_000)))
  }
}

export function blueGreenTimeout(timeoutMs: number, reason: string): KubelineError {
  return new KubelineError('TIMEOUT', `timed out after ${timeoutMs / 1000}s: ${reason}`, {fix: 'The release is recorded on the Deployment: run the same command again to carry on.'})
}
