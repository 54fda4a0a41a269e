import type {KubeObject} from '../store/object-store.js'
import type {ContainerProgram} from './container-program.js'
import {unknownProgram} from './container-program.js'

/** When a CronJob next fires strictly after `after`, in its spec.timeZone; undefined for never. */
export type NextScheduleTime = (cronJob: KubeObject, after: Date) => Date | undefined

export interface ControllerOptions {
  /** Sandbox milliseconds from pod creation to Running (default 500); annotation start-delay overrides. */
  podStartDelayMs?: number
  /** How long a run-to-completion pod runs when its template does not say (default 1000). */
  jobPodDurationMs?: number
  /** First delay before a failed Job pod is replaced, doubled per failure (default 1000; upstream uses 10s). */
  jobBackoffBaseMs?: number
  /** The schedule engine for CronJobs (default: the minimal one in cron-schedule.ts). */
  nextScheduleTime?: NextScheduleTime
  /** What ephemeral containers' programs do (default: nothing known, they run until the pod ends). */
  ephemeralContainerProgram?: ContainerProgram
  /** Reconcile failures; the object is retried a second later either way (default: console.error). */
  onError?: (controller: string, key: string, error: unknown) => void
}

export type ResolvedControllerOptions = Required<Omit<ControllerOptions, 'nextScheduleTime'>> &
  Pick<ControllerOptions, 'nextScheduleTime'>

export function resolveControllerOptions(options: ControllerOptions = {}): ResolvedControllerOptions {
  return {
    podStartDelayMs: options.podStartDelayMs ?? 500,
    jobPodDurationMs: options.jobPodDurationMs ?? 1000,
    jobBackoffBaseMs: options.jobBackoffBaseMs ?? 1000,
    nextScheduleTime: options.nextScheduleTime,
    ephemeralContainerProgram: options.ephemeralContainerProgram ?? unknownProgram,
    onError: options.onError ?? ((controller, key, error) => console.error(`sandbox ${controller} controller: ${key}:`, error)),
  }
}
