import {KubelineError, RESOURCES} from '@kubeline/core'
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

/** Patches tried per CronJob when each one answers 409 Conflict (someone else wrote first). */
export const SUSPEND_PATCH_ATTEMPTS = 5

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
    const changed = isChange(cronJob, suspend) && (dryRun === 'client' || (await patchSuspend(kube, cronJob, suspend, dryRun === 'server')))
    changes.push({name, namespace, suspend, changed})
  }
  return changes
}

function isChange(cronJob: CronJob, suspend: boolean): boolean {
  return (cronJob.spec.suspend === true) !== suspend
}

/**
 * Patches spec.suspend; on a 409 re-reads the CronJob and tries again, a bounded number of
 * times. Returns false when the re-read CronJob is already in the wanted state (someone else
 * made the same change), so it is reported as unchanged.
 */
async function patchSuspend(kube: KubeClient, cronJob: CronJob, suspend: boolean, dryRun: boolean): Promise<boolean> {
  const name = cronJob.metadata.name as string
  const namespace = cronJob.metadata.namespace as string
  for (let attempt = 1; ; attempt++) {
    try {
      await kube.patch<CronJob>(RESOURCES.cronjobs, name, {spec: {suspend}}, {namespace, dryRun})
      return true
    } catch (error) {
      if (!(error instanceof KubelineError) || error.code !== 'CONFLICT' || attempt >= SUSPEND_PATCH_ATTEMPTS) throw error
    }
    const current = await kube.get<CronJob>(RESOURCES.cronjobs, name, {namespace})
    if (!isChange(current, suspend)) return false
  }
}
