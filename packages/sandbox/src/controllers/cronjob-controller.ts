import {compareCodeUnits} from '@kubeline/core'
import {isDeepStrictEqual} from 'node:util'
import type {KubeObject, ObjectStore, SandboxClock} from '../store/object-store.js'
import type {ControllerOptions, NextScheduleTime} from './controller-options.js'
import {resolveControllerOptions} from './controller-options.js'
import {formatInZone, nextCronTime, parseCronSchedule} from './cron-schedule.js'
import type {CronSchedule} from './cron-schedule.js'
import type {JobCondition} from './job-conditions.js'
import {isJobFinished} from './job-conditions.js'
import {kubeTime, parseKubeTime} from './kube-time.js'
import {controllerReference, isControlledBy} from './owner-references.js'
import {objectKey} from './reconcile-queue.js'
import type {Reconciler} from './reconciler.js'
import {startReconciler} from './reconciler.js'
import {CRON_JOBS, JOBS} from './resource-keys.js'

export const SCHEDULED_TIMESTAMP_ANNOTATION = 'batch.kubernetes.io/cronjob-scheduled-timestamp'

interface CronJobSpec {
  schedule?: string
  timeZone?: string
  suspend?: boolean
  concurrencyPolicy?: 'Allow' | 'Forbid' | 'Replace'
  startingDeadlineSeconds?: number
  successfulJobsHistoryLimit?: number
  failedJobsHistoryLimit?: number
  jobTemplate?: {metadata?: {labels?: Record<string, string>; annotations?: Record<string, string>}; spec?: object}
}

interface JobReference {
  apiVersion: string
  kind: string
  namespace?: string
  name?: string
  uid?: string
  resourceVersion?: string
}

interface CronJobStatus {
  active?: JobReference[]
  lastScheduleTime?: string
  lastSuccessfulTime?: string
}

/**
 * Creates Jobs from CronJobs at their schedule times as sandbox time passes, never for
 * times before the controller started (so loading a fixture fires nothing: a test
 * advances the clock to make a CronJob run). Jobs are named `<cronjob>-<unix minutes>`;
 * concurrencyPolicy, startingDeadlineSeconds, suspend and the history limits (default
 * 3 successful, 1 failed) apply as upstream (pkg/controller/cronjob/cronjob_controllerv2.go).
 */
export function startCronJobController(store: ObjectStore, clock: SandboxClock, controllerOptions?: ControllerOptions): () => void {
  const options = resolveControllerOptions(controllerOptions)
  const startedAtMs = clock.now().getTime()
  const nextTime = options.nextScheduleTime ?? cachedMinimalEngine()
  const reconciler = startReconciler(store, clock, options, {
    name: 'cronjob',
    primary: CRON_JOBS,
    owned: [{key: JOBS, ownerKind: 'CronJob'}],
    reconcile: (namespace, name, self) => {
      const cronJob = store.get(CRON_JOBS, namespace, name)
      if (cronJob) reconcileCronJob({store, nowMs: clock.now().getTime(), startedAtMs, nextTime, cronJob, reconciler: self})
    },
  })
  return reconciler.stop
}

interface CronJobContext {
  store: ObjectStore
  nowMs: number
  startedAtMs: number
  nextTime: NextScheduleTime
  cronJob: KubeObject
  reconciler: Reconciler
}

function reconcileCronJob(context: CronJobContext): void {
  const {store, cronJob, nowMs} = context
  const spec = (cronJob.spec as CronJobSpec | undefined) ?? {}
  const status = (cronJob.status as CronJobStatus | undefined) ?? {}
  const jobs = deleteExpiredHistory(store, spec, context.reconciler.list(JOBS, cronJob.metadata.namespace).filter((job) => isControlledBy(job, cronJob)))
  const unfinished = new Map(jobs.filter((job) => !isJobFinished(jobConditions(job))).map((job) => [job.metadata.uid, job]))
  let active = (status.active ?? []).filter((ref) => unfinished.has(ref.uid))
  let lastScheduleTime = status.lastScheduleTime

  const due = spec.suspend ? undefined : latestDueTime(context)
  const tooLate = due !== undefined && spec.startingDeadlineSeconds !== undefined && nowMs > due.getTime() + spec.startingDeadlineSeconds * 1000
  if (due && !tooLate && !(spec.concurrencyPolicy === 'Forbid' && active.length > 0)) {
    if (spec.concurrencyPolicy === 'Replace') {
      for (const ref of active) store.delete(JOBS, ref.namespace, ref.name ?? '')
      active = []
    }
    const job = store.get(JOBS, cronJob.metadata.namespace, jobName(cronJob, due)) ?? store.create(JOBS, jobFromTemplate(cronJob, spec, due))
    active = [...active, jobReference(job)]
    lastScheduleTime = kubeTime(due)
  }
  if (!spec.suspend) {
    const next = context.nextTime(cronJob, new Date(nowMs))
    if (next) context.reconciler.requeueAt(objectKey(cronJob.metadata.namespace, cronJob.metadata.name ?? ''), next.getTime())
  }

  const next: CronJobStatus = {
    ...(active.length > 0 ? {active} : {}),
    ...(lastScheduleTime ? {lastScheduleTime} : {}),
    ...lastSuccessfulTime(status.lastSuccessfulTime, jobs),
  }
  if (!isDeepStrictEqual(next, status)) store.updateStatus(CRON_JOBS, {...cronJob, status: next})
}

