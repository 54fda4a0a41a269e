import {kubelineDocument} from '@kubeline/core'
import type {ResultView} from '@kubeline/core'
import type {CronJobSummary} from '../domain/cron-job-summary.js'
import {relativeTo} from './human-duration.js'

/** `list`: one row per CronJob. JSON kind CronJobList (docs/cron-trigger.md). */
export function cronJobListView(items: CronJobSummary[], options: {now: Date; allNamespaces: boolean}): ResultView<CronJobSummary> {
  const {now} = options
  return {
    document: kubelineDocument('CronJobList', {items}),
    names: items.map((item) => `cronjob.batch/${item.name}`),
    table: {
      columns: [
        ...(options.allNamespaces ? [{header: 'NAMESPACE', value: (item: CronJobSummary) => item.namespace}] : []),
        {header: 'NAME', value: (item) => item.name},
        {header: 'SCHEDULE', value: (item) => item.schedule},
        {header: 'TIMEZONE', value: (item) => item.timeZone ?? '<none>'},
        {header: 'SUSPEND', value: (item) => (item.suspended ? 'True' : 'False')},
        {header: 'ACTIVE', value: (item) => String(item.active), align: 'right'},
        {header: 'LAST SCHEDULE', value: (item) => relativeTo(item.lastScheduleTime, now)},
        {header: 'LAST SUCCESS', value: (item) => relativeTo(item.lastSuccessfulTime, now)},
        {header: 'NEXT RUN', value: (item) => (item.nextRun ? `${item.nextRun} (${relativeTo(item.nextRun, now)})` : '<none>')},
        {header: 'WARNINGS', value: (item) => item.warnings.map((warning) => warning.kind).join(',') || '<none>'},
        {header: 'DETAILS', value: (item) => item.warnings.map((warning) => warning.message).join('; '), wide: true},
      ],
      rows: items,
    },
  }
}
