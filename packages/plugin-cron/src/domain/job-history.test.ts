import {describe, expect, test} from 'vitest'
import type {CronJob, Job} from './cron-job-types.js'
import {SCHEDULED_TIMESTAMP_ANNOTATION, jobHistory} from './job-history.js'
import {INSTANTIATE_ANNOTATION} from './manual-job.js'

const cronJob: CronJob = {
  apiVersion: 'batch/v1',
  kind: 'CronJob',
  metadata: {name: 'report', namespace: 'ops', uid: 'cj-1'},
  spec: {schedule: '0 * * * *', jobTemplate: {spec: {}}},
}
const owner = (uid: string) => [{apiVersion: 'batch/v1', kind: 'CronJob', name: 'report', uid, controller: true}]
const now = new Date('2026-05-01T12:00:30Z')

function job(name: string, extra: Partial<Job> & {annotations?: Record<string, string>; uid?: string}): Job {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {name, ownerReferences: owner(extra.uid ?? 'cj-1'), annotations: extra.annotations},
    status: extra.status,
  }
}

describe('jobHistory', () => {
  test('scheduled and manual runs, oldest first, with durations and results', () => {
    const jobs = [
      job('report-manual-ab12c', {
        annotations: {[INSTANTIATE_ANNOTATION]: 'manual'},
        status: {startTime: '2026-05-01T12:00:00Z'},
      }),
      job('report-29627220', {
        annotations: {[SCHEDULED_TIMESTAMP_ANNOTATION]: '2026-05-01T11:00:00Z'},
        status: {
          startTime: '2026-05-01T11:00:01Z',
          completionTime: '2026-05-01T11:00:43Z',
          conditions: [{type: 'Complete', status: 'True', reason: 'CompletionsReached'}],
        },
      }),
      job('report-29627160', {
        status: {
          startTime: '2026-05-01T10:00:02Z',
          conditions: [{type: 'Failed', status: 'True', reason: 'BackoffLimitExceeded', lastTransitionTime: '2026-05-01T10:01:02Z'}],
        },
      }),
      job('someone-elses', {uid: 'other-uid', status: {startTime: '2026-05-01T09:00:00Z'}}),
    ]
    expect(jobHistory(cronJob, jobs, now)).toEqual([
      {
        name: 'report-29627160', trigger: 'scheduled', scheduledTime: '2026-05-01T10:00:00Z', result: 'Failed',
        reason: 'BackoffLimitExceeded', startTime: '2026-05-01T10:00:02Z', durationSeconds: 60,
      },
      {
        name: 'report-29627220', trigger: 'scheduled', scheduledTime: '2026-05-01T11:00:00Z', result: 'Succeeded',
        reason: 'CompletionsReached', startTime: '2026-05-01T11:00:01Z', completionTime: '2026-05-01T11:00:43Z', durationSeconds: 42,
      },
      {name: 'report-manual-ab12c', trigger: 'manual', result: 'Running', startTime: '2026-05-01T12:00:00Z', durationSeconds: 30},
    ])
  })

  // `kubectl create job report-5 --from=cronjob/report` looks like the controller's `<name>-<minutes>`.
  test('a manual Job whose name ends in digits has no scheduled time', () => {
    const manual = job('report-5', {annotations: {[INSTANTIATE_ANNOTATION]: 'manual'}, status: {startTime: '2026-05-01T12:00:00Z'}})
    expect(jobHistory(cronJob, [manual], now)).toEqual([
      {name: 'report-5', trigger: 'manual', result: 'Running', startTime: '2026-05-01T12:00:00Z', durationSeconds: 30},
    ])
  })

  // As the controller orders them for history cleanup (cronjob utils.go byJobStartTime): not started last, ties by name.
  test('a Job that has not started (suspended, queued) is the newest, listed last', () => {
    const jobs = [
      job('report-manual-queue', {annotations: {[INSTANTIATE_ANNOTATION]: 'manual'}, status: {}}),
      job('report-manual-b', {annotations: {[INSTANTIATE_ANNOTATION]: 'manual'}, status: {startTime: '2026-05-01T12:00:00Z'}}),
      job('report-manual-a', {annotations: {[INSTANTIATE_ANNOTATION]: 'manual'}, status: {startTime: '2026-05-01T12:00:00Z'}}),
      job('report-manual-old', {annotations: {[INSTANTIATE_ANNOTATION]: 'manual'}, status: {startTime: '2026-05-01T11:00:00Z'}}),
    ]
    expect(jobHistory(cronJob, jobs, now).map((entry) => entry.name)).toEqual(['report-manual-old', 'report-manual-a', 'report-manual-b', 'report-manual-queue'])
  })

  test('a Job not owned by the CronJob is not its history', () => {
    expect(jobHistory(cronJob, [job('x', {uid: 'nope'})], now)).toEqual([])
  })
})
