import {RESOURCES} from '@kubeline/core'
import type {KubeClient} from '@kubeline/core'
import type {CronJob} from '../domain/cron-job-types.js'
import {findCronJobs} from './find-cron-jobs.js'
import type {CronJobQuery} from './find-cron-jobs.js'

export interface SuspendChange {
  name: string
  namespace: string
  suspend: boolean
  changed: boolean
}

/**
 * `suspend` / `resume`: one merge patch of spec.suspend per CronJob that needs it; CronJobs
 * already in the wanted state are left alone (and reported as unchanged).
 */
export async function setSuspend(
  kube: KubeClient,
  query: CronJobQuery,
  suspend: boolean,
  dryRun: 'none' | 'client' | 'server',
): Promise<SuspendChange[]> {
  const cronJobs = await findCronJobs(kube, query)
  const changes: SuspendChange[] = []
  for (const cronJob of cronJobs) {
    const name = cronJob.metadata.name as string
    const namespace = cronJob.metadata.namespace as string
    const changed = (cronJob.spec.suspend === true) !== suspend
    if (changed && dryRun !== 'client') {
      await kube.patch<CronJob>(RESOURCES.cronjobs, name, {spec: {suspend}}, {namespace, dryRun: dryRun === 'server'})
    }
    changes.push({name, namespace, suspend, changed})
  }
  return changes
}
