import type {KubeObject} from '../../store/object-store.js'
import {humanDuration} from '../human-duration.js'
import {age, ageColumn, column, count, field, nameColumn, text} from './column.js'
import type {Loose, TableColumn} from './column.js'
import {podPrintedState} from './pod-printed-state.js'

function jobStatus(job: KubeObject): string {
  const conditions = (field(job, 'status', 'conditions') as Loose[] | undefined) ?? []
  const done = conditions.find((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True')
  if (done) return done.type === 'Complete' ? 'Complete' : 'Failed'
  return field(job, 'spec', 'suspend') === true ? 'Suspended' : 'Running'
}

function jobDuration(job: KubeObject, now: Date): string {
  const start = field(job, 'status', 'startTime')
  if (typeof start !== 'string') return ''
  const end = field(job, 'status', 'completionTime')
  return humanDuration((typeof end === 'string' ? Date.parse(end) : now.getTime()) - Date.parse(start))
}

/** kube-apiserver's columns (pkg/printers/internalversion/printers.go) for the workload kinds. */
export const WORKLOAD_COLUMNS: Record<string, TableColumn[]> = {
  pods: [
    nameColumn,
    column('Ready', (o) => podPrintedState(o).ready),
    column('Status', (o) => podPrintedState(o).status),
    column('Restarts', (o) => podPrintedState(o).restarts, 0, 'integer'),
    ageColumn,
    column('IP', (o) => text(field(o, 'status', 'podIP')), 1),
    column('Node', (o) => text(field(o, 'spec', 'nodeName')), 1),
  ],
  deployments: [
    nameColumn,
    column('Ready', (o) => `${count(field(o, 'status', 'readyReplicas'))}/${count(field(o, 'spec', 'replicas') ?? 1)}`),
    column('Up-to-date', (o) => count(field(o, 'status', 'updatedReplicas')), 0, 'integer'),
    column('Available', (o) => count(field(o, 'status', 'availableReplicas')), 0, 'integer'),
    ageColumn,
  ],
  replicasets: [
    nameColumn,
    column('Desired', (o) => count(field(o, 'spec', 'replicas') ?? 1), 0, 'integer'),
    column('Current', (o) => count(field(o, 'status', 'replicas')), 0, 'integer'),
    column('Ready', (o) => count(field(o, 'status', 'readyReplicas')), 0, 'integer'),
    ageColumn,
  ],
  jobs: [
    nameColumn,
    column('Status', jobStatus),
    column('Completions', (o) => `${count(field(o, 'status', 'succeeded'))}/${count(field(o, 'spec', 'completions') ?? 1)}`),
    column('Duration', jobDuration),
    ageColumn,
  ],
  cronjobs: [
    nameColumn,
    column('Schedule', (o) => text(field(o, 'spec', 'schedule'))),
    column('Timezone', (o) => text(field(o, 'spec', 'timeZone'))),
    column('Suspend', (o) => (field(o, 'spec', 'suspend') === true ? 'True' : 'False')),
    column('Active', (o) => ((field(o, 'status', 'active') as unknown[] | undefined) ?? []).length, 0, 'integer'),
    column('Last Schedule', (o, now) => {
      const last = field(o, 'status', 'lastScheduleTime')
      return typeof last === 'string' ? age(last, now) : '<none>'
    }),
    ageColumn,
  ],
}