/** The most recent schedule time in (last schedule or controller start, now], if any. Older missed runs are skipped, as upstream does. */
function latestDueTime({cronJob, nowMs, startedAtMs, nextTime}: CronJobContext): Date | undefined {
  const status = (cronJob.status as CronJobStatus | undefined) ?? {}
  const since = Math.max(startedAtMs, parseKubeTime(status.lastScheduleTime) ?? parseKubeTime(cronJob.metadata.creationTimestamp) ?? startedAtMs)
  let due: Date | undefined
  for (let candidate = nextTime(cronJob, new Date(since)); candidate && candidate.getTime() <= nowMs; candidate = nextTime(cronJob, candidate)) {
    due = candidate
  }
  return due
}

function deleteExpiredHistory(store: ObjectStore, spec: CronJobSpec, jobs: KubeObject[]): KubeObject[] {
  const finished = (type: string) => jobs.filter((job) => jobConditions(job).some((c) => c.type === type && c.status === 'True')).sort(byStartTime)
  const expired = [
    ...excess(finished('Complete'), spec.successfulJobsHistoryLimit ?? 3),
    ...excess(finished('Failed'), spec.failedJobsHistoryLimit ?? 1),
  ]
  for (const job of expired) store.delete(JOBS, job.metadata.namespace, job.metadata.name ?? '')
  return jobs.filter((job) => !expired.includes(job))
}

function excess(oldestFirst: KubeObject[], limit: number): KubeObject[] {
  return oldestFirst.slice(0, Math.max(0, oldestFirst.length - limit))
}

function lastSuccessfulTime(previous: string | undefined, jobs: KubeObject[]): {lastSuccessfulTime?: string} {
  const times = jobs
    .filter((job) => jobConditions(job).some((c) => c.type === 'Complete' && c.status === 'True'))
    .map((job) => parseKubeTime((job.status as {completionTime?: string}).completionTime) ?? 0)
  const latest = Math.max(parseKubeTime(previous) ?? 0, ...times)
  return latest > 0 ? {lastSuccessfulTime: kubeTime(latest)} : {}
}

function jobFromTemplate(cronJob: KubeObject, spec: CronJobSpec, scheduled: Date): KubeObject {
  const template = spec.jobTemplate ?? {}
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name: jobName(cronJob, scheduled),
      namespace: cronJob.metadata.namespace,
      ...(template.metadata?.labels ? {labels: {...template.metadata.labels}} : {}),
      annotations: {...template.metadata?.annotations, [SCHEDULED_TIMESTAMP_ANNOTATION]: formatInZone(scheduled, spec.timeZone ?? 'UTC')},
      ownerReferences: [controllerReference(cronJob)],
    },
    spec: structuredClone(template.spec ?? {}),
  }
}

/** Upstream getJobName: the scheduled time in minutes since the epoch. */
function jobName(cronJob: KubeObject, scheduled: Date): string {
  return `${cronJob.metadata.name}-${Math.floor(scheduled.getTime() / 60_000)}`
}

function jobReference(job: KubeObject): JobReference {
  const {namespace, name, uid, resourceVersion} = job.metadata
  return {apiVersion: 'batch/v1', kind: 'Job', namespace, name, uid, resourceVersion}
}

function jobConditions(job: KubeObject): JobCondition[] {
  return (job.status as {conditions?: JobCondition[]} | undefined)?.conditions ?? []
}

function byStartTime(a: KubeObject, b: KubeObject): number {
  const start = (job: KubeObject) => parseKubeTime((job.status as {startTime?: string} | undefined)?.startTime) ?? 0
  return start(a) - start(b) || compareCodeUnits(a.metadata.name ?? '', b.metadata.name ?? '')
}

/**
 * The default NextScheduleTime: the minimal engine, parsing each distinct schedule once.
 * A schedule it cannot parse never fires (the API server would have rejected it).
 */
function cachedMinimalEngine(): NextScheduleTime {
  const parsed = new Map<string, CronSchedule | undefined>()
  return (cronJob, after) => {
    const spec = (cronJob.spec as CronJobSpec | undefined) ?? {}
    const expression = spec.schedule ?? ''
    if (!parsed.has(expression)) parsed.set(expression, parseOrUndefined(expression))
    const schedule = parsed.get(expression)
    return schedule && nextCronTime(schedule, spec.timeZone ?? 'UTC', after)
  }
}

function parseOrUndefined(expression: string): CronSchedule | undefined {
  try {
    return parseCronSchedule(expression)
  } catch {
    return undefined
  }
}
