import {compareCodeUnits, RESOURCES} from '@kubeline/core'
import type {KubeClient} from '@kubeline/core'
import {addLastJobFailure, cronJobSummarizer} from '../domain/cron-job-summary.js'
import type {CronJobSummary} from '../domain/cron-job-summary.js'
import type {CronJob, Job} from '../domain/cron-job-types.js'
import {laterFinishedJob} from '../domain/last-finished-job.js'
import type {FinishedJob} from '../domain/last-finished-job.js'

export interface ListRequest {
  allNamespaces: boolean
  selector?: string
  controllerTimeZone?: string
  now: Date
}

/**
 * `list`: two paginated lists (CronJobs and Jobs) side by side whatever the number of CronJobs, so
 * the API cost grows with pages, not with CronJobs. Both are read page by page and only what `list`
 * shows is kept, so a page (mostly Job templates) is garbage as soon as the next one is asked for.
 * Jobs are matched to their CronJob by the controller ownerReference uid.
 */
export async function listCronJobs(kube: KubeClient, request: ListRequest): Promise<CronJobSummary[]> {
  const namespace = request.allNamespaces ? null : undefined
  const [rows, lastFinished] = await Promise.all([summarizeCronJobs(kube, namespace, request), lastFinishedJobs(kube, namespace)])
  for (const row of rows) addLastJobFailure(row.summary, row.uid === undefined ? undefined : lastFinished.get(row.uid))
  return rows.map((row) => row.summary).sort((a, b) => compareCodeUnits(a.namespace, b.namespace) || compareCodeUnits(a.name, b.name))
}

interface SummaryRow {
  uid: string | undefined
  summary: CronJobSummary
}

async function summarizeCronJobs(kube: KubeClient, namespace: null | undefined, request: ListRequest): Promise<SummaryRow[]> {
  const summarize = cronJobSummarizer({now: request.now, controllerTimeZone: request.controllerTimeZone})
  let rows: SummaryRow[] = []
  for await (const page of kube.listPages<CronJob>(RESOURCES.cronjobs, {namespace, labelSelector: request.selector})) {
    if (page.restarted) rows = []
    for (const cronJob of page.items) rows.push({uid: cronJob.metadata.uid, summary: summarize(cronJob)})
  }
  return rows
}

/** Per CronJob uid, its most recently started finished Job. */
async function lastFinishedJobs(kube: KubeClient, namespace: null | undefined): Promise<Map<string, FinishedJob | undefined>> {
  const byOwner = new Map<string, FinishedJob | undefined>()
  for await (const page of kube.listPages<Job>(RESOURCES.jobs, {namespace})) {
    if (page.restarted) byOwner.clear()
    for (const job of page.items) {
      const owner = job.metadata.ownerReferences?.find((ref) => ref.controller === true && ref.kind === 'CronJob')
      if (owner) byOwner.set(owner.uid, laterFinishedJob(byOwner.get(owner.uid), job))
    }
  }
  return byOwner
}
