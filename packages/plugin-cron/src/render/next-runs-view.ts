import {kubelineDocument} from '@kubeline/core'
import type {ResultView} from '@kubeline/core'
import {formatInZone} from '../domain/format-in-zone.js'
import {formatRfc3339Time} from '../domain/rfc3339-time.js'
import type {NextRunTimes} from '../services/next-run-times.js'
import {relativeTo} from './human-duration.js'

interface Row {
  index: number
  local: string
  utc: string
  relative: string
}

/** `next`: each run in the schedule's zone and in UTC. JSON kind NextRuns (docs/cron-trigger.md). */
export function nextRunsView(result: NextRunTimes, now: Date): ResultView<Row> {
  const rows = result.runs.map((run, index) => ({
    index: index + 1,
    local: formatInZone(run, result.timeZone),
    utc: formatRfc3339Time(run),
    relative: relativeTo(run.toISOString(), now),
  }))
  return {
    document: kubelineDocument('NextRuns', {
      ...(result.cronJob ? {cronJob: result.cronJob} : {}),
      schedule: result.schedule,
      timeZone: result.timeZone,
      from: result.from,
      runs: rows.map((row) => ({time: row.local, utc: row.utc})),
    }),
    table: {
      columns: [
        {header: '#', value: (row) => String(row.index), align: 'right'},
        {header: 'TIME', value: (row) => row.local},
        {header: 'UTC', value: (row) => row.utc},
        {header: 'IN', value: (row) => row.relative},
      ],
      rows,
    },
  }
}
