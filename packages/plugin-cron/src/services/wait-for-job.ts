import {RESOURCES} from '@kubeline/core'
import type {KubeClient} from '@kubeline/core'
import type {Job} from '../domain/cron-job-types.js'
import {jobOutcome} from '../domain/job-outcome.js'
import type {JobOutcome} from '../domain/job-outcome.js'

export type WaitResult =
  | {state: 'succeeded' | 'failed'; reason: string; message?: string; job: Job}
  | {state: 'deleted'; job: Job}
  | {state: 'timeout'; job: Job}

/**
 * Follow a Job with a watch until it succeeds or fails. The outcome is taken from the watch
 * stream itself, never from a GET afterwards: history limits and ttlSecondsAfterFinished may
 * delete the Job the moment it finishes. `signal` (the --timeout deadline) ends it with 'timeout'.
 */
export async function waitForJob(
  kube: KubeClient,
  job: Job,
  options: {onProgress?: (outcome: JobOutcome) => void; signal?: AbortSignal} = {},
): Promise<WaitResult> {
  // Closes the watch when the wait returns early.
  const controller = new AbortController()
  const signal = options.signal ? AbortSignal.any([options.signal, controller.signal]) : controller.signal
  let last = job
  try {
    const first = jobOutcome(job)
    if (first.state !== 'running') return {...first, job}
    const events = kube.watch<Job>(RESOURCES.jobs, {
      namespace: job.metadata.namespace,
      fieldSelector: `metadata.name=${job.metadata.name}`,
      resourceVersion: job.metadata.resourceVersion,
      signal,
    })
    for await (const event of events) {
      if (event.object.metadata.uid !== job.metadata.uid) continue
      last = event.object
      if (event.type === 'DELETED') return {state: 'deleted', job: last}
      const outcome = jobOutcome(last)
      if (outcome.state !== 'running') return {...outcome, job: last}
      options.onProgress?.(outcome)
    }
    return {state: 'timeout', job: last}
  } finally {
    controller.abort()
  }
}
