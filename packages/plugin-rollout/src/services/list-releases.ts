import {RESOURCES} from '@kubeline/core'
import type {KubeClient} from '@kubeline/core'
import {decodeState} from '../domain/release-state.js'
import {releaseStatus} from '../domain/release-status.js'
import type {ReleaseStatus} from '../domain/release-status.js'
import type {DeploymentObject} from './release-objects.js'

export interface ReleaseListItem {
  namespace: string
  /** Undefined when the recorded state cannot be read; `problem` says why. */
  status?: ReleaseStatus
  name: string
  problem?: string
}

/** Every Deployment that records a release, in one namespace or all, with its status; one list request. */
export async function listReleases(kube: KubeClient, options: {allNamespaces: boolean}): Promise<ReleaseListItem[]> {
  const {items} = await kube.list<DeploymentObject>(RESOURCES.deployments, options.allNamespaces ? {namespace: null} : {})
  const byKey = new Map(items.map((item) => [`${item.metadata.namespace}/${item.metadata.name}`, item]))
  return items.flatMap((stable): ReleaseListItem[] => {
    const namespace = stable.metadata.namespace as string
    const name = stable.metadata.name
    const annotations = stable.metadata.annotations ?? {}
    if (!Object.keys(annotations).some((key) => key.startsWith('kubeline.dev/rollout-'))) return []
    try {
      const state = decodeState(annotations)
      if (!state) return []
      return [{namespace, name, status: releaseStatus(state, stable, byKey.get(`${namespace}/${state.canaryName}`))}]
    } catch (err) {
      return [{namespace, name, problem: (err as Error).message}]
    }
  })
}
