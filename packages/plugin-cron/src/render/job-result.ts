import type {ResultView} from '@kubeline/core'
import type {Job} from '../domain/cron-job-types.js'
import type {DryRun} from '../services/trigger-cron-jobs.js'
import type {WaitResult} from '../services/wait-for-job.js'

/** `-o json|yaml|name` of `now`: the Job (its final state when waited for), or a List of several, as kubectl prints. */
export function jobsView(jobs: Job[], results: WaitResult[]): ResultView<Job> {
  const finalJobs = jobs.map((job, index) => results[index]?.job ?? job)
  const document = finalJobs.length === 1 ? (finalJobs[0] as Job) : {apiVersion: 'v1', kind: 'List', items: finalJobs, metadata: {}}
  return {document, names: finalJobs.map((job) => `job.batch/${job.metadata.name}`)}
}

/** The line `now` prints as each Job is created; a dry run says so, as kubectl's "created (dry run)" does. */
export function describeCreated(job: Job, dryRun: DryRun): string {
  return `job.batch/${job.metadata.name} created${dryRun === 'none' ? '' : ` (dry run: ${dryRun})`}`
}

/** One line for people about how a waited-for Job ended. */
export function describeResult(result: WaitResult): string {
  const job = `job.batch/${result.job.metadata.name}`
  switch (result.state) {
    case 'succeeded':
      return `${job} succeeded (${result.reason})${elapsed(result.job)}`
    case 'failed':
      return `${job} failed: ${result.reason}${result.message ? `: ${result.message}` : ''}`
    case 'deleted':
      return `${job} was deleted before it finished`
    case 'timeout':
      return `${job} did not finish within --timeout`
  }
}

function elapsed(job: Job): string {
  const start = job.status?.startTime
  const end = job.status?.completionTime
  if (!start || !end) return ''
  return ` in ${Math.max(0, Math.round((Date.parse(end) - Date.parse(start)) / 1000))}s`
}
