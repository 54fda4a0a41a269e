import type {CronJob, Job} from './cron-job-types.js'
import {applyEnvOverrides} from './env-overrides.js'
import type {EnvOverride} from './env-overrides.js'

export const INSTANTIATE_ANNOTATION = 'cronjob.kubernetes.io/instantiate'

/**
 * The Job that `kubectl create job NAME --from=cronjob/X` creates (kubectl create_job.go
 * createJobFromCronJob), exactly: annotation `cronjob.kubernetes.io/instantiate: manual` with the
 * template's annotations over it, the template's labels and spec, and one controller
 * ownerReference without blockOwnerDeletion (which would need update on cronjobs/finalizers).
 * `env` overrides or adds variables in every container, the one change cron-trigger allows.
 */
export function manualJobFor(cronJob: CronJob, name: string, env: readonly EnvOverride[] = []): Job {
  const template = cronJob.spec.jobTemplate
  const annotations = {[INSTANTIATE_ANNOTATION]: 'manual', ...template.metadata?.annotations}
  const spec = structuredClone(template.spec)
  if (env.length > 0 && spec.template?.spec) spec.template.spec = applyEnvOverrides(spec.template.spec, env)
  const metadata: Job['metadata'] = {
    name,
    annotations,
    ownerReferences: [
      {apiVersion: 'batch/v1', kind: 'CronJob', name: cronJob.metadata.name as string, uid: cronJob.metadata.uid as string, controller: true},
    ],
  }
  if (template.metadata?.labels !== undefined) metadata.labels = {...template.metadata.labels}
  if (cronJob.metadata.namespace !== undefined) metadata.namespace = cronJob.metadata.namespace
  return {apiVersion: 'batch/v1', kind: 'Job', metadata, spec}
}

/** The longest name a Job may have: it is copied into a pod label value (63 characters). */
export const MAX_JOB_NAME_LENGTH = 63

/**
 * `<cronjob>-manual-<suffix>`, shortened so the whole stays within 63 characters and ends
 * in an alphanumeric, as a DNS label must.
 */
export function manualJobName(cronJobName: string, suffix: string): string {
  const tail = `-manual-${suffix}`
  const head = cronJobName.slice(0, MAX_JOB_NAME_LENGTH - tail.length).replace(/[-.]+$/, '')
  return `${head}${tail}`
}
