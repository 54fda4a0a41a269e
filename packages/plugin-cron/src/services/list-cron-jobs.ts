import {RESOURCES} from '@kubeline/core'
import type {KubeClient} from '@kubeline/core'
import {summarizeCronJob} from '../domain/cron-job-summary.js'
import type {CronJobSummary} from '../domain/cron-job-summary.js'
import type {CronJob, Job} from '../domain/cron-job-types.js'

export interface ListRequest {
  allNamespaces: boolean
  selector?: string
  controllerTimeZone?: string
  now: Date
}

/**
 * `list`: two paginated lists (CronJobs and Jobs) whatever the number of CronJobs, so the
 * API cost grows with pages, not with CronJobs. Jobs are matched to their CronJob by the
 * controller ownerReference uid.
 */
export async function listCronJobs(kube: KubeClient, request: ListRequest): Promise<CronJobSummary[]> {
  const namespace = request.allNamespaces ? null : undefined
  const [cronJobs, jobs] = await Promise.all([
    kube.list<CronJob>(RESOURCES.cronjobs, {namespace, labelSelector: request.selector}),
    kube.list<Job>(RESOURCES.jobs, {namespace}),
  ])
  const jobsByOwner = new Map<string, Job[]>()
  for (const job of jobs.items) {
    const owner = job.metadata.ownerReferences?.find((ref) => ref.controller === true && ref.kind === 'CronJob')
    if (owner) jobsByOwner.set(owner.uid, [...(jobsByOwner.get(owner.uid) ?? []), job])
  }
  return cronJobs.items
    .map((cronJob) =>
      summarizeCronJob(cronJob, {now: request.now, controllerTimeZone: request.controllerTimeZone, jobs: jobsByOwner.get(cronJob.metadata.uid as string) ?? []}),
    )
    .sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name))
}
