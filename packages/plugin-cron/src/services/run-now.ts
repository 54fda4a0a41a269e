import type {KubeClient} from '@kubeline/core'
import type {Job} from '../domain/cron-job-types.js'
import type {EnvOverride} from '../domain/env-overrides.js'
import type {JobOutcome} from '../domain/job-outcome.js'
import {findCronJobs} from './find-cron-jobs.js'
import {streamJobLogs} from './stream-job-logs.js'
import {triggerCronJobs} from './trigger-cron-jobs.js'
import type {DryRun} from './trigger-cron-jobs.js'
import {waitForJob} from './wait-for-job.js'
import type {WaitResult} from './wait-for-job.js'

export interface RunNowRequest {
  names: string[]
  selector?: string
  namespace?: string
  jobName?: string
  env: EnvOverride[]
  dryRun: DryRun
  wait: boolean
  logs: boolean
  timeoutMs: number
}

export interface RunNowIo {
  warn: (message: string) => void
  created: (job: Job) => void
  progress: (job: Job, outcome: JobOutcome) => void
  logLine: (line: string) => void
  logsOfPod: (pod: string, attempt: number) => void
  suffix: () => string
}

export interface RunNowResult {
  jobs: Job[]
  /** One per Job when --wait or --logs was given. */
  results: WaitResult[]
}

/** `cron-trigger now`: create the Jobs, then (when asked) follow each to its end with its logs. */
export async function runNow(kube: KubeClient, request: RunNowRequest, io: RunNowIo): Promise<RunNowResult> {
  const cronJobs = await findCronJobs(kube, request)
  const jobs = await triggerCronJobs(kube, cronJobs, {...request, suffix: io.suffix, warn: io.warn})
  jobs.forEach(io.created)
  if ((!request.wait && !request.logs) || request.dryRun !== 'none') return {jobs, results: []}
  // One deadline for all the Jobs, as kubectl wait --timeout: they run side by side while we follow each in turn.
  const deadline = request.timeoutMs > 0 ? AbortSignal.timeout(request.timeoutMs) : undefined
  const results: WaitResult[] = []
  for (const job of jobs) results.push(await followJob(kube, job, {...request, deadline}, io))
  return {jobs, results}
}

async function followJob(kube: KubeClient, job: Job, request: RunNowRequest & {deadline: AbortSignal | undefined}, io: RunNowIo): Promise<WaitResult> {
  const stopWaiting = new AbortController()
  const signal = request.deadline ? AbortSignal.any([stopWaiting.signal, request.deadline]) : stopWaiting.signal
  const waiting = waitForJob(kube, job, {onProgress: (outcome) => io.progress(job, outcome), signal})
  if (!request.logs) return await waiting
  const stopLogs = new AbortController()
  const logs = streamJobLogs(kube, job, {write: io.logLine, onPod: io.logsOfPod, done: waiting, signal: stopLogs.signal})
  // Whichever fails first (a forbidden watch or log read) stops the other, and its error is the one reported.
  const [result] = await Promise.all([
    waiting.then(
      (outcome) => {
        if (outcome.state === 'timeout') stopLogs.abort()
        return outcome
      },
      (err: unknown) => {
        stopLogs.abort()
        throw err
      },
    ),
    logs.catch((err: unknown) => {
      stopWaiting.abort()
      throw err
    }),
  ])
  return result
}
