import {kubelineDocument} from '@kubeline/core'
import type {ResultView} from '@kubeline/core'
import type {SuspendChange} from '../services/set-suspend.js'

/** kubectl-style lines: `cronjob.batch/x suspended` (or `unchanged`). JSON kind SuspendResult. */
export function suspendView(changes: SuspendChange[], dryRun: string): ResultView<SuspendChange> {
  const suffix = dryRun === 'none' ? '' : ` (dry run: ${dryRun})`
  return {
    document: kubelineDocument('SuspendResult', {dryRun, items: changes}),
    names: changes.map((change) => `cronjob.batch/${change.name}`),
    text: () =>
      changes
        .map((change) => `cronjob.batch/${change.name} ${change.changed ? (change.suspend ? 'suspended' : 'resumed') : 'unchanged'}${suffix}`)
        .join('\n'),
  }
}
