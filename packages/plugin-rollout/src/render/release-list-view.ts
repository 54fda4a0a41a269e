import {kubelineDocument} from '@kubeline/core'
import type {ResultView} from '@kubeline/core'
import type {ReleaseListItem} from '../services/list-releases.js'

/** `list`: one row per Deployment with a release. JSON kind RolloutCanaryList. */
export function releaseListView(items: ReleaseListItem[], options: {allNamespaces: boolean}): ResultView<ReleaseListItem> {
  return {
    document: kubelineDocument('RolloutCanaryList', {items}),
    names: items.map((item) => `deployment.apps/${item.name}`),
    table: {
      columns: [
        ...(options.allNamespaces ? [{header: 'NAMESPACE', value: (item: ReleaseListItem) => item.namespace}] : []),
        {header: 'NAME', value: (item) => item.name},
        {header: 'PHASE', value: (item) => item.status?.phase ?? 'Unreadable'},
        {header: 'STEP', value: (item) => (item.status ? `${item.status.step}/${item.status.steps}` : '-')},
        {header: 'WEIGHT', value: (item) => (item.status ? `${item.status.actualWeight}%/${item.status.desiredWeight}%` : '-')},
        {header: 'CANARY', value: (item) => item.status?.canary?.name ?? '<none>'},
        {header: 'MESSAGE', value: (item) => item.problem ?? item.status?.message ?? '', wide: true},
      ],
      rows: items,
    },
  }
}
