import {RESOURCES, UsageError} from '@kubeline/core'
import type {KubeClient} from '@kubeline/core'
import type {CronJob} from '../domain/cron-job-types.js'
import {effectiveTimeZone, nextRuns, resolveSchedule} from '../domain/next-runs.js'

export interface NextRunsRequest {
  /** A CronJob to read the schedule and zone from... */
  cronJob?: string
  /** ...or a schedule given directly. */
  schedule?: string
  timeZone?: string
  controllerTimeZone?: string
  from: Date
  count: number
}

export interface NextRunTimes {
  cronJob?: {namespace: string; name: string}
  schedule: string
  /** The zone the times are computed in (spec.timeZone, else the controller's, else UTC). */
  timeZone: string
  from: string
  runs: Date[]
}

/** `next`: the schedule comes from the cluster only when a CronJob is named. */
export async function nextRunTimes(connect: () => Promise<KubeClient>, request: NextRunsRequest): Promise<NextRunTimes> {
  if ((request.cronJob === undefined) === (request.schedule === undefined)) {
    throw new UsageError('INVALID_ARGUMENT', 'give either a CronJob name or --schedule', {fix: "e.g. next nightly-report, or next --schedule '0 2 * * *'"})
  }
  let schedule = request.schedule as string
  let timeZone = request.timeZone
  let cronJob: NextRunTimes['cronJob']
  if (request.cronJob !== undefined) {
    const kube = await connect()
    const found = await kube.get<CronJob>(RESOURCES.cronjobs, request.cronJob)
    schedule = found.spec.schedule
    timeZone = found.spec.timeZone
    cronJob = {namespace: found.metadata.namespace ?? kube.namespace, name: request.cronJob}
  }
  const parsed = resolveSchedule(schedule, {timeZone})
  const runs = nextRuns(parsed, {controllerTimeZone: request.controllerTimeZone, from: request.from, count: request.count})
  const result: NextRunTimes = {schedule, timeZone: effectiveTimeZone(parsed, request.controllerTimeZone), from: request.from.toISOString(), runs}
  if (cronJob) result.cronJob = cronJob
  return result
}
