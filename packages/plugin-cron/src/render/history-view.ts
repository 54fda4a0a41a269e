import {kubelineDocument} from '@kubeline/core'
import type {ResultView} from '@kubeline/core'
import type {CronJob} from '../domain/cron-job-types.js'
import type {JobHistoryEntry} from '../domain/job-history.js'
import {humanDuration, relativeTo} from './human-duration.js'

/** `history`: JSON kind CronJobHistory (docs/cron-trigger.md). */
export function historyView(cronJob: CronJob, entries: JobHistoryEntry[], now: Date): ResultView<JobHistoryEntry> {
  return {
    document: kubelineDocument('CronJobHistory', {
      cronJob: {namespace: cronJob.metadata.namespace, name: cronJob.metadata.name},
      jobs: entries,
    }),
    names: entries.map((entry) => `job.batch/${entry.name}`),
    table: {
      columns: [
        {header: 'JOB', value: (entry) => entry.name},
        {header: 'TRIGGER', value: (entry) => entry.trigger},
        {header: 'STARTED', value: (entry) => relativeTo(entry.startTime, now)},
        {header: 'DURATION', value: (entry) => (entry.durationSeconds === undefined ? '<none>' : humanDuration(entry.durationSeconds * 1000))},
        {header: 'RESULT', value: (entry) => entry.result},
        {header: 'REASON', value: (entry) => entry.reason ?? ''},
        {header: 'SCHEDULED FOR', value: (entry) => entry.scheduledTime ?? '<manual>', wide: true},
      ],
      rows: entries,
    },
  }
}
