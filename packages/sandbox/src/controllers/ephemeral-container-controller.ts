import type {KubeObject, ObjectStore, SandboxClock} from '../store/object-store.js'
import type {ControllerOptions} from './controller-options.js'
import {resolveControllerOptions} from './controller-options.js'
import {
  ephemeralContainerStatuses,
  ephemeralContainers,
  runningStatus,
  terminatedStatus,
  waitingStatus,
  withEphemeralContainerStatus,
} from './ephemeral-container-status.js'
import type {PodLogSink} from './pod-log-sink.js'
import {podPhase} from './pod-status.js'
import {ReconcileQueue, objectKey, splitObjectKey} from './reconcile-queue.js'
import {PODS, isResource} from './resource-keys.js'

interface PodEphemeralRuns {
  uid: string | undefined
  /** Containers waiting to start, by name: cancels their start. */
  starting: Map<string, () => void>
  /** Containers running a program the sandbox does not know: their logs stay open until the pod ends. */
  open: Set<string>
}

/**
 * The kubelet's part in `kubectl debug`: an ephemeral container added to a Running pod is
 * waiting (ContainerCreating), then running after podStartDelayMs, then terminated when its
 * program ends (`ephemeralContainerProgram` says what it logs and its exit code); unknown
 * programs run until the pod ends. Containers of pods that are not Running never start. Pods are
 * looked at when they change (no list at start: fixture pods keep their ephemeral containers' status).
 */
export function startEphemeralContainerController(store: ObjectStore, clock: SandboxClock, logs: PodLogSink, controllerOptions?: ControllerOptions): () => void {
  const options = resolveControllerOptions(controllerOptions)
  const runs = new Map<string, PodEphemeralRuns>()

  const endRuns = (key: string) => {
    const run = runs.get(key)
    if (!run) return
    const {namespace, name} = splitObjectKey(key)
    for (const cancel of run.starting.values()) cancel()
    for (const container of run.open) logs.close(namespace, name, container)
    runs.delete(key)
  }

  const currentPod = (key: string, uid: string | undefined): KubeObject | undefined => {
    const {namespace, name} = splitObjectKey(key)
    const pod = store.get(PODS, namespace, name)
    return pod && pod.metadata.uid === uid && !pod.metadata.deletionTimestamp && podPhase(pod) === 'Running' ? pod : undefined
  }

  const start = (key: string, run: PodEphemeralRuns, containerName: string) => {
    run.starting.delete(containerName)
    const pod = currentPod(key, run.uid)
    const container = pod && ephemeralContainers(pod).find((c) => c.name === containerName)
    const waiting = pod && ephemeralContainerStatuses(pod).find((s) => s.name === containerName)
    if (!pod || !container || !waiting?.state.waiting) return
    const startedAt = clock.now().getTime()
    const running = runningStatus(pod, waiting, startedAt)
    const started = store.updateStatus(PODS, withEphemeralContainerStatus(pod, running))
    const {namespace, name} = splitObjectKey(key)
    const result = options.ephemeralContainerProgram(started, container)
    if (!result) {
      run.open.add(containerName)
      return
    }
    for (const line of result.lines) logs.append(namespace, name, containerName, line)
    logs.close(namespace, name, containerName)
    store.updateStatus(PODS, withEphemeralContainerStatus(started, terminatedStatus(running, result.exitCode, clock.now().getTime())))
  }

  const reconcile = (key: string) => {
    const {namespace, name} = splitObjectKey(key)
    const pod = store.get(PODS, namespace, name)
    if (runs.get(key) && runs.get(key)!.uid !== pod?.metadata.uid) endRuns(key)
    if (!pod || pod.metadata.deletionTimestamp || podPhase(pod) !== 'Running') {
      endRuns(key)
      return
    }
    const containers = ephemeralContainers(pod)
    if (containers.length === 0) return
    let run = runs.get(key)
    if (!run) runs.set(key, (run = {uid: pod.metadata.uid, starting: new Map(), open: new Set()}))
    const known = new Set(ephemeralContainerStatuses(pod).map((status) => status.name))
    const fresh = containers.filter((container) => !known.has(container.name))
    const withWaiting = fresh.reduce((next, container) => withEphemeralContainerStatus(next, waitingStatus(container)), pod)
    const current = fresh.length > 0 ? store.updateStatus(PODS, withWaiting) : pod
    for (const status of ephemeralContainerStatuses(current)) {
      if (!status.state.waiting || run.starting.has(status.name)) continue
      const scheduled = run
      run.starting.set(status.name, clock.after(options.podStartDelayMs, guarded(key, () => start(key, scheduled, status.name))))
    }
  }

  const guarded = (key: string, fn: () => void) => () => {
    try {
      fn()
    } catch (error) {
      options.onError('ephemeral container', key, error)
    }
  }

  const queue = new ReconcileQueue(reconcile, (key, error) => options.onError('ephemeral container', key, error))
  const unsubscribe = store.subscribe((event) => {
    if (isResource(event.key, PODS)) queue.enqueue(objectKey(event.object.metadata.namespace, event.object.metadata.name ?? ''))
  })

  return () => {
    unsubscribe()
    queue.stop()
    for (const key of [...runs.keys()]) endRuns(key)
  }
}
