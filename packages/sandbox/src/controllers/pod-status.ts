import type {KubeObject} from '../store/object-store.js'
import {kubeTime} from './kube-time.js'

/** The parts of a pod spec the simulated kubelet reads. */
export interface PodSpecView {
  initContainers?: {name: string; image?: string; restartPolicy?: string}[]
  containers?: {name: string; image?: string; resources?: {requests?: Record<string, string>; limits?: Record<string, string>}}[]
  restartPolicy?: string
  nodeName?: string
}

export interface PodCondition {
  type: string
  status: 'True' | 'False' | 'Unknown'
  reason?: string
  message?: string
  lastProbeTime: null
  lastTransitionTime: string
}

export function podSpec(pod: KubeObject): PodSpecView {
  return (pod.spec as PodSpecView | undefined) ?? {}
}

export function containerNames(pod: KubeObject): string[] {
  return (podSpec(pod).containers ?? []).map((c) => c.name)
}

/** A native sidecar: an init container that keeps running beside the regular containers until the pod ends. */
export function isSidecar(initContainer: {restartPolicy?: string}): boolean {
  return initContainer.restartPolicy === 'Always'
}

/** BestEffort without any request or limit; Guaranteed when every container's cpu and memory limits equal its requests. */
export function qosClass(spec: PodSpecView): 'BestEffort' | 'Burstable' | 'Guaranteed' {
  const containers = spec.containers ?? []
  const resources = containers.map((c) => c.resources ?? {})
  if (resources.every((r) => Object.keys(r.requests ?? {}).length === 0 && Object.keys(r.limits ?? {}).length === 0)) return 'BestEffort'
  const guaranteed = resources.every((r) =>
    ['cpu', 'memory'].every((name) => r.limits?.[name] !== undefined && (r.requests?.[name] ?? r.limits[name]) === r.limits[name]),
  )
  return guaranteed ? 'Guaranteed' : 'Burstable'
}

export function podCondition(type: string, status: boolean, at: number, reason?: string, message?: string): PodCondition {
  return {type, status: status ? 'True' : 'False', ...(reason ? {reason} : {}), ...(message ? {message} : {}), lastProbeTime: null, lastTransitionTime: kubeTime(at)}
}

export function pendingStatus(spec: PodSpecView): Record<string, unknown> {
  return {phase: 'Pending', qosClass: qosClass(spec)}
}

export interface RunningPodFacts {
  spec: PodSpecView
  hostIP: string
  podIP: string
  startedAt: number
  ready: boolean
}

export function runningStatus({spec, hostIP, podIP, startedAt, ready}: RunningPodFacts): Record<string, unknown> {
  const notReady = ready ? undefined : 'ContainersNotReady'
  const message = ready ? undefined : `containers with unready status: [${(spec.containers ?? []).map((c) => c.name).join(' ')}]`
  return {
    phase: 'Running',
    hostIP,
    hostIPs: [{ip: hostIP}],
    podIP,
    podIPs: [{ip: podIP}],
    startTime: kubeTime(startedAt),
    qosClass: qosClass(spec),
    conditions: [
      podCondition('PodReadyToStartContainers', true, startedAt),
      podCondition('Initialized', true, startedAt),
      podCondition('Ready', ready, startedAt, notReady, message),
      podCondition('ContainersReady', ready, startedAt, notReady, message),
      podCondition('PodScheduled', true, startedAt),
    ],
    ...initContainerStatuses(spec, podIP, startedAt),
    containerStatuses: (spec.containers ?? []).map((c, index) => ({
      ...containerIdentity(c, `${podIP.replaceAll('.', '')}${index}`),
      ready,
      started: true,
      restartCount: 0,
      state: {running: {startedAt: kubeTime(startedAt)}},
    })),
  }
}

/**
 * The init containers ran (and exited 0) during the start delay, all finishing as the pod starts;
 * sidecars are running. Ready and started as the kubelet's prober manager sets them.
 */
function initContainerStatuses(spec: PodSpecView, podIP: string, startedAt: number): Record<string, unknown> {
  const initContainers = spec.initContainers ?? []
  if (initContainers.length === 0) return {}
  const at = kubeTime(startedAt)
  const statuses = initContainers.map((c, index) => ({
    ...containerIdentity(c, `${podIP.replaceAll('.', '')}init${index}`),
    restartCount: 0,
    ...(isSidecar(c)
      ? {ready: true, started: true, state: {running: {startedAt: at}}}
      : {ready: true, started: false, state: {terminated: {exitCode: 0, reason: 'Completed', startedAt: at, finishedAt: at}}}),
  }))
  return {initContainerStatuses: statuses}
}

function containerIdentity(container: {name: string; image?: string}, id: string) {
  return {name: container.name, image: container.image ?? '', imageID: '', containerID: `containerd://${id}`}
}

/** The status of a pod whose containers all exited with `exitCode`. */
export function terminatedStatus(running: Record<string, unknown>, exitCode: number, finishedAt: number): Record<string, unknown> {
  const succeeded = exitCode === 0
  const reason = succeeded ? 'PodCompleted' : 'PodFailed'
  const conditions = (running.conditions as PodCondition[]).map((c) =>
    ['Ready', 'ContainersReady', 'PodReadyToStartContainers'].includes(c.type) ? podCondition(c.type, false, finishedAt, reason) : c,
  )
  const containerStatuses = (running.containerStatuses as ContainerStatus[]).map((status) => terminated(status, exitCode, finishedAt))
  // Sidecars are stopped once the regular containers have exited; they exit cleanly (0).
  const initStatuses = running.initContainerStatuses as ContainerStatus[] | undefined
  const initContainerStatuses = initStatuses?.map((status) => (status.state.running ? terminated(status, 0, finishedAt) : status))
  return {...running, phase: succeeded ? 'Succeeded' : 'Failed', conditions, ...(initContainerStatuses ? {initContainerStatuses} : {}), containerStatuses}
}

interface ContainerStatus {
  ready?: boolean
  started?: boolean
  state: {running?: {startedAt: string}; terminated?: {exitCode: number; reason: string; startedAt?: string; finishedAt: string}}
}

function terminated(status: ContainerStatus, exitCode: number, finishedAt: number): ContainerStatus {
  return {
    ...status,
    ready: false,
    started: false,
    state: {
      terminated: {
        exitCode,
        reason: exitCode === 0 ? 'Completed' : 'Error',
        startedAt: status.state.running?.startedAt,
        finishedAt: kubeTime(finishedAt),
      },
    },
  }
}

export function podPhase(pod: KubeObject): string | undefined {
  return (pod.status as {phase?: string} | undefined)?.phase
}

export function isPodTerminal(pod: KubeObject): boolean {
  const phase = podPhase(pod)
  return phase === 'Succeeded' || phase === 'Failed'
}

export function isPodReady(pod: KubeObject): boolean {
  return readyCondition(pod)?.status === 'True'
}

/** When the pod last became Ready (ms), if it is Ready. */
export function readySince(pod: KubeObject): number | undefined {
  const condition = readyCondition(pod)
  if (condition?.status !== 'True') return undefined
  const at = Date.parse(condition.lastTransitionTime)
  return Number.isNaN(at) ? 0 : at
}

function readyCondition(pod: KubeObject): PodCondition | undefined {
  return (pod.status as {conditions?: PodCondition[]} | undefined)?.conditions?.find((c) => c.type === 'Ready')
}
