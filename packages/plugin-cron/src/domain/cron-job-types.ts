import type {KubeObject, ObjectMeta} from '@kubeline/core'

/** The parts of batch/v1 CronJob and Job that cron-trigger reads, as plain data. */
export interface EnvVar {
  name: string
  value?: string
  valueFrom?: unknown
}

export interface Container {
  name: string
  env?: EnvVar[]
  [key: string]: unknown
}

export interface PodTemplate {
  metadata?: ObjectMeta
  spec?: {containers?: Container[]; initContainers?: Container[]; [key: string]: unknown}
}

export interface JobSpec {
  template?: PodTemplate
  backoffLimit?: number
  activeDeadlineSeconds?: number
  ttlSecondsAfterFinished?: number
  suspend?: boolean
  [key: string]: unknown
}

export interface JobCondition {
  type: string
  status: string
  reason?: string
  message?: string
  lastTransitionTime?: string
}

export interface Job extends KubeObject {
  spec?: JobSpec
  status?: {
    active?: number
    ready?: number
    succeeded?: number
    failed?: number
    startTime?: string
    completionTime?: string
    conditions?: JobCondition[]
  }
}

export interface CronJob extends KubeObject {
  spec: {
    schedule: string
    timeZone?: string
    suspend?: boolean
    concurrencyPolicy?: string
    startingDeadlineSeconds?: number
    successfulJobsHistoryLimit?: number
    failedJobsHistoryLimit?: number
    jobTemplate: {metadata?: ObjectMeta; spec: JobSpec}
  }
  status?: {
    active?: {name?: string; namespace?: string; uid?: string}[]
    lastScheduleTime?: string
    lastSuccessfulTime?: string
  }
}
