import {createHash} from 'node:crypto'
import type {KubeObject} from '../store/object-store.js'
import type {ContainerView} from './container-program.js'
import {kubeTime} from './kube-time.js'

/** An entry of status.ephemeralContainerStatuses. */
export interface EphemeralContainerStatus {
  name: string
  image: string
  imageID: string
  containerID?: string
  ready: false
  restartCount: 0
  state: {
    waiting?: {reason: string}
    running?: {startedAt: string}
    terminated?: {exitCode: number; reason: 'Completed' | 'Error'; startedAt: string; finishedAt: string}
  }
}

export function ephemeralContainers(pod: KubeObject): ContainerView[] {
  return ((pod.spec as {ephemeralContainers?: ContainerView[]} | undefined)?.ephemeralContainers ?? [])
}

export function ephemeralContainerStatuses(pod: KubeObject): EphemeralContainerStatus[] {
  return ((pod.status as {ephemeralContainerStatuses?: EphemeralContainerStatus[]} | undefined)?.ephemeralContainerStatuses ?? [])
}

export function waitingStatus(container: ContainerView): EphemeralContainerStatus {
  return {name: container.name, image: container.image ?? '', imageID: '', ready: false, restartCount: 0, state: {waiting: {reason: 'ContainerCreating'}}}
}

export function runningStatus(pod: KubeObject, waiting: EphemeralContainerStatus, startedAt: number): EphemeralContainerStatus {
  const containerID = `containerd://${createHash('sha256').update(`${pod.metadata.uid}/${waiting.name}`).digest('hex')}`
  return {...waiting, containerID, state: {running: {startedAt: kubeTime(startedAt)}}}
}

export function terminatedStatus(running: EphemeralContainerStatus, exitCode: number, finishedAt: number): EphemeralContainerStatus {
  const startedAt = running.state.running?.startedAt ?? kubeTime(finishedAt)
  return {...running, state: {terminated: {exitCode, reason: exitCode === 0 ? 'Completed' : 'Error', startedAt, finishedAt: kubeTime(finishedAt)}}}
}

/** The pod with one ephemeral container's status replaced (or added). */
export function withEphemeralContainerStatus(pod: KubeObject, status: EphemeralContainerStatus): KubeObject {
  const statuses = ephemeralContainerStatuses(pod)
  const index = statuses.findIndex((existing) => existing.name === status.name)
  const next = index < 0 ? [...statuses, status] : statuses.map((existing, i) => (i === index ? status : existing))
  return {...pod, status: {...(pod.status as object | undefined), ephemeralContainerStatuses: next}}
}
