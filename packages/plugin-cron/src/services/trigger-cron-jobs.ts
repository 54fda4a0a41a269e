import {KubelineError, RESOURCES, UsageError} from '@kubeline/core'
import type {KubeClient} from '@kubeline/core'
import type {CronJob, Job} from '../domain/cron-job-types.js'
import type {EnvOverride} from '../domain/env-overrides.js'
import {INSTANTIATE_ANNOTATION, manualJobFor, manualJobName} from '../domain/manual-job.js'

export type DryRun = 'none' | 'client' | 'server'

export interface TriggerOptions {
  jobName?: string
  env: EnvOverride[]
  dryRun: DryRun
  /** A fresh random suffix per Job; injected so tests can pin it. */
  suffix: () => string
  warn: (message: string) => void
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/

/**
 * Create one manual Job per CronJob, as `kubectl create job --from=cronjob/…` would.
 * The name is fixed before the request, so a create that is retried after a lost answer
 * can never produce a second Job: the retry gets AlreadyExists and finds ours. Only a generated
 * name (random per run) tells that the Job found is ours: a --job-name that is taken may name the
 * Job of an earlier run, so it fails with AlreadyExists, as kubectl does.
 */
export async function triggerCronJobs(kube: KubeClient, cronJobs: CronJob[], options: TriggerOptions): Promise<Job[]> {
  if (options.jobName !== undefined) checkJobName(options.jobName, cronJobs.length)
  const jobs = cronJobs.map((cronJob) => {
    if (cronJob.spec.suspend) options.warn(`cronjob.batch/${cronJob.metadata.name} is suspended; triggering it anyway`)
    if (cronJob.spec.jobTemplate.spec.suspend) {
      options.warn(`cronjob.batch/${cronJob.metadata.name} has a suspended jobTemplate: its Job is created suspended and runs only when something resumes it (such as Kueue)`)
    }
    return manualJobFor(cronJob, options.jobName ?? manualJobName(cronJob.metadata.name as string, options.suffix()), options.env)
  })
  if (options.dryRun === 'client') return jobs
  const created: Job[] = []
  const adoptExisting = options.dryRun === 'none' && options.jobName === undefined
  for (const job of jobs) created.push(await createOnce(kube, job, {dryRun: options.dryRun === 'server', adoptExisting}))
  return created
}

async function createOnce(kube: KubeClient, job: Job, options: {dryRun: boolean; adoptExisting: boolean}): Promise<Job> {
  try {
    return await kube.create(RESOURCES.jobs, job, {dryRun: options.dryRun})
  } catch (err) {
    if (!(err instanceof KubelineError) || err.code !== 'CONFLICT') throw err
    const existing = options.adoptExisting ? await kube.find<Job>(RESOURCES.jobs, job.metadata.name as string, {namespace: job.metadata.namespace}) : undefined
    const ours = existing?.metadata.ownerReferences?.some((ref) => ref.uid === job.metadata.ownerReferences?.[0]?.uid)
    if (existing && ours && existing.metadata.annotations?.[INSTANTIATE_ANNOTATION] !== undefined) return existing
    throw new KubelineError('CONFLICT', `job.batch/${job.metadata.name} already exists`, {
      fix: `Choose another --job-name, or delete the old Job: kubectl delete job ${job.metadata.name} -n ${job.metadata.namespace}`,
    })
  }
}

function checkJobName(name: string, count: number): void {
  if (count > 1) {
    throw new UsageError('INVALID_FLAG', `--job-name "${name}" cannot name ${count} Jobs`, {fix: 'Trigger one CronJob at a time with --job-name.'})
  }
  if (name.length > 63 || !DNS_LABEL.test(name)) {
    throw new UsageError('INVALID_FLAG', `invalid --job-name "${name}": must be a DNS label (lowercase letters, digits and "-", at most 63 characters)`)
  }
}
