import type {ObjectStore, SandboxClock} from '../store/object-store.js'
import type {ControllerOptions} from './controller-options.js'
import {startCronJobController} from './cronjob-controller.js'
import {startDeploymentController} from './deployment-controller.js'
import {startEphemeralContainerController} from './ephemeral-container-controller.js'
import {startJobController} from './job-controller.js'
import {startPodLifecycleController} from './pod-lifecycle-controller.js'
import type {PodLogSink} from './pod-log-sink.js'
import {startReplicaSetController} from './replica-set-controller.js'

/**
 * Starts every sandbox controller against one store. ResourceQuota has no controller on
 * purpose: its status.used is whatever the fixture says. Returns a function that stops them all.
 */
export function startControllers(store: ObjectStore, clock: SandboxClock, logs: PodLogSink, options?: ControllerOptions): () => void {
  const stops = [
    startPodLifecycleController(store, clock, logs, options),
    startEphemeralContainerController(store, clock, logs, options),
    startReplicaSetController(store, clock, options),
    startDeploymentController(store, clock, options),
    startJobController(store, clock, options),
    startCronJobController(store, clock, options),
  ]
  return () => {
    for (const stop of stops.reverse()) stop()
  }
}
