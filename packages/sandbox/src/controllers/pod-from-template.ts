import type {KubeObject} from '../store/object-store.js'
import {controllerReference} from './owner-references.js'
import type {PodSpecView} from './pod-status.js'
import {pendingStatus} from './pod-status.js'

export interface PodTemplate {
  metadata?: {labels?: Record<string, string>; annotations?: Record<string, string>}
  spec?: PodSpecView
}

/** A new pod for a controller: `<owner>-` generated name, the template's labels and annotations plus `extra`, a controller reference. */
export function podFromTemplate(
  owner: KubeObject,
  template: PodTemplate,
  extra: {labels?: Record<string, string>; annotations?: Record<string, string>} = {},
): KubeObject {
  const spec = template.spec ?? {}
  const labels = {...template.metadata?.labels, ...extra.labels}
  const annotations = {...template.metadata?.annotations, ...extra.annotations}
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName: `${owner.metadata.name}-`,
      namespace: owner.metadata.namespace,
      ...(Object.keys(labels).length > 0 ? {labels} : {}),
      ...(Object.keys(annotations).length > 0 ? {annotations} : {}),
      ownerReferences: [controllerReference(owner)],
    },
    spec: structuredClone(spec),
    status: pendingStatus(spec),
  }
}
