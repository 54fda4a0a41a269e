import {isSidecar} from '../../controllers/pod-status.js'
import type {KubeObject} from '../../store/object-store.js'
import {count, field} from './column.js'
import type {Loose} from './column.js'

/** The READY, STATUS and RESTARTS cells of a pod. */
export interface PodPrintedState {
  ready: string
  status: string
  restarts: number
}

interface ContainerState {
  waiting?: {reason?: string}
  running?: unknown
  terminated?: {exitCode?: number; signal?: number; reason?: string}
}

/**
 * kube-apiserver's printPod (pkg/printers/internalversion/printers.go): the first init container that
 * has not finished decides (`Init:0/2`, `Init:Error`, `Init:CrashLoopBackOff`), unless it is a started
 * native sidecar; otherwise the regular containers, last first (`Completed`, `Error`, `CrashLoopBackOff`,
 * back to `Running` or `NotReady` while one still runs). RESTARTS counts regular init containers only
 * while the pod initializes.
 */
export function podPrintedState(pod: KubeObject): PodPrintedState {
  const specInit = list(pod, 'spec', 'initContainers')
  const sidecars = new Set(specInit.filter(isSidecar).map((container) => container.name))
  let reason = String(field(pod, 'status', 'reason') || field(pod, 'status', 'phase') || '')
  let ready = 0
  let restarts = 0
  let sidecarRestarts = 0
  let initializing = false
  for (const [index, status] of list(pod, 'status', 'initContainerStatuses').entries()) {
    const state = (status.state ?? {}) as ContainerState
    const sidecar = sidecars.has(status.name)
    restarts += count(status.restartCount)
    if (sidecar) sidecarRestarts += count(status.restartCount)
    if (state.terminated && (state.terminated.exitCode ?? 0) === 0) continue
    if (sidecar && status.started === true) {
      if (status.ready === true) ready++
      continue
    }
    initializing = true
    if (state.terminated) reason = `Init:${terminationReason(state.terminated)}`
    else if (state.waiting?.reason && state.waiting.reason !== 'PodInitializing') reason = `Init:${state.waiting.reason}`
    else reason = `Init:${index}/${specInit.length}`
    break
  }
  if (!initializing || conditionTrue(pod, 'Initialized')) {
    restarts = sidecarRestarts
    let hasRunning = false
    for (const status of list(pod, 'status', 'containerStatuses').toReversed()) {
      const state = (status.state ?? {}) as ContainerState
      restarts += count(status.restartCount)
      if (state.waiting?.reason) reason = state.waiting.reason
      else if (state.terminated) reason = terminationReason(state.terminated)
      else if (status.ready === true && state.running !== undefined) {
        hasRunning = true
        ready++
      }
    }
    if (reason === 'Completed' && hasRunning) reason = conditionTrue(pod, 'Ready') ? 'Running' : 'NotReady'
  }
  const phase = field(pod, 'status', 'phase')
  if (pod.metadata.deletionTimestamp && field(pod, 'status', 'reason') === 'NodeLost') reason = 'Unknown'
  else if (pod.metadata.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed') reason = 'Terminating'
  return {ready: `${ready}/${list(pod, 'spec', 'containers').length + sidecars.size}`, status: reason, restarts}
}

function terminationReason(terminated: NonNullable<ContainerState['terminated']>): string {
  if (terminated.reason) return terminated.reason
  return terminated.signal ? `Signal:${terminated.signal}` : `ExitCode:${terminated.exitCode ?? 0}`
}

function conditionTrue(pod: KubeObject, type: string): boolean {
  return list(pod, 'status', 'conditions').some((condition) => condition.type === type && condition.status === 'True')
}

function list(pod: KubeObject, ...path: string[]): Loose[] {
  return (field(pod, ...path) as Loose[] | undefined) ?? []
}
