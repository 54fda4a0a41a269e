import {RESOURCES} from '@kubeline/core'
import type {KubeClient, ResourceType} from '@kubeline/core'

/** A Deployment (or, with `type`, another object such as an HTTPRoute) to watch, with the resourceVersion last read (none when it did not exist). */
export interface WatchedDeployment {
  name: string
  resourceVersion?: string
  type?: ResourceType
}

/**
 * Resolves when any of the Deployments changes after the version read, or at `until`, whichever comes
 * first. One watch per name (fieldSelector metadata.name=X), all stopped on return.
 */
export async function waitForChange(kube: KubeClient, namespace: string, watched: WatchedDeployment[], until: Date): Promise<void> {
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), Math.max(0, until.getTime() - Date.now()))
  try {
    await Promise.race(watched.map((deployment) => firstChange(kube, namespace, deployment, controller.signal)))
  } finally {
    clearTimeout(timer)
    controller.abort()
  }
}

async function firstChange(kube: KubeClient, namespace: string, deployment: WatchedDeployment, signal: AbortSignal): Promise<void> {
  const events = kube.watch(deployment.type ?? RESOURCES.deployments, {
    namespace,
    fieldSelector: `metadata.name=${deployment.name}`,
    ...(deployment.resourceVersion === undefined ? {} : {resourceVersion: deployment.resourceVersion}),
    signal,
  })
  for await (const event of events) {
    if (event.object.metadata.resourceVersion !== deployment.resourceVersion) return
  }
}
