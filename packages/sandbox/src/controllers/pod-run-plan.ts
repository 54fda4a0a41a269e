import type {KubeObject} from '../store/object-store.js'
import {containerNames, isSidecar, podSpec} from './pod-status.js'
import {SANDBOX_ANNOTATIONS, parseSandboxDuration} from './sandbox-annotations.js'

/** What the simulated kubelet will do with a pod, read from its sandbox annotations. */
export interface PodRunPlan {
  startDelayMs: number
  ready: boolean
  /** Present for run-to-completion pods (restartPolicy Never or OnFailure). */
  completion?: {durationMs: number; exitCode: number}
  /** Init containers that run to completion before the others start: they have finished when the pod starts. */
  initContainers: string[]
  /** The containers that run until the pod ends: native sidecars, then the regular containers. */
  runningContainers: string[]
  /** Log lines per container (init containers included), in order. */
  logs: Map<string, string[]>
}

export function podRunPlan(pod: KubeObject, defaults: {startDelayMs: number; durationMs: number}): PodRunPlan {
  const annotations = pod.metadata.annotations ?? {}
  const spec = podSpec(pod)
  const restartPolicy = spec.restartPolicy ?? 'Always'
  const initContainers = spec.initContainers ?? []
  const regularContainers = containerNames(pod)
  return {
    startDelayMs: parseSandboxDuration(annotations[SANDBOX_ANNOTATIONS.startDelay], defaults.startDelayMs),
    ready: annotations[SANDBOX_ANNOTATIONS.ready] !== 'false',
    completion:
      restartPolicy === 'Always'
        ? undefined
        : {durationMs: parseSandboxDuration(annotations[SANDBOX_ANNOTATIONS.duration], defaults.durationMs), exitCode: exitCodeOf(annotations)},
    initContainers: initContainers.filter((c) => !isSidecar(c)).map((c) => c.name),
    runningContainers: [...initContainers.filter(isSidecar).map((c) => c.name), ...regularContainers],
    logs: logLinesByContainer([...initContainers.map((c) => c.name), ...regularContainers], regularContainers[0], annotations),
  }
}

function exitCodeOf(annotations: Record<string, string>): number {
  const configured = Number.parseInt(annotations[SANDBOX_ANNOTATIONS.exitCode] ?? '0', 10) || 0
  const failAttempts = Number.parseInt(annotations[SANDBOX_ANNOTATIONS.failAttempts] ?? '', 10)
  if (Number.isNaN(failAttempts)) return configured
  const attempt = Number.parseInt(annotations[SANDBOX_ANNOTATIONS.attempt] ?? '0', 10) || 0
  if (attempt >= failAttempts) return 0
  return configured === 0 ? 1 : configured
}

/** `log-<name>` for any container; plain `log` for the first regular one. */
function logLinesByContainer(containers: string[], firstRegular: string | undefined, annotations: Record<string, string>): Map<string, string[]> {
  const logs = new Map<string, string[]>()
  for (const name of containers) {
    const text = annotations[SANDBOX_ANNOTATIONS.logPrefix + name] ?? (name === firstRegular ? annotations[SANDBOX_ANNOTATIONS.log] : undefined)
    if (text !== undefined) logs.set(name, text.replace(/\n$/, '').split('\n'))
  }
  return logs
}
