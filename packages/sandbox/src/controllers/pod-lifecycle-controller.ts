import type {KubeObject, ObjectStore, SandboxClock} from '../store/object-store.js'
import type {ControllerOptions} from './controller-options.js'
import {resolveControllerOptions} from './controller-options.js'
import type {PodLogSink} from './pod-log-sink.js'
import {PodPlacement} from './pod-placement.js'
import type {PodRunPlan} from './pod-run-plan.js'
import {podRunPlan} from './pod-run-plan.js'
import {podPhase, podSpec, runningStatus, terminatedStatus} from './pod-status.js'
import {ReconcileQueue, objectKey, splitObjectKey} from './reconcile-queue.js'
import {PODS, isResource} from './resource-keys.js'

interface PodRun {
  uid: string | undefined
  cancels: (() => void)[]
  openContainers: Set<string>
}

/**
 * The sandbox's kubelet (and scheduler): every pod is placed on a node, gets an IP and
 * starts after a delay; long-running pods stay Running (Ready unless their annotations
 * say otherwise); run-to-completion pods write their log lines over their duration and
 * then succeed or fail with their exit code. Init containers have run by the time the pod
 * starts; native sidecars run until it ends. See sandbox-annotations.ts.
 */
export function startPodLifecycleController(
  store: ObjectStore,
  clock: SandboxClock,
  logs: PodLogSink,
  controllerOptions?: ControllerOptions,
): () => void {
  const options = resolveControllerOptions(controllerOptions)
  const defaults = {startDelayMs: options.podStartDelayMs, durationMs: options.jobPodDurationMs}
  const existingPods = store.list(PODS)
  const placement = new PodPlacement(store, existingPods)
  const runs = new Map<string, PodRun>()

  const guarded = (key: string, fn: () => void) => () => {
    try {
      fn()
    } catch (error) {
      options.onError('pod', key, error)
    }
  }

  const currentPod = (key: string, run: PodRun): KubeObject | undefined => {
    const {namespace, name} = splitObjectKey(key)
    const pod = store.get(PODS, namespace, name)
    return pod && pod.metadata.uid === run.uid && !pod.metadata.deletionTimestamp ? pod : undefined
  }

  const closeLogs = (key: string, run: PodRun, container?: string) => {
    const {namespace, name} = splitObjectKey(key)
    for (const open of [...run.openContainers]) {
      if (container !== undefined && open !== container) continue
      logs.close(namespace, name, open)
      run.openContainers.delete(open)
    }
  }

  const endRun = (key: string, run: PodRun) => {
    for (const cancel of run.cancels) cancel()
    closeLogs(key, run)
    runs.delete(key)
  }

  const writeLogs = (key: string, run: PodRun, plan: PodRunPlan, startedAt: number, replayAll: boolean) => {
    const {namespace, name} = splitObjectKey(key)
    const spreadMs = replayAll ? 0 : (plan.completion?.durationMs ?? 0)
    for (const container of plan.runningContainers) {
      const lines = plan.logs.get(container) ?? []
      lines.forEach((line, index) => {
        const append = () => {
          if (run.openContainers.has(container)) logs.append(namespace, name, container, line)
        }
        const atMs = startedAt + Math.floor((spreadMs * index) / lines.length)
        if (atMs <= clock.now().getTime()) append()
        else run.cancels.push(clock.after(atMs - clock.now().getTime(), append))
      })
    }
  }

  /** Init containers ran during the start delay: by the time the pod starts their whole log is there and has ended. */
  const finishInitContainers = (key: string, plan: PodRunPlan) => {
    const {namespace, name} = splitObjectKey(key)
    for (const container of plan.initContainers) {
      for (const line of plan.logs.get(container) ?? []) logs.append(namespace, name, container, line)
      logs.close(namespace, name, container)
    }
  }

  /** Sidecars and regular containers: their logs stay open until the pod ends. */
  const startContainers = (key: string, run: PodRun, plan: PodRunPlan, startedAt: number, replayAll: boolean) => {
    finishInitContainers(key, plan)
    for (const container of plan.runningContainers) run.openContainers.add(container)
    writeLogs(key, run, plan, startedAt, replayAll)
  }

  const finish = (key: string, run: PodRun, exitCode: number) => {
    const pod = currentPod(key, run)
    if (!pod) return
    store.updateStatus(PODS, {...pod, status: terminatedStatus(pod.status as Record<string, unknown>, exitCode, clock.now().getTime())})
    closeLogs(key, run)
  }

  const scheduleFinish = (key: string, run: PodRun, plan: PodRunPlan, startedAt: number) => {
    if (!plan.completion) return
    const {exitCode, durationMs} = plan.completion
    const delay = Math.max(0, startedAt + durationMs - clock.now().getTime())
    run.cancels.push(clock.after(delay, guarded(key, () => finish(key, run, exitCode))))
  }

  const start = (key: string, run: PodRun, plan: PodRunPlan) => {
    let pod = currentPod(key, run)
    if (!pod) return
    const {nodeName, hostIP} = placement.placementFor(pod)
    if (podSpec(pod).nodeName !== nodeName) pod = store.update(PODS, {...pod, spec: {...podSpec(pod), nodeName}})
    const startedAt = clock.now().getTime()
    const status = runningStatus({spec: podSpec(pod), hostIP, podIP: placement.allocatePodIP(), startedAt, ready: plan.ready})
    store.updateStatus(PODS, {...pod, status})
    startContainers(key, run, plan, startedAt, plan.completion === undefined)
    scheduleFinish(key, run, plan, startedAt)
  }

  /** Pods that were already running when the controller started (fixtures): replay their logs once. */
  const adopt = (key: string, run: PodRun, pod: KubeObject, plan: PodRunPlan) => {
    const phase = podPhase(pod)
    startContainers(key, run, plan, 0, true)
    if (phase === 'Running') {
      const startTime = Date.parse(String((pod.status as {startTime?: string}).startTime))
      scheduleFinish(key, run, plan, Number.isNaN(startTime) ? clock.now().getTime() : startTime)
    } else {
      closeLogs(key, run)
    }
  }

  const reconcile = (key: string) => {
    const {namespace, name} = splitObjectKey(key)
    track(key, store.get(PODS, namespace, name))
  }

  const track = (key: string, pod: KubeObject | undefined) => {
    const existing = runs.get(key)
    if (existing && pod && pod.metadata.uid === existing.uid && !pod.metadata.deletionTimestamp) return
    if (existing) endRun(key, existing)
    if (!pod || pod.metadata.deletionTimestamp) return
    const run: PodRun = {uid: pod.metadata.uid, cancels: [], openContainers: new Set()}
    runs.set(key, run)
    const plan = podRunPlan(pod, defaults)
    const phase = podPhase(pod)
    if (phase === undefined || phase === 'Pending') run.cancels.push(clock.after(plan.startDelayMs, guarded(key, () => start(key, run, plan))))
    else adopt(key, run, pod, plan)
  }

  const queue = new ReconcileQueue(reconcile, (key, error) => options.onError('pod', key, error))
  const unsubscribe = store.subscribe((event) => {
    if (isResource(event.key, PODS)) queue.enqueue(objectKey(event.object.metadata.namespace, event.object.metadata.name ?? ''))
  })
  // Pods already in the store are taken as listed: starting on 100,000 fixture pods costs no extra reads.
  for (const pod of existingPods) {
    const key = objectKey(pod.metadata.namespace, pod.metadata.name ?? '')
    guarded(key, () => track(key, pod))()
  }

  return () => {
    unsubscribe()
    queue.stop()
    for (const [key, run] of runs) endRun(key, run)
  }
}
