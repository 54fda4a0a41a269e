import {RESOURCES, UsageError} from '@kubeline/core'
import type {KubeClient} from '@kubeline/core'
import type {CronJob} from '../domain/cron-job-types.js'
import {effectiveTimeZone, nextRuns, resolveSchedule} from '../domain/next-runs.js'
import {parseSchedule} from '../domain/parse-schedule.js'
import {formatRfc3339Time} from '../domain/rfc3339-time.js'
import type {Schedule} from '../domain/schedule.js'

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
  /** The named CronJob is suspended: the controller starts none of the runs. */
  suspended?: boolean
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
  let parsed: Schedule
  let cronJob: NextRunTimes['cronJob']
  let suspended = false
  let lastRun: string | undefined
  if (request.cronJob !== undefined) {
    const kube = await connect()
    const found = await kube.get<CronJob>(RESOURCES.cronjobs, request.cronJob)
    schedule = found.spec.schedule
    // Parsed as the controller parses what is stored (a TZ= prefix from before Kubernetes 1.29 still runs).
    parsed = parseSchedule(schedule, {...(found.spec.timeZone === undefined ? {} : {timeZone: found.spec.timeZone}), stored: true})
    cronJob = {namespace: found.metadata.namespace ?? kube.namespace, name: request.cronJob}
    suspended = found.spec.suspend === true
    lastRun = found.status?.lastScheduleTime ?? found.metadata.creationTimestamp
  } else {
    parsed = resolveSchedule(schedule, {timeZone: request.timeZone})
  }
  const lastRunOption = lastRun === undefined ? {} : {lastRun: new Date(lastRun)}
  const runs = nextRuns(parsed, {controllerTimeZone: request.controllerTimeZone, from: request.from, count: request.count, ...lastRunOption})
  const result: NextRunTimes = {schedule, timeZone: effectiveTimeZone(parsed, request.controllerTimeZone), from: formatRfc3339Time(request.from), runs}
  if (cronJob) result.cronJob = cronJob
  if (suspended) result.suspended = true
  return result
}
