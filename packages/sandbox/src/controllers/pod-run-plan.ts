import type {KubeObject} from '../store/object-store.js'
import {containerNames, podSpec} from './pod-status.js'
import {SANDBOX_ANNOTATIONS, parseSandboxDuration} from './sandbox-annotations.js'

/** What the simulated kubelet will do with a pod, read from its sandbox annotations. */
export interface PodRunPlan {
  startDelayMs: number
  ready: boolean
  /** Present for run-to-completion pods (restartPolicy Never or OnFailure). */
  completion?: {durationMs: number; exitCode: number}
  /** Log lines per container, in order. */
  logs: Map<string, string[]>
}

export function podRunPlan(pod: KubeObject, defaults: {startDelayMs: number; durationMs: number}): PodRunPlan {
  const annotations = pod.metadata.annotations ?? {}
  const restartPolicy = podSpec(pod).restartPolicy ?? 'Always'
  return {
    startDelayMs: parseSandboxDuration(annotations[SANDBOX_ANNOTATIONS.startDelay], defaults.startDelayMs),
    ready: annotations[SANDBOX_ANNOTATIONS.ready] !== 'false',
    completion:
      restartPolicy === 'Always'
        ? undefined
        : {durationMs: parseSandboxDuration(annotations[SANDBOX_ANNOTATIONS.duration], defaults.durationMs), exitCode: exitCodeOf(annotations)},
    logs: logLinesByContainer(containerNames(pod), annotations),
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

function logLinesByContainer(containers: string[], annotations: Record<string, string>): Map<string, string[]> {
  const logs = new Map<string, string[]>()
  containers.forEach((name, index) => {
    const text = annotations[SANDBOX_ANNOTATIONS.logPrefix + name] ?? (index === 0 ? annotations[SANDBOX_ANNOTATIONS.log] : undefined)
    if (text !== undefined) logs.set(name, text.replace(/\n$/, '').split('\n'))
  })
  return logs
}
