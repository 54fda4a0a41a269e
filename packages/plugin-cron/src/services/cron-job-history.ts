import {RESOURCES} from '@kubeline/core'
import type {KubeClient} from '@kubeline/core'
import type {CronJob, Job} from '../domain/cron-job-types.js'
import {jobHistory} from '../domain/job-history.js'
import type {JobHistoryEntry} from '../domain/job-history.js'

/** `history`: the CronJob, then its namespace's Jobs, filtered by owner. */
export async function cronJobHistory(kube: KubeClient, name: string, now: Date): Promise<{cronJob: CronJob; entries: JobHistoryEntry[]}> {
  const cronJob = await kube.get<CronJob>(RESOURCES.cronjobs, name)
  const jobs = await kube.list<Job>(RESOURCES.jobs, {namespace: cronJob.metadata.namespace})
  return {cronJob, entries: jobHistory(cronJob, jobs.items, now)}
}
