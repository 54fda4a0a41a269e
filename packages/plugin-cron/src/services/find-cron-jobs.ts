import {KubelineError, RESOURCES, UsageError} from '@kubeline/core'
import type {KubeClient} from '@kubeline/core'
import type {CronJob} from '../domain/cron-job-types.js'

export interface CronJobQuery {
  names: string[]
  selector?: string
  namespace?: string
}

/** The CronJobs named on the command line, or matching -l; a missing name is NOT_FOUND (exit 2). */
export async function findCronJobs(kube: KubeClient, query: CronJobQuery): Promise<CronJob[]> {
  if (query.names.length > 0 && query.selector) {
    throw new UsageError('INVALID_ARGUMENT', 'name cannot be provided when a selector is specified', {fix: 'Give CronJob names or -l, not both.'})
  }
  if (query.names.length === 0 && !query.selector) {
    throw new UsageError('INVALID_ARGUMENT', 'no CronJob given', {fix: 'Name one or more CronJobs, or select them with -l.'})
  }
  if (query.selector) {
    const list = await kube.list<CronJob>(RESOURCES.cronjobs, {namespace: query.namespace, labelSelector: query.selector})
    if (list.items.length === 0) {
      throw new KubelineError('NOT_FOUND', `no CronJobs match -l ${query.selector} in namespace "${query.namespace ?? kube.namespace}"`)
    }
    return list.items
  }
  const found: CronJob[] = []
  for (const name of [...new Set(query.names)]) found.push(await kube.get<CronJob>(RESOURCES.cronjobs, name, {namespace: query.namespace}))
  return found
}
